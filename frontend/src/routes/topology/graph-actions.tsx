import { useState } from "react";
import { Link } from "react-router";

import { type ContainerAction, useContainerAction } from "../../api/containers";
import { type Topology, useDeploymentMutations } from "../../api/deployments";
import { Badge } from "../../components/badge";
import { ProblemAlert } from "../../components/problem-alert";
import { shortId } from "../../lib/format";
import { allContainers, canStart, canStop, healthBadge, stateTone } from "../../lib/topology";
import { JobProgress, type TrackedJob } from "../deployment/job-progress";
import type { LogsTarget } from "../deployment/logs-drawer";

export type Selection =
  | { kind: "cluster"; clusterId: string; name: string }
  | { kind: "container"; clusterId: string; containerId: string };

type Props = {
  appId: string;
  topology: Topology;
  selection: Selection;
  versions: number[];
  canOperate: boolean;
  onLogs: (target: LogsTarget) => void;
  onClose: () => void;
};

/** What the clicked node offers: a cluster takes one more container, a container its actions. */
export function GraphActions(props: Props) {
  const { selection, onClose } = props;
  return (
    <aside className="graph-actions card" aria-label="Actions" data-testid="graph-actions"
      onKeyDown={(e) => { if (e.key === "Escape") onClose(); }}>
      {selection.kind === "cluster"
        ? <ClusterActions {...props} clusterId={selection.clusterId} name={selection.name} />
        : <ContainerActions {...props} containerId={selection.containerId} clusterId={selection.clusterId} />}
      <button type="button" className="btn btn-ghost btn-small" onClick={onClose}>Close</button>
    </aside>
  );
}

function ClusterActions({ appId, topology, versions, canOperate, clusterId, name }: Props & { clusterId: string; name: string }) {
  const { addContainer } = useDeploymentMutations(appId);
  const cluster = topology.clusters.find((c) => c.id === clusterId);
  const [version, setVersion] = useState(cluster?.desired_version ?? versions[0] ?? 1);
  const added = addContainer.data?.started[0];
  return (
    <div>
      <h3>Cluster {name}</h3>
      <p className="muted small">{cluster ? `${cluster.replicas} replicas; the deployment wants v${cluster.desired_version ?? "?"}.` : ""}</p>
      {canOperate ? (
        <form className="form-row" aria-label="Add a container"
          onSubmit={(e) => { e.preventDefault(); addContainer.mutate({ cluster_id: clusterId, version }); }}>
          <label className="filter" htmlFor="add-version">Version{" "}
            <select id="add-version" value={version} onChange={(e) => setVersion(Number(e.target.value))}>
              {versions.map((n) => <option key={n} value={n}>v{n}</option>)}
            </select>
          </label>
          <button type="submit" className="btn btn-primary btn-small" disabled={addContainer.isPending}>
            Create a container of v{version} here
          </button>
        </form>
      ) : <p className="muted small">Developers of the group can add containers here.</p>}
      <ProblemAlert error={addContainer.error} />
      {added && (
        <p className="small" data-testid="added-container" role="status">
          Container {shortId(added.id)} of v{added.version} placed on {added.host_name ?? "a host"}; the deployment now has {addContainer.data?.deployment.replicas} replicas.
        </p>
      )}
    </div>
  );
}

function ContainerActions({ appId, topology, versions, canOperate, onLogs, clusterId, containerId, onClose }: Props & { clusterId: string; containerId: string }) {
  const action = useContainerAction(appId);
  const { upgrade } = useDeploymentMutations(appId);
  const [job, setJob] = useState<TrackedJob | null>(null);
  const cluster = topology.clusters.find((c) => c.id === clusterId);
  const c = cluster ? allContainers(cluster).find((x) => x.id === containerId) : undefined;
  const [target, setTarget] = useState(versions.find((n) => n !== c?.version) ?? versions[0] ?? 1);
  if (!c) return <p className="muted">This container is gone.</p>;
  const health = healthBadge(c.health, c.state);
  const run = (what: ContainerAction) => {
    if (what === "remove" && !window.confirm(`Remove container ${shortId(c.id)}? The deployment keeps one replica fewer.`)) return;
    action.mutate({ containerId: c.id, action: what }, {
      onSuccess: ({ job_id }) => { setJob({ id: job_id, label: `${what[0]?.toUpperCase()}${what.slice(1)} ${shortId(c.id)}` }); if (what === "remove") onClose(); },
    });
  };
  const busy = action.isPending || upgrade.isPending;
  return (
    <div>
      <h3 className="mono">Container {shortId(c.id)}</h3>
      <p className="small">
        v{c.version} on {c.host_name ?? "no host"} · <Badge tone={stateTone(c.state)}>{c.state}</Badge>{" "}
        {health && <Badge tone={health.tone}>{health.label}</Badge>}
        {c.last_error && <span className="muted"> · {c.last_error}</span>}
      </p>
      <div className="row-actions">
        <Link className="btn btn-small" to={`/containers/${c.id}`}>Details</Link>
        <button type="button" className="btn btn-small" onClick={() => onLogs({ id: c.id, host: c.host_name, version: c.version })}>Logs</button>
        {canOperate && (
          <>
            {canStart(c.state)
              ? <button type="button" className="btn btn-small" disabled={busy} onClick={() => run("start")}>Start</button>
              : <button type="button" className="btn btn-small" disabled={busy || !canStop(c.state)} onClick={() => run("stop")}>Stop</button>}
            <button type="button" className="btn btn-small" disabled={busy} onClick={() => run("restart")}>Restart</button>
            <button type="button" className="btn btn-small btn-danger" disabled={busy} onClick={() => run("remove")}>Remove</button>
          </>
        )}
      </div>
      {canOperate && versions.length > 1 && (
        <form className="form-row" aria-label="Upgrade this container"
          onSubmit={(e) => {
            e.preventDefault();
            upgrade.mutate({ version: target, cluster_id: clusterId, container_ids: [c.id] },
              { onSuccess: ({ job_id }) => setJob({ id: job_id, label: `Upgrade ${shortId(c.id)} to v${target}` }) });
          }}>
          <label className="filter" htmlFor="upgrade-one">Replace with{" "}
            <select id="upgrade-one" value={target} onChange={(e) => setTarget(Number(e.target.value))}>
              {versions.filter((n) => n !== c.version).map((n) => <option key={n} value={n}>v{n}</option>)}
            </select>
          </label>
          <button type="submit" className="btn btn-small" disabled={busy}>Upgrade</button>
        </form>
      )}
      <ProblemAlert error={action.error ?? upgrade.error} />
      {job && <JobProgress key={job.id} job={job} onDismiss={() => setJob(null)} />}
    </div>
  );
}
