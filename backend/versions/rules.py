"""Pure validation rules for version specs; used by the schemas and property-tested."""

import posixpath
import re

ENV_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
VOLUME_NAME = re.compile(r"^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,127}$")
_COMPONENT = r"[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*"
IMAGE_REF = re.compile(
    rf"^(?:(?:[a-zA-Z0-9-]+\.)*[a-zA-Z0-9-]+(?::[0-9]{{1,5}})?/)?"
    rf"{_COMPONENT}(?:/{_COMPONENT})*"
    r"(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$")

MAX_ENV_VALUE = 32 * 1024


def env_name_error(name: str) -> str | None:
    if not ENV_NAME.fullmatch(name):
        return f"{name!r} is not a valid variable name (letters, digits, _; not a digit first)"
    return None


def env_value_error(name: str, value: str) -> str | None:
    if any(ch in value for ch in "\n\r\x00"):
        return f"the value of {name} contains a newline or NUL"
    if len(value) > MAX_ENV_VALUE:
        return f"the value of {name} is longer than {MAX_ENV_VALUE} characters"
    return None


# Docker takes the whole env in one create call, and every host keeps it in its config:
# cap the total, not only each value.
MAX_ENV_TOTAL = 64 * 1024


def env_size_error(env: dict[str, str]) -> str | None:
    total = sum(len(name.encode()) + len(value.encode()) + 2 for name, value in env.items())
    if total > MAX_ENV_TOTAL:
        return (f"the environment takes {total} bytes; at most {MAX_ENV_TOTAL} (64 KiB) in all "
                "is allowed")
    return None


def container_path_error(path: str) -> str | None:
    if not path.startswith("/"):
        return f"{path!r} is not an absolute path"
    if "\x00" in path or "\n" in path or ":" in path:
        return f"{path!r} contains a forbidden character"
    if posixpath.normpath(path) != path.rstrip("/") and path != "/":
        return f"{path!r} is not normalised (no '.', '..', '//' or trailing '/')"
    if path == "/":
        return "the container root cannot be a volume"
    return None


def data_subpath_error(subpath: str) -> str | None:
    """A host directory must stay inside the app's data directory: relative, no escape."""
    if subpath.startswith("/"):
        return (f"{subpath!r} is a host path; give a path relative to the app's data "
                "directory instead")
    if not subpath or "\x00" in subpath or "\n" in subpath or ":" in subpath:
        return f"{subpath!r} is not a valid directory name"
    parts = subpath.split("/")
    if any(p in ("", ".", "..") for p in parts):
        return f"{subpath!r} must not contain '.', '..' or empty components"
    return None


def memory_error(memory_mb: int, minimum: int, maximum: int) -> str | None:
    if not minimum <= memory_mb <= maximum:
        return f"memory_mb must be between {minimum} and {maximum} MiB, not {memory_mb}"
    return None
