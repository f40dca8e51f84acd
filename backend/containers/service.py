import uuid
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from backend.apps.service import get_app
from backend.containers import queue
from backend.core import events
from backend.core.access import load_scoped
from backend.core.errors import Conflict
from backend.core.pagination import PageParams, paginate
from backend.deployments import rules
from backend.deployments.schemas import ContainerRead
from backend.models import App, Container, Deployment, Host, Job, Role, User, Version


async def get_container(session: AsyncSession, user: User, container_id: uuid.UUID,
                        need: Role = Role.viewer) -> tuple[Container, App]:
    container, _ = await load_scoped(
        session, select(Container).join(App, App.id == Container.app_id)
        .where(Container.id == container_id), App.group_id, user, need, "container")
    app = await session.get(App, container.app_id)
    assert app is not None
    return container, app


async def list_containers(session: AsyncSession, user: User, app_id: uuid.UUID,
                          params: PageParams, include_removed: bool
                          ) -> tuple[list[Container], str | None]:
    await get_app(session, user, app_id)
    stmt = select(Container).where(Container.app_id == app_id)
    if not include_removed:
        stmt = stmt.where(Container.desired_state.in_(rules.LIVE))
    return await paginate(session, stmt, [Container.created_at, Container.id], params)


async def to_read(session: AsyncSession, containers: list[Container]) -> list[ContainerRead]:
    versions = {v.id: v for v in (await session.execute(select(Version).where(
        Version.id.in_({c.version_id for c in containers})))).scalars()}
    hosts: dict[uuid.UUID, str] = dict((await session.execute(select(Host.id, Host.name).where(
        Host.id.in_({c.host_id for c in containers if c.host_id})))).all())
    out = []
    for c in containers:
        v = versions[c.version_id]
        out.append(ContainerRead(
            id=c.id, app_id=c.app_id, version=v.number, cluster_id=c.cluster_id,
            host_id=c.host_id, host_name=hosts.get(c.host_id), name=c.name,
            docker_id=c.docker_id, desired_state=c.desired_state, state=c.state,
            health=c.health, serving=rules.serving(c.desired_state, c.state, c.health,
                                                   bool(v.health_check)),
            ports=c.ports or {}, last_error=c.last_error, exit_code=c.exit_code,
            restart_count=c.restart_count, health_log=c.health_log or [],
            created_at=c.created_at, updated_at=c.updated_at))
    return out


async def power(session: AsyncSession, user: User, container_id: uuid.UUID, action: str
                ) -> Job:
    container, app = await get_container(session, user, container_id, Role.developer)
    if container.desired_state == "removed":
        raise Conflict("The container has been removed.")
    if action in ("start", "stop"):
        container.desired_state = "running" if action == "start" else "stopped"
        container.updated_at = datetime.now(UTC)
    job = queue.schedule(session, action, container, group_id=app.group_id, actor=user)
    events.record(session, user, f"container.{action}", "app", app.id, group_id=app.group_id,
                  container=str(container.id), job=str(job.id), outcome="queued")
    return job


async def remove(session: AsyncSession, user: User, container_id: uuid.UUID) -> Job:
    """Remove one container for good: its deployment keeps one replica fewer."""
    container, app = await get_container(session, user, container_id, Role.developer)
    if container.desired_state != "removed":
        deployment = (await session.execute(select(Deployment).where(
            Deployment.app_id == app.id, Deployment.cluster_id == container.cluster_id)
            .with_for_update())).scalar_one_or_none()
        if deployment is not None and deployment.replicas > 0:
            deployment.replicas -= 1
        container.desired_state, container.updated_at = "removed", datetime.now(UTC)
    job = queue.schedule(session, "remove", container, group_id=app.group_id, actor=user)
    events.record(session, user, "container.remove", "app", app.id, group_id=app.group_id,
                  container=str(container.id), job=str(job.id), outcome="queued")
    return job
