"""The Dockerfile a repository's build settings stand for (pure, deterministic).

User text never becomes Dockerfile syntax: the build and start scripts are files in the
build context (COPY'd, then run by /bin/sh), build_env values are quoted ARG defaults,
and the names, ports, paths and base image that do appear in lines are validated first.
"""

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

# Layout of the context tar the builder sends (see builder.context).
SOURCE_DIR = "src"
SCRIPTS_DIR = "dockyard"
BUILD_SCRIPT = "build.sh"
START_SCRIPT = "start.sh"
APP_DIR = "/app"
SCRIPTS_IN_IMAGE = "/dockyard"

# Docker's reference grammar, narrowed: what a FROM line may hold without any of it being
# read as a variable, an option or a second instruction.
_IMAGE = re.compile(r"[a-z0-9]+(?:[._-][a-z0-9]+)*(?::[0-9]+)?"
                    r"(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)+"
                    r"(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@sha256:[0-9a-f]{64})?")
_ENV_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,127}")
# Container paths: no `$` (VOLUME expands variables), quotes, spaces or `..`.
_PATH = re.compile(r"/[A-Za-z0-9._@+=,-]*(?:/[A-Za-z0-9._@+=,-]+)*/?")
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")
MAX_SCRIPT = 256 * 1024
MAX_ENV_VALUE = 32 * 1024


class RenderError(ValueError):
    """A build setting that cannot go into a Dockerfile; the message says which and why."""


@dataclass(frozen=True)
class BuildSpec:
    base_image: str
    build_script: str = ""
    start_script: str = ""
    ports: Sequence[int] = ()
    volumes: Sequence[str] = ()
    build_env: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Rendered:
    base_image: str
    dockerfile: str
    # Files the context holds beside the source, by their path in the context.
    files: dict[str, bytes]


def render(spec: BuildSpec) -> Rendered:
    """The Dockerfile and the script files; raises RenderError naming the bad setting."""
    validate(spec)
    # Layer order for the cache: what changes least first (build script, then source),
    # and the start script after the build step, so editing it rebuilds nothing.
    lines = [
        "# Rendered by Dockyard from the repository's build settings.",
        f"FROM {spec.base_image}",
        *(f"ARG {name}={quote(spec.build_env[name])}" for name in sorted(spec.build_env)),
        f"WORKDIR {APP_DIR}",
    ]
    files = {f"{SCRIPTS_DIR}/{START_SCRIPT}": _script(spec.start_script)}
    if spec.build_script.strip():
        files[f"{SCRIPTS_DIR}/{BUILD_SCRIPT}"] = _script(spec.build_script)
        lines += [_copy(BUILD_SCRIPT), f"COPY {SOURCE_DIR}/ {APP_DIR}/",
                  f'RUN ["/bin/sh", "{SCRIPTS_IN_IMAGE}/{BUILD_SCRIPT}"]']
    else:
        lines.append(f"COPY {SOURCE_DIR}/ {APP_DIR}/")
    lines.append(_copy(START_SCRIPT))
    lines += [f"EXPOSE {port}/tcp" for port in sorted(set(spec.ports))]
    volumes = sorted(set(spec.volumes))
    if volumes:
        lines.append(f"VOLUME {json.dumps(volumes)}")
    lines.append(f'ENTRYPOINT ["/bin/sh", "{SCRIPTS_IN_IMAGE}/{START_SCRIPT}"]')
    return Rendered(base_image=spec.base_image, dockerfile="\n".join(lines) + "\n", files=files)


def quote(value: str) -> str:
    """A double-quoted Dockerfile word that means exactly `value`: the builder's lexer
    takes \\, " and $ literally after a backslash; line breaks are refused by validate."""
    return '"' + re.sub(r'([\\"$])', r"\\\1", value) + '"'


def validate(spec: BuildSpec) -> None:
    if not _IMAGE.fullmatch(spec.base_image):
        raise RenderError(f"base image {spec.base_image!r} is not an image reference "
                          "(registry/namespace/name:tag, lower case)")
    for name, value in spec.build_env.items():
        if not _ENV_NAME.fullmatch(name):
            raise RenderError(f"build_env name {name!r}: use letters, digits and _, "
                              "not starting with a digit")
        if _CONTROL.search(value) or len(value) > MAX_ENV_VALUE:
            raise RenderError(f"build_env {name}: the value may not hold line breaks or "
                              f"control characters, and at most {MAX_ENV_VALUE} characters")
    for port in spec.ports:
        if isinstance(port, bool) or not isinstance(port, int) or not 1 <= port <= 65535:
            raise RenderError(f"port {port!r}: a container port is 1-65535")
    for path in spec.volumes:
        if (not _PATH.fullmatch(path) or "/../" in path + "/" or "/./" in path + "/"
                or path.rstrip("/") == ""):
            raise RenderError(f"volume {path!r}: an absolute container path of letters, "
                              "digits and ._@+=,- (no spaces, quotes, $ or ..), not /")
    for what, script in (("build_script", spec.build_script),
                         ("start_script", spec.start_script)):
        if len(script.encode()) > MAX_SCRIPT or "\x00" in script:
            raise RenderError(f"{what}: at most {MAX_SCRIPT // 1024} KiB of text")
    if not spec.start_script.strip():
        raise RenderError("start_script is empty: say how the app starts "
                          "(e.g. exec busybox httpd -f -p 8080)")


def _copy(name: str) -> str:
    return f"COPY {SCRIPTS_DIR}/{name} {SCRIPTS_IN_IMAGE}/{name}"


def _script(text: str) -> bytes:
    body = text.replace("\r\n", "\n")
    return (body if body.endswith("\n") else body + "\n").encode()
