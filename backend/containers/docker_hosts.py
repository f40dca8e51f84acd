"""Docker clients for hosts, one per engine endpoint, shared by the worker's jobs."""

import contextlib
from typing import Any

import aiodocker

from agent.runtime import docker_url

DockerError = aiodocker.DockerError


class DockerClients:
    def __init__(self) -> None:
        self.clients: dict[str, aiodocker.Docker] = {}

    def get(self, endpoint: str) -> aiodocker.Docker:
        if endpoint not in self.clients:
            self.clients[endpoint] = aiodocker.Docker(url=docker_url(endpoint))
        return self.clients[endpoint]

    async def close(self) -> None:
        for client in self.clients.values():
            await client.close()
        self.clients.clear()


async def find(docker: aiodocker.Docker, name: str) -> Any | None:
    try:
        return await docker.containers.get(name)
    except aiodocker.DockerError as exc:
        if exc.status == 404:
            return None
        raise


def pull_auth(image: str, registry_url: str, username: str | None, password: str | None
              ) -> dict[str, str] | None:
    """Credentials for our own registry's images only: never sent to another registry."""
    registry = registry_url.split("://", 1)[-1].rstrip("/")
    if not username or password is None or not image.startswith(registry + "/"):
        return None
    return {"username": username, "password": password, "serveraddress": registry}


async def ensure_image(docker: aiodocker.Docker, image: str,
                       auth: dict[str, str] | None = None) -> None:
    try:
        await docker.images.inspect(image)
    except aiodocker.DockerError as exc:
        if exc.status != 404:
            raise
        await docker.images.pull(image, auth=auth)


async def remove(docker: aiodocker.Docker, name: str) -> bool:
    container = await find(docker, name)
    if container is None:
        return False
    with contextlib.suppress(aiodocker.DockerError):  # already being removed
        await container.delete(force=True, v=False)
    return True
