import { useEffect, useState } from "react";

import { getToken } from "../api/auth-token";
import { authMessage, buildLogUrl, closeMessage, parseLogFrame } from "../lib/build-log";
import { LogBuffer } from "../lib/log-buffer";

export type StreamState = "connecting" | "open" | "ended" | "lost";
export type BuildLog = {
  /** Lines received so far; changes (at most every FLUSH_MS) as they arrive. */
  total: number;
  state: StreamState;
  /** The build's status from the end frame. */
  endStatus: string | null;
  /** Why the stream stopped early (auth refused, connection lost). */
  message: string | null;
};

// Lines are parsed as they come and drawn in batches: a build printing thousands of
// lines a second re-renders ~12 times a second, not once a line.
const FLUSH_MS = 80;

/**
 * Follows a build's log over its websocket (bearer token in the first message): the
 * lines so far, then the live tail, then the end frame with the final status. Mount it
 * under a `key` of the build id (and a reconnect attempt): a new socket needs an empty
 * buffer, as the server replays the lines so far.
 */
export function useBuildLog(buildId: string): BuildLog & { buffer: LogBuffer } {
  const [buffer] = useState(() => new LogBuffer());
  const [log, setLog] = useState<BuildLog>({ total: 0, state: "connecting", endStatus: null, message: null });

  useEffect(() => {
    let pending: string[] = [];
    let timer: number | undefined;
    let ended = false;
    const flush = () => {
      timer = undefined;
      buffer.push(pending);
      pending = [];
      setLog((prev) => ({ ...prev, total: buffer.total }));
    };
    const ws = new WebSocket(buildLogUrl(buildId, window.location));
    ws.onopen = () => {
      ws.send(authMessage(getToken() ?? ""));
      setLog((prev) => ({ ...prev, state: "open" }));
    };
    ws.onmessage = (event: MessageEvent<unknown>) => {
      if (typeof event.data !== "string") return;
      const frame = parseLogFrame(event.data);
      if (frame?.type === "lines") {
        pending.push(...frame.lines);
        timer ??= window.setTimeout(flush, FLUSH_MS);
      } else if (frame?.type === "end") {
        ended = true;
        window.clearTimeout(timer);
        flush();
        setLog((prev) => ({ ...prev, state: "ended", endStatus: frame.status }));
      }
    };
    ws.onclose = (event) => {
      if (ended) return;
      window.clearTimeout(timer);
      flush();
      setLog((prev) => ({ ...prev, state: "lost", message: closeMessage(event.code) }));
    };
    return () => {
      window.clearTimeout(timer);
      ws.onclose = null;
      ws.onmessage = null;
      ws.close();
    };
  }, [buildId, buffer]);

  return { ...log, buffer };
}
