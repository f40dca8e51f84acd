"""Where a git URL's host resolves, and whether builds may fetch from it.

Checked when the URL is saved; the builder should check again before it clones, since a
name may resolve elsewhere later (DNS rebinding).
"""

import asyncio
import socket

from backend.core.config import BackendSettings
from backend.repositories import rules

RESOLVE_TIMEOUT_S = 5.0


async def resolve(host: str) -> list[str]:
    """The host's addresses; empty when it does not resolve (within a few seconds)."""
    if rules.ip_literal(host) is not None:
        return [host]
    loop = asyncio.get_running_loop()
    try:
        infos = await asyncio.wait_for(
            loop.getaddrinfo(host, None, type=socket.SOCK_STREAM), RESOLVE_TIMEOUT_S)
    except (OSError, TimeoutError, UnicodeError):
        return []
    return sorted({str(info[4][0]) for info in infos})


async def host_error(settings: BackendSettings, url: str) -> str | None:
    """Why builds may not fetch from this URL's host, or None."""
    if settings.git_allow_private_hosts:
        return None
    host = rules.git_host(url)
    if host is None:
        return "the URL names no host"
    return rules.private_host_error(host, await resolve(host))
