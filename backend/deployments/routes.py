"""Writes /dockyard/routes/<app_id>: the app's domains and its serving containers."""

import json
import logging
import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from backend.deployments import rules
from backend.models import App, AppDomain, Container, Version
from livestate.keys import DEFAULT, RouteKey
from livestate.store import EtcdError, EtcdStore

log = logging.getLogger(__name__)
PREFIX = DEFAULT.routes


async def route_value(session: AsyncSession, app_id: uuid.UUID) -> bytes:
    domains = (await session.execute(select(AppDomain.domain).where(
        AppDomain.app_id == app_id))).scalars().all()
    rows = await session.execute(select(Container, Version).join(
        Version, Version.id == Container.version_id).where(
        Container.app_id == app_id, Container.desired_state == "running"))
    upstreams = []
    for container, version in rows:
        if rules.serving(container.desired_state, container.state, container.health,
                         bool(version.health_check)):
            address = rules.upstream(container.ports or {}, version.ports)
            if address:
                upstreams.append(address)
    record = rules.route_record(str(app_id), list(domains), upstreams)
    return json.dumps(record, sort_keys=True, separators=(",", ":")).encode()


async def write_routes(session: AsyncSession, etcd: EtcdStore, app_id: uuid.UUID,
                       known: dict[uuid.UUID, bytes] | None = None) -> bool:
    """Write the app's route if it changed; returns whether it wrote."""
    value = await route_value(session, app_id)
    if known is not None and known.get(app_id) == value:
        return False
    current = await etcd.get(PREFIX + str(app_id))
    if current is None or current.value != value:
        await etcd.raw_put(PREFIX + str(app_id), value)
    if known is not None:
        known[app_id] = value
    return True


async def delete_route(etcd: EtcdStore, app_id: uuid.UUID) -> None:
    """Best effort: if etcd is away now, `sweep_routes` removes it later."""
    try:
        await etcd.raw_delete(DEFAULT.route(app_id))
    except (EtcdError, OSError, TimeoutError) as exc:
        log.warning("could not delete the route of app %s now: %s", app_id, exc)


async def sweep_routes(session: AsyncSession, etcd: EtcdStore) -> int:
    """Delete the routes of apps that no longer exist; returns how many."""
    items, _ = await etcd.get_prefix(PREFIX)
    keyed = {key.app_id: kv.key for kv in items
             if isinstance(key := DEFAULT.parse(kv.key), RouteKey)}
    if not keyed:
        return 0
    alive = set((await session.execute(select(App.id).where(
        col(App.id).in_(list(keyed))))).scalars())
    for app_id in sorted(set(keyed) - alive):
        await etcd.raw_delete(keyed[app_id])
    return len(set(keyed) - alive)
