"""Docker clients for hosts, one per engine endpoint, shared by the worker's jobs."""

import contextlib
import ssl
from pathlib import Path
from typing import Any

import aiodocker

from backend.hosts.pki import PlatformCA
from livestate.endpoints import docker_url

DockerError = aiodocker.DockerError


class DockerClients:
    """One client per engine; https:// engines get the platform's client certificate."""

    def __init__(self, pki_dir: Path | None = None) -> None:
        self.clients: dict[str, aiodocker.Docker] = {}
        self.pki_dir = pki_dir
        self._tls: ssl.SSLContext | None = None

    def tls(self) -> ssl.SSLContext:
        if self._tls is None:
            if self.pki_dir is None:
                raise LookupError("no platform CA configured for https engines")
            ca, client = PlatformCA(self.pki_dir).client_files()
            context = ssl.create_default_context(cafile=str(ca))
            context.load_cert_chain(str(client))
            self._tls = context
        return self._tls

    def get(self, endpoint: str) -> aiodocker.Docker:
        if endpoint not in self.clients:
            context = self.tls() if endpoint.startswith("https://") else None
            self.clients[endpoint] = aiodocker.Docker(url=docker_url(endpoint),
                                                      ssl_context=context)
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
