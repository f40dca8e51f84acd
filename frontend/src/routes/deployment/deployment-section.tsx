import { useQuery } from "@tanstack/react-query";
import { lazy, Suspense, useState } from "react";

import { TOPOLOGY_POLL_MS, topologyQuery } from "../../api/deployments";
import { ProblemAlert } from "../../components/problem-alert";
import { ClusterPanel } from "./cluster-panel";
import { DeployForm } from "./deploy-form";
import { LogsDrawer, type LogsTarget } from "./logs-drawer";

// @xyflow/react is loaded only when a graph is shown: the first page stays small.
const TopologyGraph = lazy(() => import("../topology/topology-graph"));
type View = "graph" | "table";

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
  const [view, setView] = useState<View>("graph");
  const clusters = topology.data?.clusters ?? [];

  return (
    <section className="card deployment" data-testid="deployment" aria-label="Deployment">
      <div className="card-head">
        <div className="card-title">
          <h2>Deployment</h2>
          {(topology.isSuccess || topology.isError) && (
            <span className={`live ${topology.isError ? "live-down" : ""}`}
              title={`Refreshed every ${TOPOLOGY_POLL_MS / 1000} s`}>
              <span className="live-dot" />{topology.isError ? "Updates paused" : "Live"}
            </span>
          )}
        </div>
        {clusters.length > 0 && (
          <div className="segmented" role="group" aria-label="View">
            {(["graph", "table"] as const).map((v) => (
              <button key={v} type="button" className={`btn btn-small ${view === v ? "btn-selected" : "btn-ghost"}`}
                aria-pressed={view === v} onClick={() => setView(v)}>{v === "graph" ? "Graph" : "Table"}</button>
            ))}
          </div>
        )}
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
      {view === "graph" && topology.data && clusters.length > 0 && (
        <Suspense fallback={<p className="muted list-note">Loading the graph…</p>}>
          <TopologyGraph appId={appId} topology={topology.data} versions={versions} canOperate={canOperate} onLogs={setLogs} />
        </Suspense>
      )}
      {view === "table" && clusters.map((c) => (
        <ClusterPanel key={c.id} appId={appId} cluster={c} versions={versions} canOperate={canOperate} onLogs={setLogs} />
      ))}
      {logs && <LogsDrawer key={logs.id} target={logs} onClose={() => setLogs(null)} />}
    </section>
  );
}
