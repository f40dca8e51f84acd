import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";

import type { TopologyCluster } from "../../api/deployments";
import { jobDone, jobQuery } from "../../api/jobs";
import { Badge } from "../../components/badge";
import { clusterCounts, servingTone } from "../../lib/topology";
import { JobProgress, type TrackedJob } from "./job-progress";
import type { LogsTarget } from "./logs-drawer";
import { ScaleForm } from "./scale-form";
import { UpgradeControls } from "./upgrade-controls";
import { CONTAINER_COLUMNS, VersionRows } from "./version-rows";

type Props = {
  appId: string;
  cluster: TopologyCluster;
  /** The app's version numbers, newest first. */
  versions: number[];
  canOperate: boolean;
  onLogs: (target: LogsTarget) => void;
};

/** One cluster the app runs in: what it should run, what runs, and the controls. */
export function ClusterPanel({ appId, cluster, versions, canOperate, onLogs }: Props) {
  const [chosen, setTarget] = useState<number | null>(null);
  const target = chosen ?? versions[0] ?? cluster.desired_version ?? 1;
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  const [job, setJob] = useState<TrackedJob | null>(null);
  // The same query JobProgress polls: one request, and no second job while it runs.
  const jobState = useQuery({ ...jobQuery(job?.id ?? ""), enabled: !!job });
  const jobRunning = !!job && !jobDone(jobState.data?.state) && !jobState.isError;
  const counts = clusterCounts(cluster);

  const toggle = (ids: string[], on: boolean) =>
    setChecked((old) => {
      const next = new Set(old);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  const startJob = (started: TrackedJob) => {
    setJob(started);
    setChecked(new Set());
  };

  return (
    <div className="cluster-panel" data-testid={`cluster-${cluster.name}`}>
      <div className="cluster-head">
        <div className="cluster-title">
          <h3><Link to={`/clusters/${cluster.id}`}>{cluster.name}</Link></h3>
          <span className="muted">
            desired {cluster.desired_version ? <strong className="text">v{cluster.desired_version}</strong> : "no version"}
            {" × "}<strong className="text" data-testid="desired-replicas">{cluster.replicas}</strong>
            {cluster.replicas === 1 ? " replica" : " replicas"}
          </span>
          <Badge tone={servingTone(counts, cluster.replicas)}>
            {counts.serving}/{cluster.replicas} serving
          </Badge>
          {counts.total !== counts.running && (
            <span className="muted small">{counts.running} of {counts.total} running</span>
          )}
        </div>
        {canOperate && <ScaleForm key={cluster.replicas} appId={appId} cluster={cluster} />}
      </div>
      {canOperate && versions.length > 0 && (
        <UpgradeControls appId={appId} cluster={cluster} versions={versions} target={target}
          onTarget={setTarget} checked={checked} onJob={startJob} locked={jobRunning} />
      )}
      {job && <JobProgress key={job.id} job={job} onDismiss={() => setJob(null)} />}
      {counts.total > 0 && (
        <table className="table containers">
          <thead>
            <tr>
              {canOperate && <th className="check-cell" />}
              {CONTAINER_COLUMNS.map((name) => <th key={name}>{name}</th>)}
            </tr>
          </thead>
          {cluster.versions.map((v) => (
            <VersionRows key={v.number} appId={appId} version={v} desired={cluster.desired_version}
              canOperate={canOperate} picking={{ target, checked, toggle }} onLogs={onLogs} />
          ))}
        </table>
      )}
      {counts.total === 0 && (
        <p className="muted list-note">No containers in this cluster. Scale up to start some.</p>
      )}
    </div>
  );
}
