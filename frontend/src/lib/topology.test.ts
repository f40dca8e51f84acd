import { describe, expect, it } from "vitest";

import type { TopologyCluster, TopologyContainer } from "../api/deployments";
import {
  canStart, canStop, clusterCounts, healthBadge, jobSummary, jobTone, newestInCluster, pickedForUpgrade,
  publishedAddresses, rollbackChoices, servingTone, stateTone, upgradeable, versionRole,
} from "./topology";

function container(id: string, over: Partial<TopologyContainer> = {}): TopologyContainer {
  return {
    id, name: `dy-${id}`, host_id: "h", host_name: "host0", desired_state: "running", last_error: "",
    state: "running", health: "healthy", serving: true, ports: {}, ...over,
  };
}

function cluster(desired: number | null, versions: Record<number, TopologyContainer[]>, replicas = 3): TopologyCluster {
  return {
    id: "c1", name: "default", desired_version: desired, replicas,
    versions: Object.entries(versions)
      .map(([n, containers]) => ({ number: Number(n), image: "busybox", containers }))
      .sort((a, b) => b.number - a.number),
  };
}

describe("badges", () => {
  it("colour container states, unknown ones neutral", () => {
    expect(stateTone("running")).toBe("green");
    expect(stateTone("starting")).toBe("amber");
    expect(stateTone("pending")).toBe("amber");
    expect(stateTone("exited")).toBe("gray");
    expect(stateTone("failed")).toBe("red");
    expect(stateTone("lost")).toBe("red");
    expect(stateTone("something-new")).toBe("gray");
  });

  it("show health only for running containers with a check", () => {
    expect(healthBadge("healthy", "running")).toEqual({ label: "healthy", tone: "green" });
    expect(healthBadge("unhealthy", "running")).toEqual({ label: "unhealthy", tone: "red" });
    expect(healthBadge("starting", "running")).toEqual({ label: "starting", tone: "amber" });
    expect(healthBadge(null, "running")).toBeNull();
    expect(healthBadge("healthy", "exited")).toBeNull();
  });

  it("colour job states", () => {
    expect(jobTone("queued")).toBe("gray");
    expect(jobTone("running")).toBe("blue");
    expect(jobTone("succeeded")).toBe("green");
    expect(jobTone("failed")).toBe("red");
  });

  it("summarise jobs: the message, else what a finished upgrade replaced", () => {
    expect(jobSummary({ state: "failed", message: "health check failed", result: {} })).toBe("health check failed");
    expect(jobSummary({ state: "running", message: "", result: {} })).toBe("");
    expect(jobSummary({ state: "succeeded", message: "", result: { replaced: 1, version: 2 } }))
      .toBe("Replaced 1 container with v2.");
    expect(jobSummary({ state: "succeeded", message: "", result: { replaced: 3 } })).toBe("Replaced 3 containers.");
    expect(jobSummary({ state: "succeeded", message: "", result: { replaced: 0, version: 1 } })).toMatch(/Nothing/);
    expect(jobSummary({ state: "succeeded", message: "", result: {} })).toBe("");
  });
});

describe("containers", () => {
  it("list published addresses by container port", () => {
    expect(publishedAddresses({ "9090/tcp": "127.0.1.1:2", "53/udp": "127.0.1.1:3", "8080/tcp": "127.0.1.1:1" }))
      .toEqual([
        { address: "127.0.1.1:3", port: "53/udp" },
        { address: "127.0.1.1:1", port: "8080" },
        { address: "127.0.1.1:2", port: "9090" },
      ]);
    expect(publishedAddresses({})).toEqual([]);
  });

  it("offer start to stopped containers and stop to running ones", () => {
    expect(canStart("exited")).toBe(true);
    expect(canStop("exited")).toBe(false);
    expect(canStart("running")).toBe(false);
    expect(canStop("running")).toBe(true);
    expect(canStart("pending")).toBe(false);
    expect(canStop("pending")).toBe(false);
  });
});

describe("clusters", () => {
  const grayscale = cluster(1, {
    1: [container("a"), container("b", { state: "exited", health: null, serving: false })],
    2: [container("c", { health: "unhealthy", serving: false })],
  });

  it("count containers, running and serving", () => {
    expect(clusterCounts(grayscale)).toEqual({ total: 3, running: 2, serving: 1, unhealthy: 1 });
    expect(clusterCounts(cluster(1, {}))).toEqual({ total: 0, running: 0, serving: 0, unhealthy: 0 });
  });

  it("summarise serving against the replicas wanted", () => {
    expect(servingTone({ total: 3, running: 3, serving: 3, unhealthy: 0 }, 3)).toBe("green");
    expect(servingTone({ total: 3, running: 3, serving: 2, unhealthy: 0 }, 3)).toBe("amber");
    expect(servingTone({ total: 3, running: 3, serving: 3, unhealthy: 1 }, 3)).toBe("amber");
    expect(servingTone({ total: 1, running: 0, serving: 0, unhealthy: 0 }, 1)).toBe("red");
    expect(servingTone({ total: 0, running: 0, serving: 0, unhealthy: 0 }, 0)).toBe("gray");
  });

  it("name each version's role against the desired one", () => {
    expect(versionRole(2, 2)).toBe("desired");
    expect(versionRole(3, 2)).toBe("grayscale");
    expect(versionRole(1, 2)).toBe("previous");
    expect(versionRole(1, null)).toBe("desired");
  });

  it("roll back from the newest version running or wanted", () => {
    expect(newestInCluster(grayscale)).toBe(2);
    expect(newestInCluster(cluster(4, {}))).toBe(4);
    expect(newestInCluster(cluster(null, {}))).toBeNull();
    expect(rollbackChoices(grayscale, [3, 2, 1])).toEqual([1]);
    expect(rollbackChoices(cluster(5, {}), [1, 2, 3, 4, 5, 6, 4])).toEqual([4, 3, 2]);
    expect(rollbackChoices(cluster(1, {}), [1, 2])).toEqual([]);
  });

  it("upgrade only containers not on the target, the checked ones in order", () => {
    expect(upgradeable(grayscale, 2)).toEqual(["a", "b"]);
    expect(upgradeable(grayscale, 1)).toEqual(["c"]);
    expect(pickedForUpgrade(grayscale, 2, new Set(["b", "c", "zzz"]))).toEqual(["b"]);
  });
});
