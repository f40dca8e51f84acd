import { type TopologyCluster, useDeploymentMutations } from "../../api/deployments";
import { ProblemAlert } from "../../components/problem-alert";
import { confirmed, rollbackQuestion } from "../../lib/confirmations";
import { pickedForUpgrade, rollbackChoices, upgradeable } from "../../lib/topology";
import type { TrackedJob } from "./job-progress";

type Props = {
  appId: string;
  cluster: TopologyCluster;
  /** The app's version numbers, newest first. */
  versions: number[];
  target: number;
  onTarget: (version: number) => void;
  checked: ReadonlySet<string>;
  onJob: (job: TrackedJob) => void;
  /** An upgrade or rollback of this cluster is still running. */
  locked: boolean;
};

const plural = (n: number) => `${n} container${n === 1 ? "" : "s"}`;

/**
 * Upgrade the checked containers (grayscale) or all the rest to a version, or roll the
 * cluster back to an earlier one; both queue a job whose progress the panel shows.
 */
export function UpgradeControls({ appId, cluster, versions, target, onTarget, checked, onJob, locked }: Props) {
  const { upgrade, rollback } = useDeploymentMutations(appId);
  const picked = pickedForUpgrade(cluster, target, checked);
  const rest = upgradeable(cluster, target);
  const earlier = rollbackChoices(cluster, versions);
  const busy = upgrade.isPending || rollback.isPending || locked;
  const selectId = `upgrade-target-${cluster.id}`;

  const runUpgrade = (ids: string[] | null) => {
    rollback.reset();
    const what = ids ? plural(ids.length) : `the rest (${plural(rest.length)})`;
    upgrade.mutate(
      { version: target, cluster_id: cluster.id, container_ids: ids },
      { onSuccess: ({ job_id }) => onJob({ id: job_id, label: `Upgrade of ${what} to v${target}` }) },
    );
  };
  const runRollback = (version: number) => {
    if (!confirmed(rollbackQuestion(cluster.name, version))) return;
    upgrade.reset();
    rollback.mutate(
      { version, cluster_id: cluster.id },
      { onSuccess: ({ job_id }) => onJob({ id: job_id, label: `Rollback to v${version}` }) },
    );
  };

  return (
    <div className="upgrade-controls">
      <div className="control-group">
        <label htmlFor={selectId} className="small strong">Upgrade to</label>
        <select id={selectId} value={target} onChange={(e) => onTarget(Number(e.target.value))}>
          {versions.map((n) => <option key={n} value={n}>v{n}</option>)}
        </select>
        <button type="button" className={`btn btn-small ${picked.length ? "btn-primary" : ""}`}
          disabled={busy || picked.length === 0}
          title={picked.length ? undefined : "Tick the containers to replace first"}
          onClick={() => runUpgrade(picked)}>
          Upgrade {picked.length ? plural(picked.length) : "checked"}
        </button>
        <button type="button" className="btn btn-small" disabled={busy || rest.length === 0}
          onClick={() => runUpgrade(null)}>
          Upgrade the rest{rest.length ? ` (${rest.length})` : ""}
        </button>
      </div>
      {earlier.length > 0 && (
        <div className="control-group">
          {earlier.map((n) => (
            <button key={n} type="button" className="btn btn-small" disabled={busy} onClick={() => runRollback(n)}>
              Roll back to v{n}
            </button>
          ))}
        </div>
      )}
      <ProblemAlert error={upgrade.error ?? rollback.error} className="inline-alert" />
    </div>
  );
}
