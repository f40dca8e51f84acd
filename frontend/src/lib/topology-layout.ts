// The topology graph's layout, pure: app → clusters → versions → containers, left to
// right. Each version's containers sit in a grid inside a frame, so 500 containers
// make a compact block rather than a column 20,000 px tall; every parent is centred
// on its children. Positions are deterministic (the server's order), so a poll that
// changes only states moves nothing.
import type { Topology, TopologyContainer } from "../api/deployments";
import type { Tone } from "../components/badge";
import { clusterCounts, healthBadge, servingTone, stateTone, versionRole, type VersionRole } from "./topology";

export const SIZES = {
  app: { w: 200, h: 64 },
  cluster: { w: 210, h: 76 },
  version: { w: 200, h: 64 },
  container: { w: 150, h: 46 },
};
export const GAP = { column: 70, row: 18, cell: 8, frame: 12 };
export const MAX_COLUMNS = 20;

/** Columns of a version's grid: about twice as wide as tall, at most MAX_COLUMNS. */
export function columnsFor(count: number): number {
  return Math.max(1, Math.min(count, MAX_COLUMNS, Math.ceil(Math.sqrt(count * 1.5))));
}

export type AppNode = { kind: "app"; name: string; domains: string[] };
export type ClusterNode = {
  kind: "cluster"; clusterId: string; name: string; replicas: number; desired: number | null;
  serving: number; total: number; tone: Tone;
};
export type VersionNode = { kind: "version"; clusterId: string; number: number; image: string; role: VersionRole; count: number };
export type FrameNode = { kind: "frame"; count: number };
export type ContainerNode = {
  kind: "container"; clusterId: string; version: number; container: TopologyContainer;
  tone: Tone; healthTone: Tone | null; grayscale: boolean;
};
export type NodeData = AppNode | ClusterNode | VersionNode | FrameNode | ContainerNode;

export type LaidNode = { id: string; x: number; y: number; w: number; h: number; data: NodeData };
export type LaidEdge = { id: string; source: string; target: string; tone: Tone };
export type Layout = { nodes: LaidNode[]; edges: LaidEdge[]; width: number; height: number };

const X = {
  app: 0,
  cluster: SIZES.app.w + GAP.column,
  version: SIZES.app.w + SIZES.cluster.w + 2 * GAP.column,
  frame: SIZES.app.w + SIZES.cluster.w + SIZES.version.w + 3 * GAP.column,
};

/** The frame holding `count` containers: its size in the grid. */
export function frameSize(count: number): { w: number; h: number } {
  const columns = columnsFor(count);
  const rows = Math.max(1, Math.ceil(count / columns));
  const c = SIZES.container;
  return {
    w: columns * c.w + (columns - 1) * GAP.cell + 2 * GAP.frame,
    h: rows * c.h + (rows - 1) * GAP.cell + 2 * GAP.frame,
  };
}

function centred(top: number, span: number, h: number): number {
  return top + Math.max(0, (span - h) / 2);
}

export function layoutTopology(topology: Topology): Layout {
  const nodes: LaidNode[] = [];
  const edges: LaidEdge[] = [];
  let y = 0;
  let right = X.version + SIZES.version.w;
  for (const cluster of topology.clusters) {
    const top = y;
    const counts = clusterCounts(cluster);
    const clusterId = `cluster:${cluster.id}`;
    const tone = servingTone(counts, cluster.replicas);
    for (const version of cluster.versions) {
      const vTop = y;
      const frame = frameSize(version.containers.length);
      const span = Math.max(frame.h, SIZES.version.h);
      const versionId = `version:${cluster.id}:${version.number}`;
      const role = versionRole(version.number, cluster.desired_version);
      const frameId = `frame:${cluster.id}:${version.number}`;
      const fTop = centred(vTop, span, frame.h);
      const columns = columnsFor(version.containers.length);
      nodes.push({ id: frameId, x: X.frame, y: fTop, ...frame, data: { kind: "frame", count: version.containers.length } });
      version.containers.forEach((container, i) => {
        const col = i % columns;
        const row = Math.floor(i / columns);
        const health = healthBadge(container.health, container.state);
        nodes.push({
          id: `container:${container.id}`,
          x: X.frame + GAP.frame + col * (SIZES.container.w + GAP.cell),
          y: fTop + GAP.frame + row * (SIZES.container.h + GAP.cell),
          ...SIZES.container,
          data: { kind: "container", clusterId: cluster.id, version: version.number, container,
            tone: stateTone(container.state), healthTone: health?.tone ?? null, grayscale: role === "grayscale" },
        });
      });
      nodes.push({ id: versionId, x: X.version, y: centred(vTop, span, SIZES.version.h), ...SIZES.version,
        data: { kind: "version", clusterId: cluster.id, number: version.number, image: version.image, role,
          count: version.containers.length } });
      edges.push({ id: `${clusterId}->${versionId}`, source: clusterId, target: versionId, tone: role === "desired" ? "blue" : "gray" });
      edges.push({ id: `${versionId}->${frameId}`, source: versionId, target: frameId, tone: "gray" });
      right = Math.max(right, X.frame + frame.w);
      y += span + GAP.row;
    }
    const span = Math.max(y - GAP.row - top, SIZES.cluster.h);
    if (cluster.versions.length === 0) y = top + SIZES.cluster.h + GAP.row;
    nodes.push({ id: clusterId, x: X.cluster, y: centred(top, span, SIZES.cluster.h), ...SIZES.cluster,
      data: { kind: "cluster", clusterId: cluster.id, name: cluster.name, replicas: cluster.replicas,
        desired: cluster.desired_version ?? null, serving: counts.serving, total: counts.total, tone } });
    edges.push({ id: `app->${clusterId}`, source: "app", target: clusterId, tone });
    y += GAP.row;
  }
  const height = Math.max(y - 2 * GAP.row, SIZES.app.h);
  nodes.push({ id: "app", x: X.app, y: centred(0, height, SIZES.app.h), ...SIZES.app,
    data: { kind: "app", name: topology.name, domains: topology.domains } });
  return { nodes, edges, width: right, height };
}
