// The build-log websocket's protocol (builds tag in the API docs), kept pure so the
// frames and the sentences a user reads are tested without a browser.

export type BuildStatus = "queued" | "running" | "succeeded" | "failed" | "cancelled";
export type LogFrame =
  | { type: "lines"; lines: string[] }
  | { type: "end"; status: BuildStatus | string };

/** ws(s)://<this origin>/api/v1/builds/<id>/log/stream */
export function buildLogUrl(buildId: string, location: { protocol: string; host: string }): string {
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  return `${scheme}://${location.host}/api/v1/builds/${encodeURIComponent(buildId)}/log/stream`;
}

export const authMessage = (token: string) => JSON.stringify({ type: "auth", token });

/** Lines carry no newline; a frame with several lines (a late reader's backlog) splits. */
function asLines(value: unknown): string[] {
  if (typeof value === "string") return value.replace(/\r?\n$/, "").split(/\r?\n/);
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string");
  return [];
}

/** One text frame: lines, the end with the build's status, or null for anything else. */
export function parseLogFrame(text: string): LogFrame | null {
  let frame: unknown;
  try {
    frame = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof frame !== "object" || frame === null) return null;
  const f = frame as Record<string, unknown>;
  if (f.type === "end") return { type: "end", status: typeof f.status === "string" ? f.status : "unknown" };
  if (f.type === "line" || f.type === "lines" || f.type === "log") {
    return { type: "lines", lines: asLines(f.lines ?? f.line ?? f.data ?? f.text) };
  }
  return null;
}

const CLOSE_CODES: Record<number, string> = {
  4401: "not authenticated: log in again",
  4403: "refused: this page is not on the platform's own address",
  4404: "no such build, or it is not in one of your namespaces",
  1011: "the log stream failed on the server",
};

/** Why the stream stopped before its end frame, in one sentence. */
export function closeMessage(code: number): string {
  return `The live log stopped: ${CLOSE_CODES[code] ?? `the connection was lost (code ${code})`}.`;
}

export const isFinished = (status: string | null | undefined) =>
  status === "succeeded" || status === "failed" || status === "cancelled";
