"""Our one module over the Docker engine (aiodocker)."""

import json
from collections.abc import AsyncIterator
from typing import Any

import aiodocker
import aiohttp

from livestate import labels
from livestate.endpoints import docker_url

# The events that change what the agent reports. Asking Docker for these only keeps out
# the exec_* events every health probe makes (three per container per probe), which
# under a burst of new containers delayed real changes by seconds (bench/deploy.py).
STATE_EVENTS = ("create", "start", "restart", "die", "stop", "kill", "oom", "pause",
                "unpause", "destroy", "health_status", "rename", "update")
# Everything that means "the engine is not answering right now".
DOCKER_DOWN = (aiodocker.DockerError, aiohttp.ClientError, OSError, TimeoutError)


class Runtime:
    def __init__(self, endpoint: str):
        self.endpoint = endpoint
        self.docker: aiodocker.Docker | None = None

    async def open(self) -> aiodocker.Docker:
        if self.docker is None:
            self.docker = aiodocker.Docker(url=docker_url(self.endpoint))
        return self.docker

    async def close(self) -> None:
        if self.docker is not None:
            docker, self.docker = self.docker, None
            await docker.close()

    async def info(self) -> dict[str, Any]:
        return dict(await (await self.open()).system.info())

    async def managed_ids(self) -> list[str]:
        docker = await self.open()
        found = await docker.containers.list(
            all=True, filters={"label": [f"{labels.MANAGED}=true"]})
        return sorted(c.id for c in found)

    async def inspect(self, docker_id: str) -> dict[str, Any] | None:
        try:
            container = await (await self.open()).containers.get(docker_id)
        except aiodocker.DockerError as exc:
            if exc.status == 404:
                return None
            raise
        return dict(container._container)

    async def events(self) -> AsyncIterator[dict[str, Any]]:
        """Container events of managed containers, as Docker sends them; ends on EOF."""
        docker = await self.open()
        params = {"filters": json.dumps({"type": ["container"],
                                         "label": [f"{labels.MANAGED}=true"],
                                         "event": list(STATE_EVENTS)})}
        timeout = aiohttp.ClientTimeout(total=None, sock_read=None)  # a stream, not a call
        async with docker._query("events", method="GET", params=params,
                                 timeout=timeout) as response:
            async for line in response.content:
                if line.strip():
                    yield json.loads(line)
