import { describe, expect, it } from "vitest";

import { usageText } from "./quotas";

describe("usageText", () => {
  it("shows usage beside its limit", () => {
    expect(usageText(12, 20)).toBe("12 of 20");
    expect(usageText(256, 1024, " MB")).toBe("256 MB of 1024 MB");
  });
  it("says when there is no limit", () => {
    expect(usageText(3, null)).toBe("3 (no limit)");
  });
});
