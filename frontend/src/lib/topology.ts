// Pure helpers that turn an app's topology into what the Deployment section shows.
import type { TopologyCluster, TopologyContainer } from "../api/deployments";
import type { Job, JobState } from "../api/jobs";
import type { Tone } from "../components/badge";

const STATE_TONES: Record<string, Tone> = {
  running: "green",
  pending: "amber",
  created: "amber",
  starting: "amber",
  restarting: "amber",
  paused: "amber",
  removing: "amber",
  exited: "gray",
  stopped: "gray",
  removed: "gray",
  failed: "red",
  dead: "red",
  lost: "red",
};

/** The badge colour of a container state; unknown states are neutral. */
export function stateTone(state: string): Tone {
  return STATE_TONES[state] ?? "gray";
}

/** The health badge of a container: null when it has no check or is not running. */
export function healthBadge(health: string | null | undefined, state: string): { label: string; tone: Tone } | null {
  if (!health || state !== "running") return null;
  if (health === "healthy") return { label: "healthy", tone: "green" };
  if (health === "unhealthy") return { label: "unhealthy", tone: "red" };
  if (health === "starting") return { label: "starting", tone: "amber" };
  return { label: health, tone: "gray" };
}

const JOB_TONES: Record<JobState, Tone> = { queued: "gray", running: "blue", succeeded: "green", failed: "red" };

export function jobTone(state: JobState): Tone {
  return JOB_TONES[state];
}

/** Published addresses by container port; `port` drops the usual "/tcp" ("8080", "53/udp"). */
export function publishedAddresses(ports: Record<string, string>): { address: string; port: string }[] {
  return Object.entries(ports)
    .sort(([a], [b]) => parseInt(a, 10) - parseInt(b, 10) || a.localeCompare(b))
    .map(([port, address]) => ({ address, port: port.replace(/\/tcp$/, "") }));
}

/** Whether the power buttons make sense for a container in this state. */
export function canStart(state: string): boolean {
  return ["exited", "stopped", "created", "failed", "dead"].includes(state);
}

export function canStop(state: string): boolean {
  return ["running", "starting", "restarting", "paused"].includes(state);
}

export type ClusterCounts = { total: number; running: number; serving: number; unhealthy: number };

export function allContainers(cluster: TopologyCluster): (TopologyContainer & { version: number })[] {
  return cluster.versions.flatMap((v) => v.containers.map((c) => ({ ...c, version: v.number })));
}

export function clusterCounts(cluster: TopologyCluster): ClusterCounts {
  const all = allContainers(cluster);
  return {
    total: all.length,
    running: all.filter((c) => c.state === "running").length,
    serving: all.filter((c) => c.serving).length,
    unhealthy: all.filter((c) => c.health === "unhealthy").length,
  };
}

/** How a cluster is doing at a glance: every replica serving, some, or none. */
export function servingTone(counts: ClusterCounts, replicas: number): Tone {
  if (replicas === 0 && counts.total === 0) return "gray";
  if (counts.serving === 0) return "red";
  return counts.serving >= replicas && counts.unhealthy === 0 ? "green" : "amber";
}

export type VersionRole = "desired" | "grayscale" | "previous";

/** A version in a cluster: the deployment's own, a newer one being tried, or an older one left. */
export function versionRole(number: number, desired: number | null | undefined): VersionRole {
  if (desired == null || number === desired) return "desired";
  return number > desired ? "grayscale" : "previous";
}

/** The newest version the cluster runs or wants: what a rollback goes back from. */
export function newestInCluster(cluster: TopologyCluster): number | null {
  const numbers = cluster.versions.map((v) => v.number);
  if (cluster.desired_version != null) numbers.push(cluster.desired_version);
  return numbers.length ? Math.max(...numbers) : null;
}

/** Versions a cluster may roll back to, newest first: older than what it runs, at most `limit`. */
export function rollbackChoices(cluster: TopologyCluster, versions: number[], limit = 3): number[] {
  const newest = newestInCluster(cluster);
  if (newest == null) return [];
  return [...new Set(versions)].filter((n) => n < newest).sort((a, b) => b - a).slice(0, limit);
}

/** Container ids an upgrade to `target` would replace: all not on it already. */
export function upgradeable(cluster: TopologyCluster, target: number): string[] {
  return allContainers(cluster).filter((c) => c.version !== target).map((c) => c.id);
}

/** The checked ids still worth sending: upgradeable ones, in topology order. */
export function pickedForUpgrade(cluster: TopologyCluster, target: number, checked: ReadonlySet<string>): string[] {
  return upgradeable(cluster, target).filter((id) => checked.has(id));
}

/** What to say under a job: its message, else what a finished upgrade did. */
export function jobSummary(job: Pick<Job, "state" | "message" | "result">): string {
  if (job.message) return job.message;
  if (job.state !== "succeeded") return "";
  const replaced = job.result.replaced;
  const version = job.result.version;
  if (typeof replaced !== "number") return "";
  if (replaced === 0) return "Nothing to replace: every container was already on that version.";
  const what = `${replaced} container${replaced === 1 ? "" : "s"}`;
  return typeof version === "number" ? `Replaced ${what} with v${version}.` : `Replaced ${what}.`;
}
