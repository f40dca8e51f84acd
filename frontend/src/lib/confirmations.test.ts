import { describe, expect, it } from "vitest";

import { confirmed, deployQuestion, rollbackQuestion, scaleQuestion } from "./confirmations";

describe("confirmations", () => {
  it("asks before scaling down or past 20 replicas, not otherwise", () => {
    expect(scaleQuestion("main", 3, 1)).toBe("Scale main down from 3 to 1? 2 containers will be removed, newest first.");
    expect(scaleQuestion("main", 2, 1)).toMatch(/1 container will/);
    expect(scaleQuestion("main", 3, 5)).toBeNull();
    expect(scaleQuestion("main", 3, 21)).toBe("Run 21 replicas in main? That is more than 20.");
    expect(scaleQuestion("main", 21, 21)).toBeNull();
  });

  it("asks before a large deploy and every rollback", () => {
    expect(deployQuestion(20)).toBeNull();
    expect(deployQuestion(500)).toMatch(/500 replicas/);
    expect(rollbackQuestion("main", 2)).toMatch(/back to v2/);
  });

  it("goes on without a question, else as the answer says", () => {
    expect(confirmed(null, () => false)).toBe(true);
    expect(confirmed("sure?", () => false)).toBe(false);
    expect(confirmed("sure?", () => true)).toBe(true);
  });
});
