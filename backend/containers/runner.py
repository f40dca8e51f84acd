"""Container lifecycle on a host: the Docker calls the jobs make, each idempotent."""

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from backend.containers import docker_hosts, spec
from backend.containers.docker_hosts import DockerClients, DockerError
from backend.core.config import BackendSettings
from backend.models import App, Container, Host, Version
from backend.registry.tokens import platform_auth


async def load(session: AsyncSession, container_id: uuid.UUID
               ) -> tuple[Container, Host | None, Version, App]:
    container = await session.get(Container, container_id, with_for_update=True)
    if container is None:
        raise LookupError(f"container {container_id} no longer exists")
    version = await session.get(Version, container.version_id)
    app = await session.get(App, container.app_id)
    host = await session.get(Host, container.host_id) if container.host_id else None
    assert version is not None and app is not None
    return container, host, version, app


def version_spec(version: Version) -> dict[str, Any]:
    return {"image": version.image, "command": version.command, "env": version.env,
            "ports": version.ports, "volumes": version.volumes, "memory_mb": version.memory_mb,
            "cpu_shares": version.cpu_shares, "health_check": version.health_check,
            "number": version.number}


async def create_and_start(session: AsyncSession, clients: DockerClients,
                           settings: BackendSettings, container_id: uuid.UUID) -> str:
    """Make the container exist and run on its host; a retry finds the first attempt's."""
    container, host, version, app = await load(session, container_id)
    if container.desired_state == "removed":
        return "skipped: removed"
    if host is None:
        raise LookupError("the container has no host yet")
    docker = clients.get(host.docker_endpoint)
    name = spec.container_name(str(container.id))
    existing = await docker_hosts.find(docker, name)
    if existing is None:
        await docker_hosts.ensure_image(docker, version.image,
                                        platform_auth(settings, version.image))
        config = spec.create_config(version=version_spec(version), app_id=str(app.id),
                                    group_id=str(app.group_id),
                                    cluster_id=str(container.cluster_id),
                                    container_id=str(container.id), host_address=host.address,
                                    data_root=str(settings.app_data_root))
        try:
            existing = await docker.containers.create(config=config, name=name)
        except DockerError as exc:
            if exc.status != 409:  # 409: a parallel attempt created it just now
                raise
            existing = await docker.containers.get(name)
    if container.desired_state == "running":
        await existing.start()  # a no-op (304) when it already runs
    container.docker_id = existing.id
    container.state = "starting" if container.state in ("pending", "failed") else container.state
    container.last_error, container.updated_at = "", datetime.now(UTC)
    return "created"


async def remove(session: AsyncSession, clients: DockerClients, container_id: uuid.UUID
                 ) -> str:
    container, host, _, _ = await load(session, container_id)
    if host is not None:
        await docker_hosts.remove(clients.get(host.docker_endpoint),
                                  spec.container_name(str(container.id)))
    container.desired_state, container.state = "removed", "removed"
    container.updated_at = datetime.now(UTC)
    return "removed"


async def power(session: AsyncSession, clients: DockerClients, container_id: uuid.UUID,
                action: str) -> str:
    container, host, _, _ = await load(session, container_id)
    if host is None or container.desired_state == "removed":
        return "skipped"
    found = await docker_hosts.find(clients.get(host.docker_endpoint),
                                    spec.container_name(str(container.id)))
    if found is None:
        raise LookupError("the container does not exist on its host")
    if action == "start":
        await found.start()
    elif action == "stop":
        await found.stop(t=10)
    else:
        await found.restart(timeout=10)
    container.updated_at = datetime.now(UTC)
    return action
