// What the container page says about a container: why it is unwell, in a sentence,
// from what its host last reported (state, exit code, restarts, Docker's health log).
import type { components } from "../api/schema.gen";

export type HealthResult = { exit_code: number | null; end: string; output: string };
/** ContainerRead with the host's report; older servers send no report fields. */
export type ContainerDetail = components["schemas"]["ContainerRead"] & {
  exit_code?: number | null;
  restart_count?: number;
  health_log?: HealthResult[];
};

/** The newest failed health check, if any. */
export function lastFailedCheck(log: HealthResult[] | undefined): HealthResult | null {
  const failed = (log ?? []).filter((r) => r.exit_code !== 0);
  return failed.length ? (failed[failed.length - 1] as HealthResult) : null;
}

function firstLine(text: string, max = 200): string {
  const line = text.trim().split("\n").find((l) => l.trim()) ?? "";
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** Why the container is not well, or null when it is (or nothing says otherwise). */
export function unwellReason(c: ContainerDetail): string | null {
  if (c.health === "unhealthy") {
    const failed = lastFailedCheck(c.health_log);
    if (!failed) return "Its health check fails; the host has not reported the check's output yet.";
    const code = failed.exit_code === null ? "timed out" : `exited with code ${failed.exit_code}`;
    const output = firstLine(failed.output);
    return `Its health check ${code}${output ? `: ${output}` : " without output"}.`;
  }
  if (["exited", "dead", "failed"].includes(c.state) && c.desired_state === "running") {
    const code = c.exit_code == null ? "" : ` with code ${c.exit_code}`;
    const why = c.last_error ? `: ${firstLine(c.last_error)}` : "";
    return `It stopped${code} although it should run${why}.`;
  }
  if (c.last_error) return `The last attempt failed: ${firstLine(c.last_error)}.`;
  if ((c.restart_count ?? 0) > 0 && c.state === "restarting") {
    return `It keeps restarting (${c.restart_count} restarts so far).`;
  }
  return null;
}

/** An env value as the page shows it before anyone asks to see it. */
export const MASK = "••••••••";
