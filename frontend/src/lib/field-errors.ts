// A 422's errors placed beside the form fields they concern: each error's `loc`
// (["body", "health_check", "interval_s"]) goes through the form's own mapping to a
// field name; what maps nowhere stays for the form's general alert.
import { ApiError } from "../api/problem";

export type Placed = { fields: Record<string, string>; rest: string[] };
type LocError = { loc?: unknown[]; msg?: string };

/** Pydantic prefixes a validator's message with its kind; the user needs the message. */
export function cleanMessage(msg: string): string {
  const text = msg.replace(/^(Value error|Assertion failed), /, "");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function placeErrors(error: unknown, fieldOf: (path: string[]) => string | null): Placed {
  const placed: Placed = { fields: {}, rest: [] };
  if (!(error instanceof ApiError) || error.status !== 422) return placed;
  for (const raw of (error.problem.errors ?? []) as LocError[]) {
    const path = (raw.loc ?? []).map(String).filter((p, i) => !(i === 0 && p === "body"));
    const message = cleanMessage(raw.msg ?? "invalid");
    const field = fieldOf(path);
    if (field === null) placed.rest.push(path.length ? `${path.join(".")}: ${message}` : message);
    else placed.fields[field] = placed.fields[field] ? `${placed.fields[field]}; ${message}` : message;
  }
  return placed;
}

const HEALTH_FIELDS: Record<string, string> = {
  path: "health_path", port: "health_port", command: "health_command", interval_s: "health_interval_s",
  timeout_s: "health_timeout_s", retries: "health_retries", start_period_s: "health_start_period_s",
};
const VERSION_FIELDS = new Set(["image", "note", "command", "env", "ports", "volumes", "constraints", "memory_mb", "cpu_shares"]);

/** Where a VersionCreate error belongs in the version form. */
export function versionFieldOf(path: string[]): string | null {
  const [head, second, third] = path;
  if (head === "health_check") {
    if (second === undefined) return "health_type";
    // A tagged union puts the member's name first: health_check.HealthCheck.interval_s
    const name = second in HEALTH_FIELDS ? second : third;
    return (name && HEALTH_FIELDS[name]) ?? "health_type";
  }
  if (head && VERSION_FIELDS.has(head)) return head;
  return null;
}
