import { useQuery } from "@tanstack/react-query";
import { useState } from "react";

import { TOPOLOGY_POLL_MS, topologyQuery } from "../../api/deployments";
import { ProblemAlert } from "../../components/problem-alert";
import { ClusterPanel } from "./cluster-panel";
import { DeployForm } from "./deploy-form";
import { LogsDrawer, type LogsTarget } from "./logs-drawer";

type Props = {
  appId: string;
  /** The app's version numbers, newest first. */
  versions: number[];
  canOperate: boolean;
};

/** Where the app runs, live (re-read every 2 s), with deploy, scale, upgrade and rollback. */
export function DeploymentSection({ appId, versions, canOperate }: Props) {
  const topology = useQuery(topologyQuery(appId));
  const [deploying, setDeploying] = useState(false);
  const [logs, setLogs] = useState<LogsTarget | null>(null);
  const clusters = topology.data?.clusters ?? [];

  return (
    <section className="card deployment" data-testid="deployment" aria-label="Deployment">
      <div className="card-head">
        <div className="card-title">
          <h2>Deployment</h2>
          <span className={`live ${topology.isError ? "live-down" : ""}`}
            title={`Refreshed every ${TOPOLOGY_POLL_MS / 1000} s`}>
            <span className="live-dot" />{topology.isError ? "Updates paused" : "Live"}
          </span>
        </div>
        {canOperate && !deploying && (
          <button type="button" className="btn btn-primary" disabled={versions.length === 0}
            title={versions.length ? undefined : "Create a version first"} onClick={() => setDeploying(true)}>
            Deploy
          </button>
        )}
      </div>
      {deploying && <DeployForm appId={appId} versions={versions} onDone={() => setDeploying(false)} />}
      <ProblemAlert error={topology.error} />
      {topology.isPending && <p className="muted list-note">Loading…</p>}
      {topology.isSuccess && clusters.length === 0 && !deploying && (
        <p className="muted list-note" data-testid="not-deployed">
          Not deployed yet.{" "}
          {versions.length ? "Deploy a version to a cluster to start containers." : "Create a version, then deploy it."}
        </p>
      )}
      {clusters.map((c) => (
        <ClusterPanel key={c.id} appId={appId} cluster={c} versions={versions} canOperate={canOperate} onLogs={setLogs} />
      ))}
      {logs && <LogsDrawer key={logs.id} target={logs} onClose={() => setLogs(null)} />}
    </section>
  );
}
