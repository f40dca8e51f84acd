import { useState } from "react";

import { type ContainerAction, useContainerAction } from "../../api/containers";
import type { TopologyContainer } from "../../api/deployments";
import { Badge } from "../../components/badge";
import { ProblemAlert } from "../../components/problem-alert";
import { shortId } from "../../lib/format";
import { canStart, canStop, healthBadge, publishedAddresses, stateTone } from "../../lib/topology";
import { JobNoteRow, type TrackedJob } from "./job-progress";
import type { LogsTarget } from "./logs-drawer";
import { TerminalDrawer } from "./terminal-drawer";

const DOING: Record<ContainerAction, string> = {
  start: "Starting", stop: "Stopping", restart: "Restarting", remove: "Removing",
};

export type RowProps = {
  appId: string;
  container: TopologyContainer;
  version: number;
  canOperate: boolean;
  /** The grayscale checkbox: absent when the container is already on the upgrade's target. */
  pick?: { checked: boolean; onChange: (checked: boolean) => void };
  onLogs: (target: LogsTarget) => void;
  columns: number;
};

/** One container: identity, live state, health, traffic, address, and its buttons. */
export function ContainerRow({ appId, container: c, version, canOperate, pick, onLogs, columns }: RowProps) {
  const action = useContainerAction(appId);
  const [job, setJob] = useState<TrackedJob | null>(null);
  const [terminal, setTerminal] = useState(false);
  const health = healthBadge(c.health, c.state);
  const addresses = publishedAddresses(c.ports);
  const busy = action.isPending;

  const run = (what: ContainerAction) => {
    if (what === "remove" && !window.confirm(`Remove container ${shortId(c.id)}? The deployment keeps one replica fewer.`)) return;
    setJob(null);
    action.mutate({ containerId: c.id, action: what }, {
      onSuccess: ({ job_id }) => setJob({ id: job_id, label: DOING[what] }),
    });
  };

  return (
    <>
      <tr data-testid="container" data-state={c.state} className={c.serving ? "" : "not-serving"}>
        {canOperate && (
          <td className="check-cell">
            {pick ? (
              <input type="checkbox" aria-label={`Pick ${shortId(c.id)} for the upgrade`}
                checked={pick.checked} onChange={(e) => pick.onChange(e.target.checked)} />
            ) : (
              <input type="checkbox" disabled title="Already on the target version" aria-label="Already on the target version" />
            )}
          </td>
        )}
        <td className="mono" title={c.id}>{shortId(c.id)}</td>
        <td>{c.host_name ?? <span className="muted">unplaced</span>}</td>
        <td><Badge tone={stateTone(c.state)}>{c.state}</Badge></td>
        <td>{health ? <Badge tone={health.tone}>{health.label}</Badge> : <span className="muted">—</span>}</td>
        <td>
          {c.serving
            ? <span className="serving"><span className="dot dot-green" />serving</span>
            : <span className="serving muted"><span className="dot" />idle</span>}
        </td>
        <td className="mono small">
          {addresses.length ? addresses.map((a) => (
            <div key={a.port} className="nowrap" title={`${a.address} → container port ${a.port}`}>
              {a.address} <span className="muted">→ {a.port}</span>
            </div>
          )) : <span className="muted">—</span>}
        </td>
        <td className="row-actions">
          <button type="button" className="btn btn-small"
            onClick={() => onLogs({ id: c.id, host: c.host_name, version })}>Logs</button>
          {canOperate && c.state === "running" && (
            <button type="button" className="btn btn-small" onClick={() => setTerminal(true)}>Terminal</button>
          )}
          {canOperate && (
            <>
              {canStart(c.state) ? (
                <button type="button" className="btn btn-small" disabled={busy} onClick={() => run("start")}>Start</button>
              ) : (
                <button type="button" className="btn btn-small" disabled={busy || !canStop(c.state)}
                  onClick={() => run("stop")}>Stop</button>
              )}
              <button type="button" className="btn btn-small" disabled={busy} onClick={() => run("restart")}>Restart</button>
              <button type="button" className="btn btn-small btn-danger" disabled={busy} onClick={() => run("remove")}>Remove</button>
            </>
          )}
        </td>
      </tr>
      {action.error && (
        <tr className="note-row"><td colSpan={columns}><ProblemAlert error={action.error} /></td></tr>
      )}
      {job && <JobNoteRow key={job.id} job={job} columns={columns} onDismiss={() => setJob(null)} />}
      {terminal && <TerminalDrawer target={{ id: c.id, host: c.host_name }} onClose={() => setTerminal(false)} />}
    </>
  );
}
