"""Clusters: public ones are run by platform admins, private ones belong to a group."""

import uuid
from typing import Any

from sqlalchemy import exists, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from backend.clusters.errors import ClusterNameTaken, ClusterNotEmpty
from backend.clusters.schemas import ClusterRead
from backend.core import events
from backend.core.access import check_role, load_scoped, my_group_ids, role_in_group
from backend.core.errors import Forbidden, NotFound
from backend.core.pagination import PageParams, paginate
from backend.models import Cluster, Container, Host, HostStatus, Role, User


async def get_cluster(session: AsyncSession, user: User, cluster_id: uuid.UUID,
                      manage: bool = False) -> Cluster:
    """Anyone signed in sees public clusters; members see their group's private ones.

    `manage` asks for the right to change it: platform admin for a public cluster,
    group admin for a private one.
    """
    cluster = await session.get(Cluster, cluster_id)
    if cluster is None:
        raise NotFound("No cluster with that id.")
    if cluster.group_id is None:
        if manage and not user.is_admin:
            raise Forbidden("Only platform admins manage public clusters.")
        return cluster
    need = Role.admin if manage else Role.viewer
    cluster, _ = await load_scoped(session, select(Cluster).where(Cluster.id == cluster_id),
                                   Cluster.group_id, user, need, "cluster")
    return cluster


def visible_clusters(user: User) -> Any:
    return or_(Cluster.group_id.is_(None), Cluster.group_id.in_(my_group_ids(user)))


async def list_clusters(session: AsyncSession, user: User, params: PageParams
                        ) -> tuple[list[Cluster], str | None]:
    stmt = select(Cluster).where(visible_clusters(user))
    return await paginate(session, stmt, [Cluster.name], params)


async def to_read(session: AsyncSession, clusters: list[Cluster]) -> list[ClusterRead]:
    ids = [c.id for c in clusters]
    counts: dict[uuid.UUID, tuple[int, int]] = {}
    rows = await session.execute(
        select(Host.cluster_id, func.count(),
               func.count().filter(Host.status == HostStatus.ready))
        .where(Host.cluster_id.in_(ids)).group_by(Host.cluster_id))
    for cluster_id, total, ready in rows:
        counts[cluster_id] = (total, ready)
    return [ClusterRead(id=c.id, name=c.name, description=c.description, group_id=c.group_id,
                        public=c.group_id is None, hosts_total=counts.get(c.id, (0, 0))[0],
                        hosts_ready=counts.get(c.id, (0, 0))[1], created_at=c.created_at)
            for c in clusters]


async def create_cluster(session: AsyncSession, user: User, name: str, description: str,
                         group_id: uuid.UUID | None) -> Cluster:
    if group_id is None:
        if not user.is_admin:
            raise Forbidden("Only platform admins create public clusters; give a group_id "
                            "to create a private one.")
    else:
        role = await role_in_group(session, user, group_id)
        if role is None:
            raise NotFound("No group with that id.")
        check_role(role, Role.admin, "group")
    if await session.scalar(select(Cluster.id).where(Cluster.name == name)):
        raise ClusterNameTaken(f"A cluster named {name!r} exists already.")
    cluster = Cluster(name=name, description=description, group_id=group_id)
    session.add(cluster)
    await session.flush()
    events.record(session, user, "cluster.create", "cluster", cluster.id, group_id=group_id,
                  name=name, public=group_id is None)
    return cluster


async def update_cluster(session: AsyncSession, user: User, cluster_id: uuid.UUID,
                         description: str | None) -> Cluster:
    cluster = await get_cluster(session, user, cluster_id, manage=True)
    if description is not None:
        cluster.description = description
    events.record(session, user, "cluster.update", "cluster", cluster.id,
                  group_id=cluster.group_id)
    return cluster


async def delete_cluster(session: AsyncSession, user: User, cluster_id: uuid.UUID) -> None:
    cluster = await get_cluster(session, user, cluster_id, manage=True)
    for model, what in ((Host, "hosts"), (Container, "containers")):
        if await session.scalar(select(exists().where(model.cluster_id == cluster.id))):
            raise ClusterNotEmpty(f"The cluster still has {what}; remove them first.")
    events.record(session, user, "cluster.delete", "cluster", cluster.id,
                  group_id=cluster.group_id, name=cluster.name)
    await session.delete(cluster)
