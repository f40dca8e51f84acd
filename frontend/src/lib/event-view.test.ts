import { describe, expect, it } from "vitest";

import { filterFromParams, targetLabel, targetLink, withFilter } from "./event-view";

describe("event filters in the URL", () => {
  it("reads the known, non-empty parameters", () => {
    const params = new URLSearchParams("action=app.&outcome=&actor_id=u1&page=3&target_type=app&target_id=a1");
    expect(filterFromParams(params)).toEqual({ action: "app.", actor_id: "u1", target_type: "app", target_id: "a1" });
  });

  it("sets and clears one filter, keeping the others", () => {
    const params = new URLSearchParams("action=app.");
    expect(withFilter(params, "outcome", "failure").toString()).toBe("action=app.&outcome=failure");
    expect(withFilter(params, "action", "").toString()).toBe("");
  });
});

describe("event targets", () => {
  it("links to the page of the target", () => {
    expect(targetLink({ target_type: "app", target_id: "a1" })).toBe("/apps/a1");
    expect(targetLink({ target_type: "container", target_id: "c1" })).toBe("/containers/c1");
    expect(targetLink({ target_type: "platform", target_id: "x" })).toBeNull();
  });

  it("names the target from its details when it can", () => {
    expect(targetLabel({ target_type: "cluster", target_id: "abcdef123456", detail: { name: "main" } })).toBe("cluster main");
    expect(targetLabel({ target_type: "app", target_id: "abcdef123456", detail: {} })).toBe("app abcdef12");
  });
});
