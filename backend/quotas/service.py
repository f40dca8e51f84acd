"""Per-group limits on public clusters, set by platform admins, checked at placement."""

import uuid
from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from backend.clusters.service import get_cluster
from backend.core import events
from backend.core.errors import Forbidden
from backend.deployments.rules import LIVE
from backend.groups.service import get_group
from backend.models import App, Cluster, ClusterQuota, Container, Group, User, Version
from backend.quotas.errors import PrivateClusterQuota, QuotaExceeded, QuotaNotFound


async def _public_cluster(session: AsyncSession, user: User, cluster_id: uuid.UUID) -> Cluster:
    if not user.is_admin:
        raise Forbidden("Only platform admins manage quotas.")
    cluster = await get_cluster(session, user, cluster_id)
    if cluster.group_id is not None:
        raise PrivateClusterQuota("A private cluster belongs to one group: it has no quotas.")
    return cluster


async def set_quota(session: AsyncSession, user: User, cluster_id: uuid.UUID,
                    group_id: uuid.UUID, memory_mb: int | None, containers: int | None
                    ) -> ClusterQuota:
    cluster = await _public_cluster(session, user, cluster_id)
    if await session.get(Group, group_id) is None:
        raise QuotaNotFound("No group with that id.")
    quota = await session.get(ClusterQuota, (cluster.id, group_id))
    if quota is None:
        quota = ClusterQuota(cluster_id=cluster.id, group_id=group_id)
        session.add(quota)
    quota.memory_mb, quota.containers = memory_mb, containers
    quota.updated_at = datetime.now(UTC)
    await session.flush()
    events.record(session, user, "cluster.quota", "cluster", cluster.id, group_id=group_id,
                  memory_mb=memory_mb, containers=containers)
    return quota


async def get_quota(session: AsyncSession, user: User, cluster_id: uuid.UUID,
                    group_id: uuid.UUID) -> ClusterQuota:
    await _public_cluster(session, user, cluster_id)
    quota = await session.get(ClusterQuota, (cluster_id, group_id))
    if quota is None:
        raise QuotaNotFound("That group has no quota on this cluster.")
    return quota


async def delete_quota(session: AsyncSession, user: User, cluster_id: uuid.UUID,
                       group_id: uuid.UUID) -> None:
    quota = await get_quota(session, user, cluster_id, group_id)
    events.record(session, user, "cluster.quota_removed", "cluster", cluster_id,
                  group_id=group_id)
    await session.delete(quota)


async def list_cluster_quotas(session: AsyncSession, user: User, cluster_id: uuid.UUID
                              ) -> list[ClusterQuota]:
    await _public_cluster(session, user, cluster_id)
    return list((await session.execute(select(ClusterQuota).where(
        ClusterQuota.cluster_id == cluster_id).order_by(ClusterQuota.group_id))).scalars())


async def usage(session: AsyncSession, cluster_id: uuid.UUID, group_id: uuid.UUID
                ) -> tuple[int, int]:
    """(memory MB, containers) the group's live containers hold on the cluster."""
    row = (await session.execute(
        select(func.coalesce(func.sum(Version.memory_mb), 0), func.count(Container.id))
        .join(Version, Version.id == Container.version_id)
        .join(App, App.id == Container.app_id)
        .where(Container.cluster_id == cluster_id, App.group_id == group_id,
               Container.desired_state.in_(LIVE)))).one()
    return int(row[0]), int(row[1])


async def group_quotas(session: AsyncSession, user: User, group_id: uuid.UUID
                       ) -> list[tuple[ClusterQuota, tuple[int, int]]]:
    await get_group(session, user, group_id)
    quotas = (await session.execute(select(ClusterQuota).where(
        ClusterQuota.group_id == group_id).order_by(ClusterQuota.cluster_id))).scalars().all()
    return [(q, await usage(session, q.cluster_id, group_id)) for q in quotas]


async def check(session: AsyncSession, cluster: Cluster, group_id: uuid.UUID,
                containers: int, memory_mb: int) -> None:
    """Refuse adding `containers` holding `memory_mb` if it takes the group past a limit."""
    if cluster.group_id is not None or containers <= 0:
        return
    quota = await session.get(ClusterQuota, (cluster.id, group_id))
    if quota is None:
        return
    used_memory, used_count = await usage(session, cluster.id, group_id)
    if quota.containers is not None and used_count + containers > quota.containers:
        raise QuotaExceeded(f"Quota exceeded on cluster {cluster.name}: {used_count} of "
                            f"{quota.containers} containers in use, {containers} more asked.")
    if quota.memory_mb is not None and used_memory + memory_mb > quota.memory_mb:
        raise QuotaExceeded(f"Quota exceeded on cluster {cluster.name}: {used_memory} of "
                            f"{quota.memory_mb} MB of memory in use, {memory_mb} MB more "
                            "asked.")
