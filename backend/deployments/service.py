"""Deploy, scale, upgrade and roll back: desired state written in one transaction.

Placement happens here, under a row lock on the cluster, so two deploys at once never
book the same free memory; the worker's jobs then make Docker match the rows.
"""

import uuid
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from backend.apps.service import get_app
from backend.containers import queue
from backend.containers.spec import container_name
from backend.core import events, jobs
from backend.core.config import BackendSettings
from backend.core.errors import Conflict, NotFound, Unprocessable
from backend.deployments import capacity, rules
from backend.deployments.schemas import MAX_REPLICAS
from backend.models import App, Cluster, Container, Deployment, Job, Role, User, Version
from backend.quotas import service as quotas
from backend.scheduler import ContainerView, NoCapacity, PlacementRequest, choose_victims, place

UPGRADE_JOB = "deployments.upgrade"


class Capacity(Conflict):
    title = "Not enough capacity"


async def version_by_number(session: AsyncSession, app: App, number: int) -> Version:
    version = (await session.execute(select(Version).where(
        Version.app_id == app.id, Version.number == number))).scalar_one_or_none()
    if version is None:
        raise NotFound(f"The app has no version {number}.")
    return version


async def cluster_for(session: AsyncSession, app: App, cluster_id: uuid.UUID) -> Cluster:
    """A public cluster, or a private one of the app's own group; locked for placement."""
    cluster = (await session.execute(select(Cluster).where(Cluster.id == cluster_id)
                                     .with_for_update())).scalar_one_or_none()
    if cluster is None or cluster.group_id not in (None, app.group_id):
        raise NotFound("No cluster with that id for this app.")
    return cluster


async def live_containers(session: AsyncSession, app_id: uuid.UUID, cluster_id: uuid.UUID
                          ) -> list[Container]:
    return list((await session.execute(select(Container).where(
        Container.app_id == app_id, Container.cluster_id == cluster_id,
        Container.desired_state.in_(rules.LIVE)).order_by(Container.created_at))).scalars())


async def converge(session: AsyncSession, settings: BackendSettings, actor: User | None,
                   app: App, cluster: Cluster, deployment: Deployment
                   ) -> tuple[list[Container], list[Container], list[Job]]:
    """Start or remove containers until the deployment's replica count is met."""
    version = await session.get(Version, deployment.version_id)
    assert version is not None
    live = await live_containers(session, app.id, cluster.id)
    gap = deployment.replicas - len(live)
    started, removed, queued = [], [], []
    if gap > 0:
        await quotas.check(session, cluster, app.group_id, gap, gap * version.memory_mb)
        views = await capacity.host_views(session, cluster.id)
        try:
            placements = place(views, PlacementRequest(
                app_id=app.id, cluster_id=cluster.id, memory_mb=version.memory_mb,
                replicas=gap, constraints=version.constraints), settings.memory_overcommit)
        except NoCapacity as exc:
            raise Capacity(str(exc)) from exc
        for placement in placements:
            cid = uuid.uuid4()
            container = Container(id=cid, app_id=app.id, version_id=version.id,
                                  cluster_id=cluster.id, host_id=placement.host_id,
                                  name=container_name(str(cid)))
            session.add(container)
            started.append(container)
    elif gap < 0:
        candidates = [ContainerView(id=c.id, app_id=c.app_id, cluster_id=c.cluster_id,
                               host_id=c.host_id, created_at=c.created_at) for c in live]
        by_id = {c.id: c for c in live}
        for victim in choose_victims(candidates, -gap):
            container = by_id[victim.id]  # type: ignore[index]
            container.desired_state, container.updated_at = "removed", datetime.now(UTC)
            removed.append(container)
    await session.flush()
    for container in started:
        queued.append(queue.schedule(session, "create", container, group_id=app.group_id,
                                     actor=actor))
    for container in removed:
        queued.append(queue.schedule(session, "remove", container, group_id=app.group_id,
                                     actor=actor))
    return started, removed, queued


async def deploy(session: AsyncSession, settings: BackendSettings, user: User,
                 app_id: uuid.UUID, number: int, cluster_id: uuid.UUID, replicas: int
                 ) -> tuple[Deployment, list[Container], list[Container], list[Job]]:
    app = await get_app(session, user, app_id, Role.developer, for_update=True)
    version = await version_by_number(session, app, number)
    cluster = await cluster_for(session, app, cluster_id)
    others = [c for c in await live_containers(session, app.id, cluster.id)
              if c.version_id != version.id]
    if others:
        raise Conflict(f"{len(others)} containers of another version run in this cluster; "
                       "use upgrade (or rollback) to change versions, or scale to change "
                       "the count.")
    deployment = (await session.execute(select(Deployment).where(
        Deployment.app_id == app.id, Deployment.cluster_id == cluster.id))).scalar_one_or_none()
    if deployment is None:
        deployment = Deployment(app_id=app.id, cluster_id=cluster.id, version_id=version.id)
        session.add(deployment)
    deployment.version_id, deployment.replicas = version.id, replicas
    deployment.updated_at = datetime.now(UTC)
    started, removed, queued = await converge(session, settings, user, app, cluster, deployment)
    events.record(session, user, "app.deploy", "app", app.id, group_id=app.group_id,
                  version=number, cluster=cluster.name, replicas=replicas,
                  started=len(started), removed=len(removed))
    return deployment, started, removed, queued


async def add_container(session: AsyncSession, settings: BackendSettings, user: User,
                        app_id: uuid.UUID, cluster_id: uuid.UUID, number: int
                        ) -> tuple[Deployment, list[Container], list[Container], list[Job]]:
    """One more container of version `number` where the scheduler finds room; it counts
    in the deployment's replicas, so the reconciler keeps it (beside other versions)."""
    app = await get_app(session, user, app_id, Role.developer, for_update=True)
    version = await version_by_number(session, app, number)
    # Lock order everywhere: app, cluster, deployment, containers (the reconciler too).
    cluster = await cluster_for(session, app, cluster_id)
    deployment = (await session.execute(select(Deployment).where(
        Deployment.app_id == app.id, Deployment.cluster_id == cluster.id).with_for_update())
    ).scalar_one_or_none()
    if deployment is None:
        raise Conflict(f"The app is not deployed in cluster {cluster.name}: deploy it there "
                       "first.")
    if deployment.replicas >= MAX_REPLICAS:
        raise Conflict(f"The deployment already has {MAX_REPLICAS} replicas, the most allowed.")
    await quotas.check(session, cluster, app.group_id, 1, version.memory_mb)
    try:
        [placement] = place(await capacity.host_views(session, cluster.id), PlacementRequest(
            app_id=app.id, cluster_id=cluster.id, memory_mb=version.memory_mb, replicas=1,
            constraints=version.constraints), settings.memory_overcommit)
    except NoCapacity as exc:
        raise Capacity(str(exc)) from exc
    cid = uuid.uuid4()
    container = Container(id=cid, app_id=app.id, version_id=version.id, cluster_id=cluster.id,
                          host_id=placement.host_id, name=container_name(str(cid)))
    session.add(container)
    deployment.replicas += 1
    deployment.updated_at = datetime.now(UTC)
    await session.flush()
    job = queue.schedule(session, "create", container, group_id=app.group_id, actor=user)
    events.record(session, user, "app.add_container", "app", app.id, group_id=app.group_id,
                  version=number, cluster=cluster.name, container=str(cid),
                  replicas=deployment.replicas)
    return deployment, [container], [], [job]


async def deployment_of(session: AsyncSession, app: App, cluster_id: uuid.UUID | None,
                        *, lock: bool = True) -> Deployment:
    stmt = select(Deployment).where(Deployment.app_id == app.id)
    if cluster_id is not None:
        stmt = stmt.where(Deployment.cluster_id == cluster_id)
    if lock:
        stmt = stmt.with_for_update()
    found = list((await session.execute(stmt)).scalars())
    if not found:
        raise NotFound("The app is not deployed" +
                       (" in that cluster." if cluster_id else " anywhere yet."))
    if len(found) > 1:
        raise Unprocessable("The app runs in several clusters: give cluster_id.")
    return found[0]


async def scale(session: AsyncSession, settings: BackendSettings, user: User,
                app_id: uuid.UUID, cluster_id: uuid.UUID, replicas: int
                ) -> tuple[Deployment, list[Container], list[Container], list[Job]]:
    app = await get_app(session, user, app_id, Role.developer, for_update=True)
    # Lock order everywhere: app, cluster, deployment, containers (the reconciler too).
    deployment = await deployment_of(session, app, cluster_id, lock=False)
    cluster = await cluster_for(session, app, deployment.cluster_id)
    await session.refresh(deployment, with_for_update=True)
    before = deployment.replicas
    deployment.replicas, deployment.updated_at = replicas, datetime.now(UTC)
    started, removed, queued = await converge(session, settings, user, app, cluster, deployment)
    events.record(session, user, "app.scale", "app", app.id, group_id=app.group_id,
                  cluster=cluster.name, replicas=replicas, before=before)
    return deployment, started, removed, queued


async def schedule_upgrade(session: AsyncSession, user: User, app_id: uuid.UUID, number: int,
                           cluster_id: uuid.UUID | None, container_ids: list[uuid.UUID] | None,
                           *, action: str = "app.upgrade") -> Job:
    """Queue the replacement of chosen containers (or all the rest) by `number`."""
    app = await get_app(session, user, app_id, Role.developer, for_update=True)
    version = await version_by_number(session, app, number)
    deployment = await deployment_of(session, app, cluster_id)
    live = await live_containers(session, app.id, deployment.cluster_id)
    if container_ids is not None:
        known = {c.id for c in live}
        unknown = [str(i) for i in container_ids if i not in known]
        if unknown:
            raise Unprocessable("Not running containers of this app in this cluster: "
                                + ", ".join(unknown))
        if len(set(container_ids)) != len(container_ids):
            raise Unprocessable("A container id is listed twice.")
    targets = [str(c.id) for c in live if c.version_id != version.id
               and (container_ids is None or c.id in container_ids)]
    job = jobs.schedule(session, kind=UPGRADE_JOB, group_id=app.group_id, created_by=user.id,
                        target_type="app", target_id=str(app.id),
                        payload={"deployment_id": str(deployment.id),
                                 "version_id": str(version.id), "containers": targets,
                                 "all": container_ids is None, "action": action})
    events.record(session, user, action, "app", app.id, group_id=app.group_id,
                  version=number, containers=len(targets), job=str(job.id),
                  outcome="queued")
    return job
