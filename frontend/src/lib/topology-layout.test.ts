import { describe, expect, it } from "vitest";

import type { Topology, TopologyContainer } from "../api/deployments";
import { columnsFor, frameSize, layoutTopology, MAX_COLUMNS, SIZES, type LaidNode } from "./topology-layout";

function container(i: number, over: Partial<TopologyContainer> = {}): TopologyContainer {
  return { id: `c${i}`, name: `dy-${i}`, host_id: "h", host_name: "h1", desired_state: "running", last_error: "",
    state: "running", health: "healthy", serving: true, ports: {}, ...over };
}

function topology(versions: [number, number][], desired = 2): Topology {
  let n = 0;
  return { app_id: "a", name: "shop", domains: ["shop.test"], clusters: [{
    id: "k1", name: "main", desired_version: desired, replicas: versions.reduce((s, [, c]) => s + c, 0),
    versions: versions.map(([number, count]) => ({ number, image: `img:${number}`,
      containers: Array.from({ length: count }, () => container(n++)) })),
  }] };
}

const overlaps = (a: LaidNode, b: LaidNode) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

describe("layoutTopology", () => {
  it("lays out app → cluster → versions → containers left to right", () => {
    const laid = layoutTopology(topology([[3, 1], [2, 3]]));
    const byKind = (kind: string) => laid.nodes.filter((n) => n.data.kind === kind);
    expect(byKind("app")).toHaveLength(1);
    expect(byKind("cluster")).toHaveLength(1);
    expect(byKind("version").map((n) => n.data.kind === "version" && n.data.number)).toEqual([3, 2]);
    expect(byKind("container")).toHaveLength(4);
    const xs = ["app", "cluster", "version", "container"].map((k) => byKind(k)[0]?.x ?? -1);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    expect(laid.edges.map((e) => e.id)).toContain("app->cluster:k1");
  });

  it("marks grayscale containers (a version newer than the deployment's)", () => {
    const laid = layoutTopology(topology([[3, 1], [2, 2]]));
    const gray = laid.nodes.filter((n) => n.data.kind === "container" && n.data.grayscale);
    expect(gray.map((n) => n.id)).toEqual(["container:c0"]);
    const v3 = laid.nodes.find((n) => n.id === "version:k1:3");
    expect(v3?.data.kind === "version" && v3.data.role).toBe("grayscale");
  });

  it("colours state and health", () => {
    const t = topology([[2, 2]]);
    const first = t.clusters[0]?.versions[0]?.containers;
    if (first) {
      first[0] = container(0, { health: "unhealthy", serving: false });
      first[1] = container(1, { state: "exited", health: null, serving: false });
    }
    const data = layoutTopology(t).nodes.flatMap((n) => (n.data.kind === "container" ? [n.data] : []));
    expect(data.map((d) => [d.tone, d.healthTone])).toEqual([["green", "red"], ["gray", null]]);
  });

  it("puts 500 containers in a grid with no overlaps, parents centred", () => {
    const laid = layoutTopology(topology([[2, 300], [1, 200]]));
    const cells = laid.nodes.filter((n) => n.data.kind === "container");
    expect(cells).toHaveLength(500);
    expect(new Set(cells.map((n) => n.x)).size).toBe(MAX_COLUMNS);
    const sorted = [...cells].sort((a, b) => a.y - b.y || a.x - b.x);
    for (let i = 1; i < sorted.length; i++) {
      const a = sorted[i - 1] as LaidNode;
      const b = sorted[i] as LaidNode;
      expect(overlaps(a, b)).toBe(false);
    }
    expect(laid.height).toBeLessThan(60 * SIZES.container.h);
    const frames = laid.nodes.filter((n) => n.data.kind === "frame");
    const versions = laid.nodes.filter((n) => n.data.kind === "version");
    versions.forEach((v, i) => {
      const f = frames[i] as LaidNode;
      expect(Math.abs(v.y + v.h / 2 - (f.y + f.h / 2))).toBeLessThan(1);
    });
    expect(overlaps(frames[0] as LaidNode, frames[1] as LaidNode)).toBe(false);
  });

  it("is deterministic and handles a cluster with no containers", () => {
    const t = topology([[1, 2]]);
    expect(layoutTopology(t)).toEqual(layoutTopology(t));
    const empty: Topology = { ...t, clusters: [{ id: "k2", name: "empty", desired_version: 1, replicas: 0, versions: [] }, ...t.clusters] };
    const laid = layoutTopology(empty);
    const clusters = laid.nodes.filter((n) => n.data.kind === "cluster");
    expect(overlaps(clusters[0] as LaidNode, clusters[1] as LaidNode)).toBe(false);
  });

  it("sizes a frame by its grid", () => {
    expect([1, 2, 6, 24, 300, 500].map(columnsFor)).toEqual([1, 2, 3, 6, 20, 20]);
    expect(frameSize(1).w).toBeLessThan(frameSize(6).w);
    expect(frameSize(300).w).toBe(frameSize(500).w);
    expect(frameSize(500).h).toBeGreaterThan(frameSize(300).h);
  });
});
