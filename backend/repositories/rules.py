"""Pure validation of an image repository's build configuration (no I/O; table-tested).

Each check returns an error message a person can act on, or None.
"""

import ipaddress
import re
from urllib.parse import SplitResult, urlsplit

from backend.versions.rules import container_path_error, env_name_error, env_size_error

GIT_SCHEMES = ("https", "http", "git", "ssh")
MAX_GIT_URL = 1024
MAX_SCRIPT = 64 * 1024
MAX_BUILD_ENV_VALUE = 32 * 1024
# A host name of letters, digits, dots and dashes; no label may start with '-' (an ssh
# host like `-oProxyCommand=…` would be read as an option).
_HOST_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
HOST_NAME = re.compile(rf"^{_HOST_LABEL}(?:\.{_HOST_LABEL})*\.?$")
SSH_USER = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9._-]{0,63}$")


def _has_control_or_space(text: str) -> bool:
    return any(ch.isspace() or ord(ch) < 0x20 or ord(ch) == 0x7F for ch in text)


def _split(url: str) -> SplitResult | None:
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 (raises ValueError for a port that is not a number)
    except ValueError:
        return None
    return parts


def git_url_error(url: str) -> str | None:
    """https, http, git and ssh URLs only: never `ext::`, `file://`, options or scp-style."""
    if not url:
        return "give the repository's URL, e.g. https://git.example.com/team/app.git"
    if len(url) > MAX_GIT_URL:
        return f"the URL is longer than {MAX_GIT_URL} characters"
    if url.startswith("-"):
        return "a git URL must not start with '-' (git would read it as an option)"
    if _has_control_or_space(url):
        return "a git URL must not contain spaces or control characters"
    parts = _split(url)
    if parts is None or parts.scheme.lower() not in GIT_SCHEMES or "://" not in url:
        return ("only https://, http://, git:// and ssh:// URLs are accepted (for ssh, write "
                "ssh://git@host/path instead of git@host:path)")
    return _authority_error(parts) or _path_error(parts)


def _authority_error(parts: SplitResult) -> str | None:
    host = parts.hostname or ""
    if not host:
        return "the URL names no host"
    if not HOST_NAME.fullmatch(host) and ip_literal(host) is None:
        return f"{host!r} is not a valid host name"
    if parts.password is not None:
        return ("put no password in the URL: it would be shown to everyone who reads the "
                "repository; use ssh:// with the repository's deploy key")
    if parts.username is not None:
        if parts.scheme.lower() != "ssh":
            return "only ssh:// URLs may name a user"
        if not SSH_USER.fullmatch(parts.username):
            return f"{parts.username!r} is not a valid ssh user name"
    return None


def _path_error(parts: SplitResult) -> str | None:
    if parts.path in ("", "/"):
        return "the URL names no repository path"
    if parts.fragment:
        return "a git URL has no fragment ('#…')"
    return None


def git_host(url: str) -> str | None:
    """The host of a URL that passed git_url_error."""
    parts = _split(url)
    return parts.hostname if parts else None


def is_ssh(url: str) -> bool:
    return url.lower().startswith("ssh://")


def ip_literal(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        return None


def non_public_addresses(addresses: list[str]) -> list[str]:
    """Addresses that are not globally routable: loopback, private, link-local, reserved…"""
    out = []
    for address in addresses:
        ip = ipaddress.ip_address(address.split("%", 1)[0])  # drop an IPv6 zone
        if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
            ip = ip.ipv4_mapped
        if not ip.is_global or ip.is_multicast:
            out.append(address)
    return sorted(set(out))


def private_host_error(host: str, addresses: list[str]) -> str | None:
    if not addresses:
        return f"the host {host!r} does not resolve; check the URL"
    if bad := non_public_addresses(addresses):
        return (f"the host {host!r} resolves to a loopback or private address "
                f"({', '.join(bad)}); builds may fetch only from public hosts unless the "
                "platform allows private ones (DOCKYARD_GIT_ALLOW_PRIVATE_HOSTS)")
    return None


def ports_error(ports: list[int]) -> str | None:
    if bad := [p for p in ports if not 1 <= p <= 65535]:
        return f"ports must be between 1 and 65535, not {bad[0]}"
    if len(set(ports)) != len(ports):
        return "each container_port may appear only once"
    return None


def volume_path_error(path: str) -> str | None:
    if ".." in path.split("/"):
        return f"{path!r} must not contain '..'"
    return container_path_error(path)


def volumes_error(paths: list[str]) -> str | None:
    for path in paths:
        if err := volume_path_error(path):
            return err
    if len(set(paths)) != len(paths):
        return "each container_path may appear only once"
    return None


def script_error(name: str, script: str) -> str | None:
    if "\x00" in script:
        return f"the {name} must not contain the NUL character"
    if len(script.encode()) > MAX_SCRIPT:
        return f"the {name} is larger than {MAX_SCRIPT // 1024} KiB"
    return None


def build_env_error(env: dict[str, str]) -> str | None:
    for name, value in env.items():
        if err := env_name_error(name):
            return err
        if "\x00" in value or len(value) > MAX_BUILD_ENV_VALUE:
            return f"the value of {name} holds NUL or is longer than {MAX_BUILD_ENV_VALUE}"
    return env_size_error(env)


# Branch names git accepts, narrowed: no leading '-', no '..', no control characters,
# no `@{`, not ending in '.lock' or '/'.
def ref_name_error(ref: str, what: str = "branch") -> str | None:
    if not ref or len(ref) > 255:
        return f"the {what} name must have 1 to 255 characters"
    if ref.startswith(("-", "/")) or ref.endswith(("/", ".", ".lock")):
        return f"{ref!r} is not a valid {what} name"
    if (_has_control_or_space(ref) or ".." in ref or "@{" in ref or "//" in ref
            or any(ch in ref for ch in "~^:?*[\\")):
        return f"{ref!r} is not a valid {what} name"
    return None
