import { describe, expect, it } from "vitest";

import { limits } from "../api/limits.gen";
import type { Version } from "../api/versions";
import { emptyVersionForm, fromVersion, toVersionCreate, versionFormSchema } from "./version-form";

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
    expect(errors.map((e) => e.split(":")[0])).toEqual(["ports", "memory_mb", "cpu_shares", "health_command"]);
  });

  it("uses the server's memory limits from the OpenAPI document", () => {
    const { minimum, maximum } = limits.VersionCreate.memory_mb;
    expect(messages({ ...valid, memory_mb: String(maximum + 1) })).toEqual([
      `memory_mb: Memory must be a whole number from ${minimum} to ${maximum}`,
    ]);
    expect(messages({ ...valid, memory_mb: String(maximum) })).toEqual([]);
  });

  it("checks command quoting, volumes, constraints and health timing", () => {
    const errors = messages({
      ...valid, command: "sh -c 'echo hi", volumes: "cache:/data\n/etc:/etc", constraints: "zone",
      health_type: "tcp", health_port: "80", health_interval_s: "5", health_timeout_s: "10",
    });
    expect(errors).toEqual([
      "command: a single quote is not closed",
      'volumes: line 2: "/etc" is a host path; use ./dir for a directory in the app\'s data directory',
      'constraints: line 1: expected label=value, got "zone"',
      "health_timeout_s: The timeout must not exceed the interval",
    ]);
  });

  it("asks for a port when an HTTP check has none to use", () => {
    expect(messages({ ...valid, health_type: "http" })).toEqual([
      "health_port: A HTTP check needs a port here or a published port",
    ]);
  });
});

describe("toVersionCreate", () => {
  it("builds the request body with every field", () => {
    const body = toVersionCreate({
      ...valid, env: "A=1\nB=two", ports: "8080", memory_mb: "64", cpu_shares: "512",
      command: `httpd -f -p 8080 -h "/var/www html"`, volumes: "cache:/cache\n./up:/data:ro",
      constraints: "zone=a\nssd=yes", health_type: "http", health_path: "/healthz", health_port: "",
      health_interval_s: "5", health_timeout_s: "2", health_retries: "4", health_start_period_s: "7",
      note: " first ",
    });
    expect(body).toEqual({
      image: valid.image, note: "first", shell: "/bin/sh", env: { A: "1", B: "two" },
      command: ["httpd", "-f", "-p", "8080", "-h", "/var/www html"],
      ports: [{ container_port: 8080, protocol: "tcp" }],
      volumes: [{ container_path: "/cache", volume: "cache", read_only: false },
        { container_path: "/data", data_dir: "up", read_only: true }],
      constraints: { zone: "a", ssd: "yes" }, memory_mb: 64, cpu_shares: 512,
      health_check: { type: "http", path: "/healthz", interval_s: 5, timeout_s: 2, retries: 4, start_period_s: 7 },
    });
  });

  it("sends no command for an empty one, a command check as argv, no check for none", () => {
    const timing = { interval_s: 10, timeout_s: 3, retries: 3, start_period_s: 0 };
    expect(toVersionCreate(valid).command).toBeNull();
    expect(toVersionCreate({ ...valid, health_type: "command", health_command: "test -f /ok" }).health_check)
      .toEqual({ type: "command", command: ["test", "-f", "/ok"], ...timing });
    expect(toVersionCreate({ ...valid, health_type: "tcp", health_port: "80" }).health_check)
      .toEqual({ type: "tcp", port: 80, ...timing });
    expect(toVersionCreate(valid).health_check).toBeNull();
  });
});

describe("fromVersion", () => {
  const version: Version = {
    id: "v", app_id: "a", number: 3, config_revision: 1, created_by: null, created_at: "2026-01-01T00:00:00Z",
    image: "reg/app:2", shell: "/bin/bash", env: { B: "2", A: "1" }, ports: [{ container_port: 80, protocol: "tcp" }],
    memory_mb: 256, cpu_shares: 512, note: "old", command: ["sh", "-c", "echo it's up && httpd -f"],
    volumes: [{ container_path: "/data", volume: "data", read_only: false }], constraints: { zone: "b" },
    health_check: { type: "http", path: "/up", port: 80, interval_s: 30, timeout_s: 5, retries: 2, start_period_s: 10 },
  };

  it("shows the command it copies", () => {
    expect(fromVersion(version).command).toBe(`sh -c 'echo it'"'"'s up && httpd -f'`);
  });

  it("round-trips a version through the form", () => {
    const values = fromVersion(version);
    expect(values).toMatchObject({ env: "A=1\nB=2", ports: "80/tcp", memory_mb: "256", note: "", health_path: "/up",
      volumes: "data:/data", constraints: "zone=b", health_interval_s: "30" });
    expect(messages(values)).toEqual([]);
    const spec = Object.fromEntries(Object.entries(version).filter(([key]) =>
      !["id", "app_id", "number", "config_revision", "created_by", "created_at"].includes(key)));
    expect(toVersionCreate(values)).toEqual({ ...spec, note: "" });
  });
});
