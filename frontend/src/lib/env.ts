// KEY=VALUE lines → the `env` object of a version, with the backend's rules
// (backend/versions/rules.py) checked here so mistakes show before a round trip.
export const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
export const MAX_ENV_VALUE = 32 * 1024;
export const MAX_ENV_VARS = 256;

export type EnvLineError = { line: number; message: string };
export type ParsedEnv = { env: Record<string, string>; errors: EnvLineError[] };

/**
 * Parse one variable per line. Blank lines and `#` comments are skipped; the name is
 * trimmed, the value kept as typed (it may be empty or contain `=`).
 */
export function parseEnv(text: string): ParsedEnv {
  const env: Record<string, string> = {};
  const errors: EnvLineError[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    if (!raw.trim() || raw.trimStart().startsWith("#")) return;
    const eq = raw.indexOf("=");
    if (eq < 0) {
      errors.push({ line, message: `expected KEY=VALUE, got ${JSON.stringify(raw.trim())}` });
      return;
    }
    const name = raw.slice(0, eq).trim();
    const value = raw.slice(eq + 1);
    const problem = envNameError(name) ?? envValueError(name, value);
    if (problem) errors.push({ line, message: problem });
    else if (Object.hasOwn(env, name)) errors.push({ line, message: `${name} is set twice` });
    else env[name] = value;
  });
  if (Object.keys(env).length > MAX_ENV_VARS) {
    errors.push({ line: 0, message: `at most ${MAX_ENV_VARS} variables` });
  }
  return { env, errors };
}

export function envNameError(name: string): string | null {
  if (!name) return "a variable needs a name before the =";
  if (!ENV_NAME.test(name)) {
    return `${JSON.stringify(name)} is not a valid variable name (letters, digits, _; not a digit first)`;
  }
  return null;
}

export function envValueError(name: string, value: string): string | null {
  if (/[\r\n\0]/.test(value)) return `the value of ${name} contains a newline or NUL`;
  if (value.length > MAX_ENV_VALUE) {
    return `the value of ${name} is longer than ${MAX_ENV_VALUE} characters`;
  }
  return null;
}

/** The inverse, for showing a version's env: one KEY=VALUE per line, sorted by name. */
export function formatEnv(env: Record<string, string>): string {
  return Object.keys(env)
    .sort()
    .map((name) => `${name}=${env[name]}`)
    .join("\n");
}
