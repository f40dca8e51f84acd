import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";

import { LOG_LINES, logsQuery } from "../../api/containers";
import { ProblemAlert } from "../../components/problem-alert";
import { shortId } from "../../lib/format";
import { parseLogs } from "../../lib/logs";

export type LogsTarget = { id: string; host: string | null; version: number };

/** A side panel with a container's last 200 lines; "Follow" re-reads them every 2 s. */
export function LogsDrawer({ target, onClose }: { target: LogsTarget; onClose: () => void }) {
  const [follow, setFollow] = useState(false);
  const logs = useQuery({ ...logsQuery(target.id), refetchInterval: follow ? 2000 : false });

  useEffect(() => {
    const close = (e: KeyboardEvent) => {
      if (e.key === "Escape") onClose();
    };
    document.addEventListener("keydown", close);
    return () => document.removeEventListener("keydown", close);
  }, [onClose]);

  const lines = parseLogs(logs.data ?? "");
  return (
    <div className="drawer-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <aside className="drawer" role="dialog" aria-modal="true" aria-label="Container logs" data-testid="logs-drawer">
        <header className="drawer-head">
          <div>
            <h2>Logs <span className="mono muted">{shortId(target.id)}</span></h2>
            <p className="muted small">
              v{target.version} on {target.host ?? "no host"} · last {LOG_LINES} lines
            </p>
          </div>
          <div className="drawer-actions">
            <label className="toggle">
              <input type="checkbox" checked={follow} onChange={(e) => setFollow(e.target.checked)} />
              Follow
            </label>
            <button type="button" className="btn btn-small" disabled={logs.isFetching}
              onClick={() => void logs.refetch()}>Refresh</button>
            <button type="button" className="btn btn-small btn-ghost" onClick={onClose} aria-label="Close logs">✕</button>
          </div>
        </header>
        <ProblemAlert error={logs.error} />
        {logs.isPending ? (
          <p className="muted">Loading…</p>
        ) : (
          !logs.isError && (
            <pre className="logs" data-testid="logs">
              {lines.length === 0 && <span className="logs-empty">No output yet.</span>}
              {lines.map((line, i) => (
                <div key={i} className="log-line">
                  {line.time && <span className="log-time">{line.time}</span>}
                  <span>{line.text}</span>
                </div>
              ))}
            </pre>
          )
        )}
      </aside>
    </div>
  );
}
