import { describe, expect, it } from "vitest";

import type { Version } from "../api/versions";
import { carriedFrom, emptyVersionForm, fromVersion, toVersionCreate, versionFormSchema } from "./version-form";

const valid = { ...emptyVersionForm, image: "127.0.0.1:5000/library/busybox:1.35" };

function messages(values: unknown): string[] {
  const result = versionFormSchema.safeParse(values);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
}

describe("versionFormSchema", () => {
  it("accepts the defaults with an image", () => {
    expect(messages(valid)).toEqual([]);
  });

  it("reports env mistakes with their line", () => {
    expect(messages({ ...valid, env: "OK=1\n1BAD=x" })).toEqual([
      'env: line 2: "1BAD" is not a valid variable name (letters, digits, _; not a digit first)',
    ]);
  });

  it("checks numbers, ports and the health check", () => {
    const errors = messages({
      ...valid, memory_mb: "0", cpu_shares: "abc", ports: "99999",
      health_type: "command", health_command: " ", health_port: "x",
    });
    expect(errors.map((e) => e.split(":")[0])).toEqual(
      ["ports", "memory_mb", "cpu_shares", "health_port", "health_command"]);
  });
});

describe("toVersionCreate", () => {
  it("builds the request body", () => {
    const body = toVersionCreate({
      ...valid, env: "A=1\nB=two", ports: "8080", memory_mb: "64", cpu_shares: "512",
      health_type: "http", health_path: "/healthz", health_port: "", note: " first ",
    });
    expect(body).toEqual({
      image: valid.image, note: "first", env: { A: "1", B: "two" },
      ports: [{ container_port: 8080, protocol: "tcp" }], memory_mb: 64, cpu_shares: 512,
      health_check: { type: "http", path: "/healthz" },
    });
  });

  it("sends a command check as argv and no check for none", () => {
    expect(toVersionCreate({ ...valid, health_type: "command", health_command: "test -f /ok" }).health_check)
      .toEqual({ type: "command", command: ["test", "-f", "/ok"] });
    expect(toVersionCreate({ ...valid, health_type: "tcp", health_port: "80" }).health_check)
      .toEqual({ type: "tcp", port: 80 });
    expect(toVersionCreate(valid).health_check).toBeNull();
  });
});

describe("fromVersion", () => {
  const version: Version = {
    id: "v", app_id: "a", number: 3, config_revision: 1, created_by: null, created_at: "2026-01-01T00:00:00Z",
    image: "reg/app:2", env: { B: "2", A: "1" }, ports: [{ container_port: 80, protocol: "tcp" }],
    memory_mb: 256, cpu_shares: 512, note: "old", command: ["httpd", "-f"],
    volumes: [{ container_path: "/data", volume: "data" }], constraints: {},
    health_check: { type: "http", path: "/up", port: 80, interval_s: 30, timeout_s: 5, retries: 2, start_period_s: 10 },
  };

  it("round-trips a version through the form", () => {
    const values = fromVersion(version);
    expect(values).toMatchObject({ env: "A=1\nB=2", ports: "80/tcp", memory_mb: "256", note: "", health_path: "/up" });
    expect(messages(values)).toEqual([]);
    expect(toVersionCreate(values, carriedFrom(version))).toEqual({
      image: "reg/app:2", note: "", env: { A: "1", B: "2" }, ports: [{ container_port: 80, protocol: "tcp" }],
      memory_mb: 256, cpu_shares: 512,
      health_check: { type: "http", path: "/up", port: 80, interval_s: 30, timeout_s: 5, retries: 2, start_period_s: 10 },
      command: ["httpd", "-f"], volumes: [{ container_path: "/data", volume: "data" }], constraints: {},
    });
  });
});
