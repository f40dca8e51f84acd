"""The scheduler's view of a cluster, read from PostgreSQL."""

import uuid
from collections import defaultdict

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from backend.models import Container, Host, HostStatus, Version
from backend.scheduler import HostView

# Containers that hold memory on their host: everything not yet removed.
LIVE_STATES = ("running", "stopped")


async def host_views(session: AsyncSession, cluster_id: uuid.UUID) -> list[HostView]:
    hosts = (await session.execute(select(Host).where(Host.cluster_id == cluster_id))
             ).scalars().all()
    placed: dict[uuid.UUID, int] = defaultdict(int)
    counts: dict[uuid.UUID, dict[uuid.UUID, int]] = defaultdict(dict)
    rows = await session.execute(
        select(Container.host_id, Container.app_id, func.count(), func.sum(Version.memory_mb))
        .join(Version, Version.id == Container.version_id)
        .where(Container.cluster_id == cluster_id, Container.desired_state.in_(LIVE_STATES),
               Container.host_id.is_not(None))
        .group_by(Container.host_id, Container.app_id))
    for host_id, app_id, count, memory in rows:
        placed[host_id] += int(memory or 0)
        counts[host_id][app_id] = int(count)
    return [HostView(id=h.id, cluster_id=h.cluster_id, name=h.name,
                     ready=h.status == HostStatus.ready, cordoned=h.cordoned,
                     memory_total_mb=int((h.facts or {}).get("memory_total") or 0) // (1 << 20),
                     labels=h.labels or {}, placed_memory_mb=placed[h.id],
                     app_counts=counts[h.id]) for h in hosts]
