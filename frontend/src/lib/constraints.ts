// Placement constraints: one `label=value` per line; a host qualifies when its labels
// hold every pair (backend/scheduler/placement.py `matches`).
export type ParsedConstraints = { constraints: Record<string, string>; errors: string[] };
export type ConstraintLimits = { maxProperties?: number; keyMaxLength?: number; valueMaxLength?: number };

export function parseConstraints(text: string, limits: ConstraintLimits = {}): ParsedConstraints {
  const constraints: Record<string, string> = {};
  const errors: string[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    const raw = line.trim();
    if (!raw || raw.startsWith("#")) return;
    const at = `line ${index + 1}`;
    const eq = raw.indexOf("=");
    const key = eq < 0 ? "" : raw.slice(0, eq).trim();
    const value = eq < 0 ? "" : raw.slice(eq + 1).trim();
    if (!key) errors.push(`${at}: expected label=value, got "${raw}"`);
    else if (limits.keyMaxLength && key.length > limits.keyMaxLength) {
      errors.push(`${at}: a label is at most ${limits.keyMaxLength} characters`);
    } else if (limits.valueMaxLength && value.length > limits.valueMaxLength) {
      errors.push(`${at}: a value is at most ${limits.valueMaxLength} characters`);
    } else if (Object.hasOwn(constraints, key)) errors.push(`${at}: ${key} is given twice`);
    else constraints[key] = value;
  });
  if (limits.maxProperties && Object.keys(constraints).length > limits.maxProperties) {
    errors.push(`at most ${limits.maxProperties} constraints`);
  }
  return { constraints, errors };
}

export function formatConstraints(constraints: Record<string, string> | undefined): string {
  return Object.keys(constraints ?? {}).sort().map((k) => `${k}=${constraints?.[k] ?? ""}`).join("\n");
}
