"""Draining a host: move each of its containers elsewhere, with no gap in service.

Each container goes through the upgrade path (start its replacement on a host the
scheduler picks, wait until it serves, route it, unroute the old, stop and remove it),
so the app keeps its replica count serving throughout. A container that fits nowhere is
named with the scheduler's reason; the job moves the rest, then fails saying which.
Re-running the job picks up where it was (replacement ids derive from job and container).
"""

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from backend.core import events
from backend.core.worker_jobs import JobFailed, run_job
from backend.deployments import capacity, rules
from backend.deployments.upgrade import replace_one, replacement_id
from backend.models import App, Cluster, Container, Host, Job, Version
from backend.scheduler import NoCapacity, PlacementRequest, place

DRAIN_JOB = "hosts.drain"


async def choose_host(session: AsyncSession, ctx: dict[str, Any], app: App, version: Version,
                      cluster_id: uuid.UUID) -> uuid.UUID | str:
    """A host for one more container of this version (the cluster row stays locked until
    the replacement row is committed, so no other placement books the same memory)."""
    await session.execute(select(Cluster.id).where(Cluster.id == cluster_id).with_for_update())
    views = await capacity.host_views(session, cluster_id)
    try:
        placements = place(views, PlacementRequest(
            app_id=app.id, cluster_id=cluster_id, memory_mb=version.memory_mb, replicas=1,
            constraints=version.constraints), ctx["settings"].memory_overcommit)
    except NoCapacity as exc:
        return str(exc)  # the lock goes with the job's next commit
    return uuid.UUID(str(placements[0].host_id))


async def _drain(ctx: dict[str, Any], session: AsyncSession, job: Job) -> dict[str, Any]:
    host = await session.get(Host, uuid.UUID(job.payload["host_id"]))
    if host is None:
        raise JobFailed("the host was removed before it could be drained")
    host_id, host_name, cluster_id = host.id, host.name, host.cluster_id
    ids = (await session.execute(select(Container.id).where(
        Container.host_id == host_id, Container.desired_state.in_(rules.LIVE))
        .order_by(Container.created_at))).scalars().all()
    moved, stuck = 0, []
    for index, container_id in enumerate(ids):
        old = await session.get(Container, container_id)
        if old is None or old.desired_state not in rules.LIVE or old.host_id != host_id:
            continue
        app = await session.get(App, old.app_id)
        version = await session.get(Version, old.version_id)
        assert app is not None and version is not None
        target: uuid.UUID | str | None = None
        if await session.get(Container, replacement_id(job.id, str(old.id))) is None:
            target = await choose_host(session, ctx, app, version, cluster_id)
        if isinstance(target, str):
            stuck.append(f"container {old.id} of app {app.name}: {target}")
            continue
        await replace_one(ctx, session, job, app, version, old, on_host=target)
        moved += 1
        job.progress = int(100 * (index + 1) / max(len(ids), 1))
        await session.commit()
    group = await session.scalar(select(Cluster.group_id).where(Cluster.id == cluster_id))
    events.record(session, None, "host.drained", "host", host_id, group_id=group,
                  outcome="failure" if stuck else "success", moved=moved, stuck=len(stuck))
    if stuck:
        await session.commit()
        raise JobFailed(f"moved {moved} container(s) off {host_name}; "
                        f"could not place {len(stuck)}: " + "; ".join(stuck))
    return {"moved": moved}


async def drain_host(ctx: dict[str, Any], job_id: str) -> str:
    """Move every container off a cordoned host, one by one, without a gap in service."""
    return await run_job(ctx, job_id, _drain)


JOBS = [(DRAIN_JOB, drain_host)]
