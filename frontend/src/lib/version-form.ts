// The "new version" form: every field is the text the user typed; the zod schema
// checks it with the server's rules and limits (api/limits.gen.ts, generated from the
// OpenAPI document) and toVersionCreate turns it into the request.
import { z } from "zod";

import { limits } from "../api/limits.gen";
import type { HealthCheck, Version, VersionCreate } from "../api/versions";
import { formatArgs, parseArgs } from "./args";
import { formatConstraints, parseConstraints } from "./constraints";
import { formatEnv, parseEnv } from "./env";
import { parsePorts } from "./ports";
import { formatVolumes, parseVolumes } from "./volumes";

type Bounds = { minimum: number; maximum: number };
const V = limits.VersionCreate;
const H = limits.HealthCheck;

/** "from 4 to 16384": the words a hint and an error use for a server range. */
export const range = (b: Bounds) => `${b.minimum}–${b.maximum}`;

const intText = (label: string, b: Bounds) =>
  z.string().trim().refine((v) => /^\d+$/.test(v) && Number(v) >= b.minimum && Number(v) <= b.maximum, {
    message: `${label} must be a whole number from ${b.minimum} to ${b.maximum}`,
  });

const lines = (parse: (text: string) => { errors: string[] }) =>
  z.string().superRefine((text, ctx) => {
    for (const message of parse(text).errors) ctx.addIssue({ code: "custom", message });
  });

const argv = (label: string, maxItems: number, itemMaxLength: number) =>
  z.string().superRefine((text, ctx) => {
    const { args, error } = parseArgs(text);
    if (error) ctx.addIssue({ code: "custom", message: error });
    else if (args.length > maxItems) ctx.addIssue({ code: "custom", message: `${label} has at most ${maxItems} words` });
    else if (args.some((a) => a.length > itemMaxLength)) {
      ctx.addIssue({ code: "custom", message: `each word of ${label} is at most ${itemMaxLength} characters` });
    }
  });

export const versionFormSchema = z
  .object({
    image: z.string().trim().min(1, "The image is required").max(V.image.maxLength)
      .refine((v) => !/\s/.test(v), "An image reference has no spaces"),
    note: z.string().max(V.note.maxLength, `A note is at most ${V.note.maxLength} characters`),
    shell: z.string().trim().max(V.shell.maxLength)
      .regex(/^\/[A-Za-z0-9._+/-]+$/, "The shell is an absolute path in the image, e.g. /bin/sh"),
    command: argv("the command", V.command.maxItems, V.command.itemMaxLength),
    env: z.string().superRefine((text, ctx) => {
      for (const e of parseEnv(text).errors) {
        ctx.addIssue({ code: "custom", message: e.line ? `line ${e.line}: ${e.message}` : e.message });
      }
    }),
    ports: lines((text) => {
      const parsed = parsePorts(text);
      const extra = parsed.ports.length > V.ports.maxItems ? [`at most ${V.ports.maxItems} ports`] : [];
      return { errors: [...parsed.errors, ...extra] };
    }),
    volumes: lines((text) => parseVolumes(text, V.volumes.maxItems)),
    constraints: lines((text) => parseConstraints(text, V.constraints)),
    memory_mb: intText("Memory", V.memory_mb),
    cpu_shares: intText("CPU shares", V.cpu_shares),
    health_type: z.enum(["none", "http", "tcp", "command"]),
    health_path: z.string().trim(),
    health_port: z.string().trim(),
    health_command: argv("the check command", H.command.maxItems, H.command.itemMaxLength),
    health_interval_s: intText("The interval", H.interval_s),
    health_timeout_s: intText("The timeout", H.timeout_s),
    health_retries: intText("Retries", H.retries),
    health_start_period_s: intText("The start period", H.start_period_s),
  })
  .superRefine((v, ctx) => {
    if (v.health_type === "none") return;
    if (v.health_type === "http" && v.health_path && !/^\/\S*$/.test(v.health_path)) {
      ctx.addIssue({ code: "custom", path: ["health_path"], message: "A path starts with / and has no spaces" });
    }
    const port = v.health_port;
    if (port && v.health_type !== "command" && !(/^\d+$/.test(port) && Number(port) >= 1 && Number(port) <= 65535)) {
      ctx.addIssue({ code: "custom", path: ["health_port"], message: "A port is a number from 1 to 65535" });
    }
    if (v.health_type !== "command" && !port && !v.ports.trim()) {
      ctx.addIssue({ code: "custom", path: ["health_port"], message: `A ${v.health_type.toUpperCase()} check needs a port here or a published port` });
    }
    if (v.health_type === "command" && !parseArgs(v.health_command).args.length) {
      ctx.addIssue({ code: "custom", path: ["health_command"], message: "A command health check needs a command" });
    }
    if (Number(v.health_timeout_s) > Number(v.health_interval_s)) {
      ctx.addIssue({ code: "custom", path: ["health_timeout_s"], message: "The timeout must not exceed the interval" });
    }
  });

export type VersionFormValues = z.infer<typeof versionFormSchema>;

export const emptyVersionForm: VersionFormValues = {
  image: "",
  note: "",
  shell: "/bin/sh",
  command: "",
  env: "",
  ports: "",
  volumes: "",
  constraints: "",
  memory_mb: String(V.memory_mb.default),
  cpu_shares: String(V.cpu_shares.default),
  health_type: "none",
  health_path: "/",
  health_port: "",
  health_command: "",
  health_interval_s: String(H.interval_s.default),
  health_timeout_s: String(H.timeout_s.default),
  health_retries: String(H.retries.default),
  health_start_period_s: String(H.start_period_s.default),
};

function healthCheck(v: VersionFormValues): HealthCheck | null {
  if (v.health_type === "none") return null;
  const check: HealthCheck = {
    type: v.health_type,
    interval_s: Number(v.health_interval_s),
    timeout_s: Number(v.health_timeout_s),
    retries: Number(v.health_retries),
    start_period_s: Number(v.health_start_period_s),
  };
  if (v.health_port && v.health_type !== "command") check.port = Number(v.health_port);
  if (v.health_type === "http") check.path = v.health_path || "/";
  if (v.health_type === "command") check.command = parseArgs(v.health_command).args;
  return check;
}

/** Form values that start from an existing version: a new version is usually a small change. */
export function fromVersion(version: Version): VersionFormValues {
  const hc = version.health_check;
  const timing = (value: number | undefined, fallback: string) => (value === undefined ? fallback : String(value));
  return {
    image: version.image,
    note: "",
    shell: version.shell ?? "/bin/sh",
    command: formatArgs(version.command),
    env: formatEnv(version.env ?? {}),
    ports: (version.ports ?? []).map((p) => `${p.container_port}/${p.protocol ?? "tcp"}`).join(", "),
    volumes: formatVolumes(version.volumes),
    constraints: formatConstraints(version.constraints),
    memory_mb: String(version.memory_mb ?? V.memory_mb.default),
    cpu_shares: String(version.cpu_shares ?? V.cpu_shares.default),
    health_type: hc?.type ?? "none",
    health_path: hc?.path ?? "/",
    health_port: hc?.port ? String(hc.port) : "",
    health_command: formatArgs(hc?.command),
    health_interval_s: timing(hc?.interval_s, emptyVersionForm.health_interval_s),
    health_timeout_s: timing(hc?.timeout_s, emptyVersionForm.health_timeout_s),
    health_retries: timing(hc?.retries, emptyVersionForm.health_retries),
    health_start_period_s: timing(hc?.start_period_s, emptyVersionForm.health_start_period_s),
  };
}

/** The request body for values that passed versionFormSchema. */
export function toVersionCreate(v: VersionFormValues): VersionCreate {
  const command = parseArgs(v.command).args;
  return {
    image: v.image.trim(),
    note: v.note.trim(),
    shell: v.shell.trim(),
    // No command: the image's own entrypoint and command run.
    command: command.length ? command : null,
    env: parseEnv(v.env).env,
    ports: parsePorts(v.ports).ports,
    volumes: parseVolumes(v.volumes).volumes,
    constraints: parseConstraints(v.constraints).constraints,
    memory_mb: Number(v.memory_mb),
    cpu_shares: Number(v.cpu_shares),
    health_check: healthCheck(v),
  };
}
