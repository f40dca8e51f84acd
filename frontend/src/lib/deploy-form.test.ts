import { describe, expect, it } from "vitest";

import { deployFormSchema, scaleFormSchema, toDeployRequest } from "./deploy-form";

describe("deploy form", () => {
  it("turns valid text into the API's body", () => {
    const form = deployFormSchema.parse({ version: "2", cluster_id: "c1", replicas: " 3 " });
    expect(toDeployRequest(form)).toEqual({ version: 2, cluster_id: "c1", replicas: 3 });
  });

  it("refuses a missing version or cluster and bad replica counts", () => {
    const bad = (over: object) =>
      deployFormSchema.safeParse({ version: "1", cluster_id: "c1", replicas: "1", ...over }).success;
    expect(bad({})).toBe(true);
    expect(bad({ version: "" })).toBe(false);
    expect(bad({ cluster_id: "" })).toBe(false);
    expect(bad({ replicas: "-1" })).toBe(false);
    expect(bad({ replicas: "1.5" })).toBe(false);
    expect(bad({ replicas: "501" })).toBe(false);
    expect(bad({ replicas: "500" })).toBe(true);
    expect(bad({ replicas: "0" })).toBe(true);
  });

  it("scales to zero but not to nothing", () => {
    expect(scaleFormSchema.safeParse({ replicas: "0" }).success).toBe(true);
    expect(scaleFormSchema.safeParse({ replicas: "" }).success).toBe(false);
  });
});
