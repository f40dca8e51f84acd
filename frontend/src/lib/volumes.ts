// Volume lines ↔ the API's volume specs, one mount per line:
//   cache:/var/cache          a named Docker volume
//   ./uploads:/data:ro        a directory inside the app's data directory on the host
// Rules mirror backend/versions/rules.py so mistakes show before a round trip.
import type { components } from "../api/schema.gen";

export type VolumeSpec = components["schemas"]["VolumeSpec"];
export type ParsedVolumes = { volumes: VolumeSpec[]; errors: string[] };

const VOLUME_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,127}$/;

export function containerPathError(path: string): string | null {
  if (!path.startsWith("/")) return `"${path}" is not an absolute path`;
  if (path === "/") return "the container root cannot be a volume";
  const parts = path.split("/").slice(1);
  if (parts.some((p) => p === "" || p === "." || p === "..")) {
    return `"${path}" is not normalised (no ".", "..", "//" or trailing "/")`;
  }
  return null;
}

function dataDirError(dir: string): string | null {
  if (!dir || dir.split("/").some((p) => p === "" || p === "." || p === "..")) {
    return `"./${dir}" must stay inside the app's data directory (no "..", "." or empty parts)`;
  }
  return null;
}

function parseLine(raw: string): VolumeSpec | string {
  const parts = raw.split(":");
  const readOnly = parts.length === 3 && parts[2] === "ro";
  if (parts.length < 2 || parts.length > 3 || (parts.length === 3 && !readOnly && parts[2] !== "rw")) {
    return `"${raw}" is not SOURCE:/path or SOURCE:/path:ro`;
  }
  const [source = "", containerPath = ""] = parts;
  const pathError = containerPathError(containerPath);
  if (pathError) return pathError;
  const spec: VolumeSpec = { container_path: containerPath, read_only: readOnly };
  if (source.startsWith("./")) {
    const dir = source.slice(2);
    const error = dataDirError(dir);
    return error ?? { ...spec, data_dir: dir };
  }
  if (source.startsWith("/")) {
    return `"${source}" is a host path; use ./dir for a directory in the app's data directory`;
  }
  if (!VOLUME_NAME.test(source)) return `"${source}" is not a volume name (letters, digits, _ . -)`;
  return { ...spec, volume: source };
}

export function parseVolumes(text: string, maxItems = 20): ParsedVolumes {
  const volumes: VolumeSpec[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((line, index) => {
    const raw = line.trim();
    if (!raw || raw.startsWith("#")) return;
    const parsed = parseLine(raw);
    if (typeof parsed === "string") {
      errors.push(`line ${index + 1}: ${parsed}`);
    } else if (seen.has(parsed.container_path)) {
      errors.push(`line ${index + 1}: ${parsed.container_path} is mounted twice`);
    } else {
      seen.add(parsed.container_path);
      volumes.push(parsed);
    }
  });
  if (volumes.length > maxItems) errors.push(`at most ${maxItems} volumes`);
  return { volumes, errors };
}

export function formatVolume(v: VolumeSpec): string {
  const source = v.volume ?? `./${v.data_dir ?? ""}`;
  return `${source}:${v.container_path}${v.read_only ? ":ro" : ""}`;
}

export function formatVolumes(volumes: readonly VolumeSpec[] | undefined): string {
  return (volumes ?? []).map(formatVolume).join("\n");
}
