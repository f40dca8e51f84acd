import { describe, expect, it } from "vitest";

import { appKeys } from "./apps";
import { authKeys } from "./auth";
import { clusterKeys } from "./clusters";
import { containerKeys } from "./containers";
import { deploymentKeys } from "./deployments";
import { cleanFilter, eventKeys } from "./events";
import { groupKeys, hasRole } from "./groups";
import { jobDone, jobKeys } from "./jobs";
import { flatItems } from "./pages";
import { tokenKeys } from "./tokens";
import { versionKeys } from "./versions";

// TanStack Query invalidates by key prefix: each narrower key must start with the
// wider one, and keys for different things must differ.
function startsWith(key: readonly unknown[], prefix: readonly unknown[]): boolean {
  return prefix.every((part, i) => JSON.stringify(part) === JSON.stringify(key[i]));
}

describe("query key factories", () => {
  it("nest under their domain root", () => {
    const pairs: [readonly unknown[], readonly unknown[]][] = [
      [groupKeys.all, groupKeys.lists()],
      [groupKeys.detail("g1"), groupKeys.members("g1")],
      [appKeys.lists(), appKeys.list("g1")],
      [appKeys.details(), appKeys.detail("a1")],
      [versionKeys.all, versionKeys.list("a1")],
      [eventKeys.all, eventKeys.list({ group_id: "g1" })],
      [clusterKeys.detail("c1"), clusterKeys.hosts("c1")],
      [tokenKeys.all, tokenKeys.lists()],
      [authKeys.all, authKeys.me()],
      [deploymentKeys.all, deploymentKeys.topology("a1")],
      [containerKeys.all, containerKeys.logs("c1", 200)],
      [jobKeys.all, jobKeys.detail("j1")],
    ];
    for (const [prefix, key] of pairs) expect(startsWith(key, prefix)).toBe(true);
  });

  it("are stable and distinct per id", () => {
    expect(appKeys.detail("a1")).toEqual(appKeys.detail("a1"));
    expect(appKeys.detail("a1")).not.toEqual(appKeys.detail("a2"));
    expect(startsWith(groupKeys.members("g1"), groupKeys.detail("g2"))).toBe(false);
    expect(startsWith(appKeys.list("g1"), appKeys.details())).toBe(false);
    expect(deploymentKeys.topology("a1")).not.toEqual(deploymentKeys.topology("a2"));
    expect(containerKeys.logs("c1", 200)).not.toEqual(containerKeys.logs("c1", 50));
  });

  it("ignore empty event filters", () => {
    expect(eventKeys.list({ group_id: "" })).toEqual(eventKeys.list({}));
    expect(cleanFilter({ group_id: "g", target_id: "" })).toEqual({ group_id: "g" });
  });
});

describe("helpers", () => {
  it("ranks roles", () => {
    expect(hasRole("owner", "admin")).toBe(true);
    expect(hasRole("developer", "admin")).toBe(false);
    expect(hasRole(null, "viewer")).toBe(false);
  });

  it("knows when a job has ended", () => {
    expect(jobDone("succeeded")).toBe(true);
    expect(jobDone("failed")).toBe(true);
    expect(jobDone("running")).toBe(false);
    expect(jobDone("queued")).toBe(false);
    expect(jobDone(undefined)).toBe(false);
  });

  it("flattens pages", () => {
    const data = { pages: [{ items: [1, 2], next_cursor: "x" }, { items: [3] }], pageParams: [undefined, "x"] };
    expect(flatItems(data)).toEqual([1, 2, 3]);
    expect(flatItems(undefined)).toEqual([]);
  });
});
