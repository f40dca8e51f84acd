// The "new version" form: every field is the text the user typed; the zod schema
// checks it with the backend's rules and toVersionCreate turns it into the request.
import { z } from "zod";

import type { HealthCheck, Version, VersionCreate } from "../api/versions";
import { formatEnv, parseEnv } from "./env";
import { parsePorts } from "./ports";

const intText = (label: string, min: number, max: number) =>
  z.string().trim().refine((v) => /^\d+$/.test(v) && Number(v) >= min && Number(v) <= max, {
    message: `${label} must be a whole number from ${min} to ${max}`,
  });

export const versionFormSchema = z
  .object({
    image: z.string().trim().min(1, "The image is required").max(512)
      .refine((v) => !/\s/.test(v), "An image reference has no spaces"),
    note: z.string().max(1000),
    env: z.string().superRefine((text, ctx) => {
      for (const e of parseEnv(text).errors) {
        ctx.addIssue({ code: "custom", message: e.line ? `line ${e.line}: ${e.message}` : e.message });
      }
    }),
    ports: z.string().superRefine((text, ctx) => {
      for (const message of parsePorts(text).errors) ctx.addIssue({ code: "custom", message });
    }),
    memory_mb: intText("Memory", 1, 4_194_304),
    cpu_shares: intText("CPU shares", 2, 262_144),
    health_type: z.enum(["none", "http", "tcp", "command"]),
    health_path: z.string().trim(),
    health_port: z.string().trim(),
    health_command: z.string().trim(),
  })
  .superRefine((v, ctx) => {
    if (v.health_type === "http" && v.health_path && !/^\/\S*$/.test(v.health_path)) {
      ctx.addIssue({ code: "custom", path: ["health_path"], message: "A path starts with / and has no spaces" });
    }
    const port = v.health_port;
    if (port && !(/^\d+$/.test(port) && Number(port) >= 1 && Number(port) <= 65535)) {
      ctx.addIssue({ code: "custom", path: ["health_port"], message: "A port is a number from 1 to 65535" });
    }
    if (v.health_type === "command" && !v.health_command) {
      ctx.addIssue({ code: "custom", path: ["health_command"], message: "A command health check needs a command" });
    }
  });

export type VersionFormValues = z.infer<typeof versionFormSchema>;

export const emptyVersionForm: VersionFormValues = {
  image: "",
  note: "",
  env: "",
  ports: "",
  memory_mb: "128",
  cpu_shares: "1024",
  health_type: "none",
  health_path: "/",
  health_port: "",
  health_command: "",
};

function healthCheck(v: VersionFormValues, timing: Carried["health_timing"]): HealthCheck | null {
  if (v.health_type === "none") return null;
  const check: HealthCheck = { ...timing, type: v.health_type };
  if (v.health_port && v.health_type !== "command") check.port = Number(v.health_port);
  if (v.health_type === "http") check.path = v.health_path || "/";
  if (v.health_type === "command") check.command = v.health_command.split(/\s+/).filter(Boolean);
  return check;
}

/** What the form does not edit, carried over from the version it started from. */
export type Carried = Pick<VersionCreate, "command" | "volumes" | "constraints"> & {
  health_timing?: Pick<HealthCheck, "interval_s" | "timeout_s" | "retries" | "start_period_s">;
};

/** Form values that start from an existing version: a new version is usually a small change. */
export function fromVersion(version: Version): VersionFormValues {
  const hc = version.health_check;
  return {
    image: version.image,
    note: "",
    env: formatEnv(version.env ?? {}),
    ports: (version.ports ?? []).map((p) => `${p.container_port}/${p.protocol ?? "tcp"}`).join(", "),
    memory_mb: String(version.memory_mb ?? 128),
    cpu_shares: String(version.cpu_shares ?? 1024),
    health_type: hc?.type ?? "none",
    health_path: hc?.path ?? "/",
    health_port: hc?.port ? String(hc.port) : "",
    health_command: (hc?.command ?? []).join(" "),
  };
}

export function carriedFrom(version: Version | undefined): Carried {
  if (!version) return {};
  const hc = version.health_check;
  const health_timing = hc
    ? { interval_s: hc.interval_s, timeout_s: hc.timeout_s, retries: hc.retries, start_period_s: hc.start_period_s }
    : undefined;
  return { command: version.command, volumes: version.volumes, constraints: version.constraints, health_timing };
}

/** The request body for values that passed versionFormSchema. */
export function toVersionCreate(v: VersionFormValues, carried: Carried = {}): VersionCreate {
  const { health_timing, ...rest } = carried;
  return {
    ...rest,
    image: v.image.trim(),
    note: v.note.trim(),
    env: parseEnv(v.env).env,
    ports: parsePorts(v.ports).ports,
    memory_mb: Number(v.memory_mb),
    cpu_shares: Number(v.cpu_shares),
    health_check: healthCheck(v, health_timing),
  };
}
