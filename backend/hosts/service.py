import uuid

from sqlalchemy import exists, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from backend.clusters.service import get_cluster
from backend.core import events, jobs
from backend.core.errors import NotFound
from backend.core.pagination import PageParams, paginate
from backend.hosts import onboarding
from backend.hosts.errors import HostHasContainers, HostNameTaken
from backend.models import Cluster, Container, Host, HostStatus, Job, User

PROBE_JOB = "hosts.probe"
DRAIN_JOB = "hosts.drain"  # backend.hosts.drain


async def load_host(session: AsyncSession, user: User, host_id: uuid.UUID,
                    manage: bool = False) -> tuple[Host, Cluster]:
    """A host and its cluster, if the user may see (or, with manage, change) the cluster."""
    host = await session.get(Host, host_id)
    if host is None:
        raise NotFound("No host with that id.")
    try:
        cluster = await get_cluster(session, user, host.cluster_id, manage=manage)
    except NotFound:
        raise NotFound("No host with that id.") from None
    return host, cluster


async def get_host(session: AsyncSession, user: User, host_id: uuid.UUID,
                   manage: bool = False) -> Host:
    return (await load_host(session, user, host_id, manage))[0]


async def list_hosts(session: AsyncSession, user: User, cluster_id: uuid.UUID,
                     params: PageParams) -> tuple[list[Host], str | None]:
    await get_cluster(session, user, cluster_id)
    return await paginate(session, select(Host).where(Host.cluster_id == cluster_id),
                          [Host.name], params)


async def create_host(session: AsyncSession, user: User, cluster_id: uuid.UUID, *, name: str,
                      address: str, docker_endpoint: str, labels: dict[str, str]
                      ) -> tuple[Host, Job]:
    cluster = await get_cluster(session, user, cluster_id, manage=True)
    # The same rules as registration: a group cannot point the worker at the control
    # plane's own engine, another host's, or any address it likes.
    await onboarding.check_target(session, admin=user.is_admin, address=address,
                                  docker_endpoint=docker_endpoint)
    if await session.scalar(select(Host.id).where(Host.name == name)):
        raise HostNameTaken(f"A host named {name!r} exists already.")
    host = Host(cluster_id=cluster.id, name=name, address=address,
                docker_endpoint=docker_endpoint, labels=labels)
    session.add(host)
    await session.flush()
    job = jobs.schedule(session, kind=PROBE_JOB, payload={"host_id": str(host.id)},
                        group_id=cluster.group_id, created_by=user.id, target_type="host",
                        target_id=str(host.id))
    events.record(session, user, "host.create", "host", host.id, group_id=cluster.group_id,
                  cluster=cluster.name, name=name)
    return host, job


async def update_host(session: AsyncSession, user: User, host_id: uuid.UUID,
                      labels: dict[str, str] | None, cordoned: bool | None) -> Host:
    host, cluster = await load_host(session, user, host_id, manage=True)
    _change(session, user, host, cluster, labels, cordoned)
    return host


def _change(session: AsyncSession, user: User, host: Host, cluster: Cluster,
            labels: dict[str, str] | None, cordoned: bool | None) -> None:
    if labels is not None:
        host.labels = labels
        events.record(session, user, "host.update", "host", host.id, group_id=cluster.group_id,
                      labels=labels)
    if cordoned is not None and cordoned != host.cordoned:
        host.cordoned = cordoned
        events.record(session, user, "host.cordon" if cordoned else "host.uncordon", "host",
                      host.id, group_id=cluster.group_id)


async def drain_host(session: AsyncSession, user: User, host_id: uuid.UUID
                     ) -> tuple[Host, Job]:
    """Cordon, then queue the job that moves each container to another host."""
    host, cluster = await load_host(session, user, host_id, manage=True)
    _change(session, user, host, cluster, None, True)
    job = jobs.schedule(session, kind=DRAIN_JOB, payload={"host_id": str(host.id)},
                        group_id=cluster.group_id, created_by=user.id, target_type="host",
                        target_id=str(host.id))
    events.record(session, user, "host.drain", "host", host.id, group_id=cluster.group_id,
                  job=str(job.id))
    return host, job


async def delete_host(session: AsyncSession, user: User, host_id: uuid.UUID) -> None:
    host, cluster = await load_host(session, user, host_id, manage=True)
    if await session.scalar(select(exists().where(Container.host_id == host.id))):
        raise HostHasContainers("Drain the host first, so its containers move elsewhere.")
    events.record(session, user, "host.remove", "host", host.id, group_id=cluster.group_id,
                  name=host.name)
    await session.delete(host)


async def container_counts(session: AsyncSession, host_ids: list[uuid.UUID]
                           ) -> dict[uuid.UUID, int]:
    """Live containers placed on each host (one query for a whole page of hosts)."""
    if not host_ids:
        return {}
    rows = await session.execute(
        select(Container.host_id, func.count()).where(
            Container.host_id.in_(host_ids), Container.desired_state.in_(("running", "stopped")))
        .group_by(Container.host_id))
    return {host_id: int(count) for host_id, count in rows.all()}


def effective_status(host: Host) -> HostStatus:
    if host.cordoned:
        return HostStatus.cordoned
    return host.status
