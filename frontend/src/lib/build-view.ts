// How builds read in the dashboard: status colours, durations, short commits.
import type { Tone } from "../components/badge";

const TONES: Record<string, Tone> = {
  queued: "gray", running: "blue", succeeded: "green", failed: "red", cancelled: "amber",
};

export const statusTone = (status: string): Tone => TONES[status] ?? "gray";

export const shortCommit = (commit: string | null | undefined) => (commit ? commit.slice(0, 7) : "—");

/** "42 s", "3 min 05 s", "1 h 02 min"; "—" before it starts. */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return "—";
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, "0")} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, "0")} min`;
}

/** Seconds from start to finish, or to `now` while it runs. */
export function buildSeconds(started: string | null | undefined, finished: string | null | undefined,
  now = Date.now()): number | null {
  if (!started) return null;
  const end = finished ? new Date(finished).getTime() : now;
  return (end - new Date(started).getTime()) / 1000;
}

/** "1.4 MB" for an image size in bytes. */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return "—";
  const units = ["B", "KB", "MB", "GB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}
