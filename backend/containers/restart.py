"""Restart a serving container without failing a request: out of the route, restart, back.

Its desired state stays running, and its row's state and health are its host's to
report, so the route leaves it out by a mark of its own (`draining`). The mark goes once
Docker says it serves again (with the ports it has now: a restart may publish new ones),
or when the restart fails, so a container is never left out of the route for good.
"""

import uuid
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from backend.containers import docker_hosts, runner, spec
from backend.core.worker_jobs import JobFailed
from backend.deployments.health_wait import observed, wait_serving
from backend.deployments.routes import drain, write_routes
from backend.models import Container, Host, Version


async def restart_drained(ctx: dict[str, Any], session: AsyncSession,
                          container_id: uuid.UUID) -> str:
    container = await session.get(Container, container_id)
    if container is None or container.desired_state != "running":
        # Not routed (stopped, or on its way out): nothing to drain.
        return await runner.power(session, ctx["docker"], container_id, "restart")
    settings = ctx["settings"]
    container.draining = True
    await session.commit()
    try:
        await drain(session, ctx["etcd"], settings, container)
        outcome = await runner.power(session, ctx["docker"], container_id, "restart")
        await session.commit()  # power() locked the row: let the host's reports in
        if outcome != "restart":
            return outcome
        ok, seen = await _serving_again(ctx, session, container)
    finally:
        await session.rollback()
        await _back_in_route(ctx, session, container_id)
    if not ok:
        raise JobFailed(f"restarted, but it does not serve ({seen['health'] or seen['state']})")
    return outcome


async def _serving_again(ctx: dict[str, Any], session: AsyncSession, container: Container
                         ) -> tuple[bool, dict[str, Any]]:
    # Read only: runner.load would lock the row the host's reports are about to update.
    version = await session.get(Version, container.version_id)
    host = await session.get(Host, container.host_id) if container.host_id else None
    assert version is not None and host is not None
    found = await docker_hosts.find(ctx["docker"].get(host.docker_endpoint),
                                    spec.container_name(str(container.id)))
    if found is None:
        return False, {"state": "missing", "health": None}
    ok, inspect = await wait_serving(found, version.health_check,
                                     ctx["settings"].upgrade_health_timeout_s)
    seen = observed(inspect)
    fresh = await session.get(Container, container.id)
    if fresh is not None:
        fresh.state, fresh.health, fresh.ports = seen["state"], seen["health"], seen["ports"]
        await session.commit()
    return ok, seen


async def _back_in_route(ctx: dict[str, Any], session: AsyncSession,
                         container_id: uuid.UUID) -> None:
    container = await session.get(Container, container_id)
    if container is None:
        return
    container.draining = False
    await session.commit()
    await write_routes(session, ctx["etcd"], container.app_id,
                       cert_dir=ctx["settings"].edge_cert_dir)
