// Two versions side by side: one row per setting, each value as lines, and which
// lines exist on one side only, so a change inside a long env stands out.
import type { HealthCheck, Version } from "../api/versions";
import { formatArgs } from "./args";
import { formatConstraints } from "./constraints";
import { formatEnv } from "./env";
import { formatPorts } from "./ports";
import { formatVolumes } from "./volumes";

export type DiffLine = { text: string; only: boolean };
export type DiffRow = { field: string; left: DiffLine[]; right: DiffLine[]; changed: boolean };

export function formatHealth(check: HealthCheck | null | undefined): string {
  if (!check) return "";
  const what = check.type === "http" ? `HTTP ${check.path ?? "/"}${check.port ? ` port ${check.port}` : ""}`
    : check.type === "tcp" ? `TCP${check.port ? ` port ${check.port}` : ""}`
    : `command ${formatArgs(check.command)}`;
  const timing = `every ${check.interval_s ?? 10} s, timeout ${check.timeout_s ?? 3} s, `
    + `${check.retries ?? 3} retries, start period ${check.start_period_s ?? 0} s`;
  return `${what}\n${timing}`;
}

const FIELDS: [string, (v: Version) => string][] = [
  ["Image", (v) => v.image],
  ["Command", (v) => (v.command?.length ? formatArgs(v.command) : "")],
  ["Environment", (v) => formatEnv(v.env ?? {})],
  ["Ports", (v) => formatPorts(v.ports).replaceAll(", ", "\n")],
  ["Volumes", (v) => formatVolumes(v.volumes)],
  ["Memory", (v) => `${v.memory_mb ?? 128} MiB`],
  ["CPU shares", (v) => String(v.cpu_shares ?? 1024)],
  ["Constraints", (v) => formatConstraints(v.constraints)],
  ["Health check", (v) => formatHealth(v.health_check)],
  ["Note", (v) => v.note ?? ""],
];

function lines(text: string): string[] {
  return text ? text.split("\n") : [];
}

function mark(mine: string[], theirs: string[]): DiffLine[] {
  const other = new Set(theirs);
  return mine.map((text) => ({ text, only: !other.has(text) }));
}

export function diffVersions(left: Version, right: Version): DiffRow[] {
  return FIELDS.map(([field, show]) => {
    const a = lines(show(left));
    const b = lines(show(right));
    return { field, left: mark(a, b), right: mark(b, a), changed: a.join("\n") !== b.join("\n") };
  });
}
