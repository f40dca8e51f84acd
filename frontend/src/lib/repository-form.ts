// The repository's build form: text the user types ↔ the API's repository body. Checks
// mirror backend/repositories/rules.py so mistakes show before a round trip.
import { z } from "zod";

import { formatEnv, parseEnv } from "./env";
import { containerPathError } from "./volumes";

const COMPONENT = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*$/;
const GIT_SCHEMES = ["https:", "http:", "git:", "ssh:"];
export const MAX_SCRIPT = 64 * 1024;

export type RepositoryBody = {
  git_url: string;
  branch: string;
  base_image: string;
  build_script: string;
  start_script: string;
  ports: { container_port: number }[];
  volumes: { container_path: string }[];
  build_env: Record<string, string>;
  build_on_push: boolean;
  build_on_tag: boolean;
};

export type RepositoryFormValues = {
  name: string;
  git_url: string;
  branch: string;
  base_image: string;
  build_script: string;
  start_script: string;
  ports: string;
  volumes: string;
  build_env: string;
  build_on_push: boolean;
  build_on_tag: boolean;
};

export const emptyRepositoryForm: RepositoryFormValues = {
  name: "", git_url: "", branch: "main", base_image: "", build_script: "", start_script: "",
  ports: "", volumes: "", build_env: "", build_on_push: true, build_on_tag: true,
};

export function repositoryNameError(name: string): string | null {
  if (!name) return "Give the repository a name";
  if (name.length > 128) return "At most 128 characters";
  return COMPONENT.test(name) ? null : "Lower-case letters and digits, joined by '.', '_', '__' or dashes";
}

export function gitUrlError(url: string): string | null {
  if (!url) return "Give the repository's URL, e.g. https://git.example.com/team/app.git";
  if (url.startsWith("-") || /\s/.test(url)) return "A git URL has no spaces and does not start with '-'";
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "Use an https://, http://, git:// or ssh:// URL (not scp-style host:path)";
  }
  if (!GIT_SCHEMES.includes(parsed.protocol)) return "Only https://, http://, git:// and ssh:// URLs";
  return parsed.hostname ? null : "The URL needs a host";
}

/** "8080, 9000" or one a line → ports; duplicates and out-of-range numbers are errors. */
export function parseContainerPorts(text: string): { ports: { container_port: number }[]; errors: string[] } {
  const ports: { container_port: number }[] = [];
  const errors: string[] = [];
  for (const word of text.split(/[\s,]+/).filter(Boolean)) {
    const n = /^\d+$/.test(word) ? Number(word) : NaN;
    if (!(n >= 1 && n <= 65535)) errors.push(`"${word}" is not a port from 1 to 65535`);
    else if (ports.some((p) => p.container_port === n)) errors.push(`port ${n} is listed twice`);
    else ports.push({ container_port: n });
  }
  if (ports.length > 20) errors.push("at most 20 ports");
  return { ports, errors };
}

/** One absolute path a line → volumes. */
export function parseContainerPaths(text: string): { volumes: { container_path: string }[]; errors: string[] } {
  const volumes: { container_path: string }[] = [];
  const errors: string[] = [];
  for (const path of text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean)) {
    const error = containerPathError(path);
    if (error) errors.push(error);
    else if (volumes.some((v) => v.container_path === path)) errors.push(`${path} is listed twice`);
    else volumes.push({ container_path: path });
  }
  if (volumes.length > 20) errors.push("at most 20 volumes");
  return { volumes, errors };
}

const issues = (errors: string[]) => (_: unknown, ctx: z.RefinementCtx) =>
  errors.forEach((message) => ctx.addIssue({ code: "custom", message }));

const check = (fn: (v: string) => string | null) => z.string().superRefine((v, ctx) => {
  const message = fn(v.trim());
  if (message) ctx.addIssue({ code: "custom", message });
});

/** The form's schema; `creating` adds the name (it never changes afterwards). */
export function repositoryFormSchema(creating: boolean) {
  const script = z.string().max(MAX_SCRIPT, `A script is at most ${MAX_SCRIPT / 1024} KiB`);
  return z.object({
    name: creating ? check(repositoryNameError) : z.string(),
    git_url: check(gitUrlError),
    branch: z.string().trim().min(1, "Name the branch to build, e.g. main").max(255),
    base_image: z.string().trim().min(1, "Pick a base image"),
    build_script: script,
    start_script: script,
    ports: z.string().superRefine((v, ctx) => issues(parseContainerPorts(v).errors)(v, ctx)),
    volumes: z.string().superRefine((v, ctx) => issues(parseContainerPaths(v).errors)(v, ctx)),
    build_env: z.string().superRefine((v, ctx) =>
      issues(parseEnv(v).errors.map((e) => (e.line ? `line ${e.line}: ${e.message}` : e.message)))(v, ctx)),
    build_on_push: z.boolean(),
    build_on_tag: z.boolean(),
  });
}

/** The request body of the form's values (already validated by the schema). */
export function toRepositoryBody(values: RepositoryFormValues): RepositoryBody {
  return {
    git_url: values.git_url.trim(),
    branch: values.branch.trim(),
    base_image: values.base_image.trim(),
    build_script: values.build_script,
    start_script: values.start_script,
    ports: parseContainerPorts(values.ports).ports,
    volumes: parseContainerPaths(values.volumes).volumes,
    build_env: parseEnv(values.build_env).env,
    build_on_push: values.build_on_push,
    build_on_tag: values.build_on_tag,
  };
}

/** The form's values for an existing repository. */
export function fromRepository(repo: RepositoryBody & { name: string }): RepositoryFormValues {
  return {
    name: repo.name, git_url: repo.git_url, branch: repo.branch, base_image: repo.base_image,
    build_script: repo.build_script, start_script: repo.start_script,
    ports: repo.ports.map((p) => p.container_port).join(", "),
    volumes: repo.volumes.map((v) => v.container_path).join("\n"),
    build_env: formatEnv(repo.build_env), build_on_push: repo.build_on_push, build_on_tag: repo.build_on_tag,
  };
}

const FIELDS = new Set(Object.keys(emptyRepositoryForm));

/** Where a 422 on the repository body belongs in the form (`ports.0.container_port` → ports). */
export function repositoryFieldOf(path: string[]): string | null {
  const head = path[0];
  return head && FIELDS.has(head) ? head : null;
}

/** Only the fields that differ: an unchanged save must not raise the config revision. */
export function changedFields(before: RepositoryBody, after: RepositoryBody): Partial<RepositoryBody> {
  const changed: Partial<RepositoryBody> = {};
  for (const key of Object.keys(after) as (keyof RepositoryBody)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) Object.assign(changed, { [key]: after[key] });
  }
  return changed;
}
