// Docker's repository-name grammar, as the API checks it (backend/registry/scopes.py).
const COMPONENT = "[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*";
const NAMESPACE_RE = new RegExp(`^${COMPONENT}$`);
const REPOSITORY_RE = new RegExp(`^${COMPONENT}(?:/${COMPONENT})*$`);
const TAG_RE = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;

export const NAMESPACE_HINT = "Lower-case letters and digits, joined by '.', '_', '__' or dashes.";

/** Why `name` cannot be a namespace, or null when it can. */
export function namespaceNameError(name: string): string | null {
  if (name.length < 2 || name.length > 63) return "2 to 63 characters";
  if (name === "library") return "'library' holds the platform's base images";
  return NAMESPACE_RE.test(name) ? null : NAMESPACE_HINT;
}

/** Why `image` cannot be offered as a base image of `namespace`, or null. */
export function baseImageRefError(image: string, namespace: string): string | null {
  const colon = image.lastIndexOf(":");
  const repository = colon < 0 ? image : image.slice(0, colon);
  const tag = colon < 0 ? "" : image.slice(colon + 1);
  if (!tag || tag.includes("/")) return `Name the tag: ${namespace}/<repository>:<tag>`;
  if (!repository.startsWith(`${namespace}/`)) return `Must be in ${namespace}/`;
  if (!REPOSITORY_RE.test(repository) || repository.length > 255) return "Not a Docker repository name";
  return TAG_RE.test(tag) ? null : "Not a Docker tag";
}

/** The Docker commands a member copies: log in, push and pull one repository. */
export function dockerCommands(registry: string, namespace: string, username: string): string {
  const repo = `${registry}/${namespace}/<repository>:<tag>`;
  return [
    `docker login ${registry} -u ${username}   # password or an API token`,
    `docker push ${repo}`,
    `docker pull ${repo}`,
  ].join("\n");
}

/** The registry address of an image reference (`127.0.0.1:5000/library/busybox:1` → host). */
export function registryOf(image: string): string {
  return image.split("/", 1)[0] ?? "";
}
