import { useEffect, useState } from "react";

import { Badge } from "../components/badge";
import { LogViewer } from "../components/log-viewer";
import { type StreamState, useBuildLog } from "../hooks/use-build-log";

const TONES = { connecting: "amber", open: "green", ended: "gray", lost: "red" } as const;
const WORDS: Record<StreamState, string> = { connecting: "connecting", open: "live", ended: "complete", lost: "stopped" };

/** The live tail over the websocket; "Reconnect" opens a fresh one (the server replays). */
function LiveLog({ buildId, onReconnect, onEnd }: { buildId: string; onReconnect: () => void; onEnd: () => void }) {
  const log = useBuildLog(buildId);
  const ended = log.state === "ended";
  useEffect(() => {
    if (ended) onEnd();
  }, [ended, onEnd]);
  return (
    <>
      <div className="card-head">
        <div className="card-title">
          <h2>Log</h2>
          <span className="small" data-testid="log-state"><Badge tone={TONES[log.state]}>{WORDS[log.state]}</Badge></span>
        </div>
        {log.state === "lost" && <button type="button" className="btn btn-small" onClick={onReconnect}>Reconnect</button>}
      </div>
      {log.message && <div className="alert alert-error" role="alert">{log.message}</div>}
      <LogViewer buffer={log.buffer} total={log.total} label="Build log"
        empty={log.state === "connecting" ? "Connecting…" : "No output yet."} />
    </>
  );
}

/** A build's log over the websocket: the lines so far, then the live tail; `onEnd` once it ends. */
export function BuildLogCard({ buildId, onEnd }: { buildId: string; onEnd: () => void }) {
  const [attempt, setAttempt] = useState(0);
  return (
    <section className="card">
      <LiveLog key={`${buildId}-${attempt}`} buildId={buildId} onEnd={onEnd} onReconnect={() => setAttempt((n) => n + 1)} />
    </section>
  );
}
