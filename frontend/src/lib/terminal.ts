// The exec websocket's protocol (see the containers tag in the API docs), kept pure so
// the messages a user reads are tested without a browser.

export type ExitFrame = { type: "exit"; code: number | null; reason: string; detail?: string };

/** ws(s)://<this origin>/api/v1/containers/<id>/exec */
export function execUrl(containerId: string, location: { protocol: string; host: string }): string {
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  return `${scheme}://${location.host}/api/v1/containers/${encodeURIComponent(containerId)}/exec`;
}

export const authMessage = (token: string, cols: number, rows: number) =>
  JSON.stringify({ type: "auth", token, cols, rows });
export const inputMessage = (data: string) => JSON.stringify({ type: "input", data });
export const resizeMessage = (cols: number, rows: number) => JSON.stringify({ type: "resize", cols, rows });

export function parseExit(text: string): ExitFrame | null {
  try {
    const frame = JSON.parse(text) as Partial<ExitFrame>;
    return frame.type === "exit" ? { type: "exit", code: frame.code ?? null, reason: frame.reason ?? "exited", detail: frame.detail } : null;
  } catch {
    return null;
  }
}

const REASONS: Record<string, string> = {
  idle: "it was idle for too long",
  revoked: "your token was revoked or expired",
  forbidden: "you no longer have the developer role in this app's group",
  removed: "the container was removed",
  closed: "the connection closed",
};

const CLOSE_CODES: Record<number, string> = {
  4401: "not authenticated: log in again",
  4403: "refused: a terminal needs the developer role (or this page's origin is not the platform's)",
  4404: "no such container, or it is not in one of your groups",
  4408: "it was idle for too long",
  4409: "the container is not running",
  4429: "too many terminal sessions are open (for you or for this container)",
  1011: "the terminal failed on the server",
};

/** One sentence saying why a session ended, from its exit frame or its close code. */
export function endMessage(exit: ExitFrame | null, closeCode: number): string {
  if (exit) {
    if (exit.reason === "exited") return `Session ended: the shell exited with code ${exit.code ?? "unknown"}.`;
    if (exit.reason === "error") return `Session ended: ${exit.detail || "the host's engine failed"}.`;
    return `Session ended: ${REASONS[exit.reason] ?? exit.reason}.`;
  }
  return `Session ended: ${CLOSE_CODES[closeCode] ?? `the connection was lost (code ${closeCode})`}.`;
}

/** The ssh command for a container, from the gateway's template. */
export function sshCommand(template: string, containerId: string): string {
  return template.replace("{container}", containerId.slice(0, 8));
}
