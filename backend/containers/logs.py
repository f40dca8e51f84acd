"""Container logs, read from the container's host engine."""

import asyncio
import time
from collections.abc import AsyncIterator
from typing import Any

from backend.containers.docker_hosts import DockerError

MAX_FOLLOW_S = 300


async def tail(container: Any, lines: int) -> str:
    chunks = await container.log(stdout=True, stderr=True, tail=lines, timestamps=True)
    return "".join(chunks)


async def follow(container: Any, lines: int, seconds: float) -> AsyncIterator[bytes]:
    """Stream new lines for at most `seconds`: a follow never ties up a worker forever."""
    end = time.monotonic() + min(seconds, MAX_FOLLOW_S)
    stream = container.log(stdout=True, stderr=True, tail=lines, timestamps=True, follow=True)
    iterator = stream.__aiter__()
    try:
        while (left := end - time.monotonic()) > 0:
            try:
                line = await asyncio.wait_for(iterator.__anext__(), left)
            except (TimeoutError, StopAsyncIteration):
                return
            yield line.encode() if isinstance(line, str) else line
    except DockerError:
        return
    finally:
        close = getattr(iterator, "aclose", None)
        if close is not None:
            await close()
