import { describe, expect, it } from "vitest";

import type { Version } from "../api/versions";
import { diffVersions } from "./version-diff";

const base: Version = {
  id: "1", app_id: "a", number: 1, config_revision: 1, created_by: null, created_at: "2026-01-01T00:00:00Z",
  image: "reg/app:1", env: { A: "1", B: "2" }, ports: [{ container_port: 80, protocol: "tcp" }],
  memory_mb: 128, cpu_shares: 1024, note: "", command: null, volumes: [], constraints: {}, health_check: null,
};

describe("diffVersions", () => {
  it("marks changed rows and the lines only one side has", () => {
    const next: Version = { ...base, id: "2", number: 2, image: "reg/app:2", env: { A: "1", B: "3", C: "x" },
      command: ["httpd", "-f"], health_check: { type: "tcp", port: 80, interval_s: 5, timeout_s: 1, retries: 3, start_period_s: 0 } };
    const rows = Object.fromEntries(diffVersions(base, next).map((r) => [r.field, r]));
    expect(rows.Image?.changed).toBe(true);
    expect(rows.Environment?.left).toEqual([{ text: "A=1", only: false }, { text: "B=2", only: true }]);
    expect(rows.Environment?.right).toEqual([
      { text: "A=1", only: false }, { text: "B=3", only: true }, { text: "C=x", only: true }]);
    expect(rows.Command?.left).toEqual([]);
    expect(rows.Command?.right).toEqual([{ text: "httpd -f", only: true }]);
    expect(rows["Health check"]?.right.map((l) => l.text)).toEqual([
      "TCP port 80", "every 5 s, timeout 1 s, 3 retries, start period 0 s"]);
    expect(rows.Memory?.changed).toBe(false);
    expect(rows.Ports?.changed).toBe(false);
  });

  it("finds nothing between a version and itself", () => {
    expect(diffVersions(base, base).some((r) => r.changed)).toBe(false);
  });
});
