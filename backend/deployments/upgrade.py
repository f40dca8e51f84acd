"""The grayscale upgrade (and rollback) job: replace containers one by one, safely.

For each target: start the new version on the same host, wait until it serves, put it
in the route, take the old one out of the route, then stop and remove the old one.
A new container that does not turn healthy is removed, the old one keeps serving, and
the job stops with a failure naming it. Re-running the job after a crash picks up
where it was: the new container's id is derived from the job and the old container.
"""

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from backend.containers import docker_hosts, runner
from backend.containers.spec import container_name
from backend.containers.tasks import DOCKER_FAILURES
from backend.core import events
from backend.core.worker_jobs import JobFailed, run_job
from backend.deployments import rules
from backend.deployments.health_wait import observed, wait_serving
from backend.deployments.routes import drain, write_routes
from backend.models import App, Container, Deployment, Host, Job, Version

REPLACEMENT_NS = uuid.UUID("5f1d3c1e-6a55-4f0e-9d84-2d6a3e1b7c90")


def replacement_id(job_id: uuid.UUID, old_id: str) -> uuid.UUID:
    return uuid.uuid5(REPLACEMENT_NS, f"{job_id}:{old_id}")


async def replace_one(ctx: dict[str, Any], session: AsyncSession, job: Job, app: App,
                      version: Version, old: Container,
                      on_host: uuid.UUID | None = None) -> None:
    """Replace `old` by a container of `version`, on its host or (drain) on `on_host`."""
    new_id = replacement_id(job.id, str(old.id))
    new = await session.get(Container, new_id)
    if new is None:
        new = Container(id=new_id, app_id=app.id, version_id=version.id,
                        cluster_id=old.cluster_id, host_id=on_host or old.host_id,
                        name=container_name(str(new_id)))
        session.add(new)
        await session.commit()
    host = await session.get(Host, new.host_id) if new.host_id else None
    if host is None:
        raise JobFailed(f"container {old.id} has no host; cannot replace it in place")
    try:
        await runner.create_and_start(session, ctx["docker"], ctx["settings"], new_id)
        await session.commit()
        docker = ctx["docker"].get(host.docker_endpoint)
        running = await docker.containers.get(container_name(str(new_id)))
        ok, inspect = await wait_serving(running, version.health_check,
                                         ctx["settings"].upgrade_health_timeout_s)
    except DOCKER_FAILURES as exc:
        ok, inspect = False, {"error": str(exc)}
    if not ok:
        await _abandon(ctx, session, host, new, old, app, version, inspect)
    seen = observed(inspect)
    new.state, new.health, new.ports = seen["state"], seen["health"], seen["ports"]
    await session.commit()
    cert_dir = ctx["settings"].edge_cert_dir
    await write_routes(session, ctx["etcd"], app.id, cert_dir=cert_dir)  # beside the old
    old.desired_state, old.replaced_by = "removed", new.id
    old.updated_at = datetime.now(UTC)
    await session.commit()
    # the old one leaves the route, and nginx serves without it, before it stops
    if not await drain(session, ctx["etcd"], ctx["settings"], old):
        await write_routes(session, ctx["etcd"], app.id, cert_dir=cert_dir)
    await runner.remove(session, ctx["docker"], old.id)
    await session.commit()


async def _abandon(ctx: dict[str, Any], session: AsyncSession, host: Host, new: Container,
                   old: Container, app: App, version: Version, inspect: dict[str, Any]) -> None:
    await docker_hosts.remove(ctx["docker"].get(host.docker_endpoint), new.name)
    health = (inspect.get("State") or {}).get("Health") or {}
    log = (health.get("Log") or [{}])[-1].get("Output", "") if health else ""
    reason = (f"v{version.number} on host {host.name} did not become healthy "
              f"({inspect.get('error') or observed(inspect)['health'] or 'no verdict'})")
    new.desired_state, new.state = "removed", "failed"
    new.last_error = (reason + (f": {log.strip()}" if log else ""))[:2000]
    events.record(session, None, "app.upgrade", "app", app.id, group_id=app.group_id,
                  outcome="failure", version=version.number, container=str(new.id),
                  kept=str(old.id), reason=reason)
    await session.commit()
    # The check's own last words, so the job says why without a trip to the container.
    said = f" (last check: {log.strip()[:200]})" if log.strip() else ""
    raise JobFailed(f"{reason}{said}; upgrade stopped, container {old.id} keeps serving")


async def _upgrade(ctx: dict[str, Any], session: AsyncSession, job: Job) -> dict[str, Any]:
    p = job.payload
    deployment = await session.get(Deployment, uuid.UUID(p["deployment_id"]))
    version = await session.get(Version, uuid.UUID(p["version_id"]))
    if deployment is None or version is None:
        raise JobFailed("the deployment or the version no longer exists")
    app = await session.get(App, deployment.app_id)
    assert app is not None
    targets = p["containers"]
    for index, old_id in enumerate(targets):
        old = await session.get(Container, uuid.UUID(old_id))
        if old is not None and old.desired_state in rules.LIVE:
            await replace_one(ctx, session, job, app, version, old)
        job.progress = int(100 * (index + 1) / max(len(targets), 1))
        await session.commit()
    others = await session.scalar(select(func.count()).select_from(Container).where(
        Container.app_id == app.id, Container.cluster_id == deployment.cluster_id,
        Container.desired_state.in_(rules.LIVE), Container.version_id != version.id))
    if p.get("all") or not others:
        deployment.version_id, deployment.updated_at = version.id, datetime.now(UTC)
    events.record(session, None, p.get("action", "app.upgrade"), "app", app.id,
                  group_id=app.group_id, outcome="success", version=version.number,
                  replaced=len(targets))
    return {"replaced": len(targets), "version": version.number}


async def upgrade(ctx: dict[str, Any], job_id: str) -> str:
    """Replace containers by another version, one at a time."""
    return await run_job(ctx, job_id, _upgrade)


JOBS = [("deployments.upgrade", upgrade)]
