import { describe, expect, it } from "vitest";

import { buildSeconds, formatBytes, formatDuration, shortCommit, statusTone } from "./build-view";

describe("build view", () => {
  it("colours each status", () => {
    expect(["queued", "running", "succeeded", "failed", "cancelled", "odd"].map(statusTone))
      .toEqual(["gray", "blue", "green", "red", "amber", "gray"]);
  });

  it("formats durations", () => {
    expect(formatDuration(null)).toBe("—");
    expect(formatDuration(4.4)).toBe("4 s");
    expect(formatDuration(185)).toBe("3 min 05 s");
    expect(formatDuration(3720)).toBe("1 h 02 min");
  });

  it("measures a build, running or finished", () => {
    expect(buildSeconds(null, null)).toBeNull();
    expect(buildSeconds("2026-12-07T10:00:00Z", "2026-12-07T10:01:30Z")).toBe(90);
    expect(buildSeconds("2026-12-07T10:00:00Z", null, Date.parse("2026-12-07T10:00:10Z"))).toBe(10);
  });

  it("shortens commits and sizes", () => {
    expect(shortCommit("3f9c2ab1234")).toBe("3f9c2ab");
    expect(shortCommit(null)).toBe("—");
    expect(formatBytes(999)).toBe("999 B");
    expect(formatBytes(1_400_000)).toBe("1.4 MB");
  });
});
