"""Writes /dockyard/routes/<app_id>: the app's domains and its serving containers."""

import asyncio
import json
import logging
import uuid
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from backend.apps import certificates
from backend.core.config import BackendSettings
from backend.deployments import rules
from backend.models import App, AppDomain, Container, Version
from livestate.keys import DEFAULT
from livestate.store import EtcdError, EtcdStore

log = logging.getLogger(__name__)
PREFIX = DEFAULT.routes


async def route_value(session: AsyncSession, app_id: uuid.UUID,
                      cert_dir: Path | None = None) -> bytes:
    domains = (await session.execute(select(AppDomain.domain).where(
        AppDomain.app_id == app_id))).scalars().all()
    rows = await session.execute(select(Container, Version).join(
        Version, Version.id == Container.version_id).where(
        Container.app_id == app_id, Container.desired_state == "running",
        col(Container.draining).is_(False)))
    upstreams = []
    for container, version in rows:
        if rules.serving(container.desired_state, container.state, container.health,
                         bool(version.health_check)):
            address = rules.upstream(container.ports or {}, version.ports)
            if address:
                upstreams.append(address)
    record = rules.route_record(str(app_id), list(domains), upstreams,
                                certificates.tls_domains(cert_dir, app_id, list(domains)))
    return json.dumps(record, sort_keys=True, separators=(",", ":")).encode()


async def write_routes(session: AsyncSession, etcd: EtcdStore, app_id: uuid.UUID,
                       known: dict[uuid.UUID, bytes] | None = None,
                       cert_dir: Path | None = None) -> bool:
    """Write the app's route if it changed; returns whether it wrote."""
    value = await route_value(session, app_id, cert_dir)
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


async def sweep_routes(session: AsyncSession, etcd: EtcdStore, written: dict[uuid.UUID, bytes]
                       ) -> int:
    """Delete the routes this process wrote for apps that no longer exist (their delete
    could not reach etcd); returns how many. Only its own: another control plane sharing
    this etcd (a second database, as tests have) keeps its routes."""
    if not written:
        return 0
    alive = set((await session.execute(select(App.id).where(
        col(App.id).in_(list(written))))).scalars())
    gone = sorted(set(written) - alive)
    for app_id in gone:
        await etcd.raw_delete(DEFAULT.route(app_id))
        written.pop(app_id, None)
    return len(gone)


async def edge_behind(etcd: EtcdStore, revision: int) -> list[str]:
    """The status keys of the lbgens that do not serve routes of `revision` yet."""
    items, _ = await etcd.get_prefix(DEFAULT.lb_status)
    behind = []
    for kv in items:
        try:
            served = int(json.loads(kv.value).get("routes_revision", 0))
        except (ValueError, TypeError, AttributeError):
            served = 0
        if served < revision:
            behind.append(kv.key)
    return behind


async def edge_serves(etcd: EtcdStore, revision: int, timeout_s: float) -> bool:
    """Wait until every lbgen serves routes of at least `revision` (True), or time out.
    No lbgen at all: nothing to wait for."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout_s
    while True:
        behind = await edge_behind(etcd, revision)
        if not behind:
            return True
        if loop.time() >= deadline:
            log.warning("edge still behind route revision %d after %.1f s: %s",
                        revision, timeout_s, behind)
            return False
        await asyncio.sleep(0.02)


async def drain(session: AsyncSession, etcd: EtcdStore, settings: BackendSettings,
                container: Container) -> bool:
    """Take a container out of its app's route before it stops: write the route from the
    committed rows (its desired state is no longer running), wait until every lbgen serves
    it, then a grace for requests in flight. Returns whether it was routed."""
    version = await session.get(Version, container.version_id)
    address = rules.upstream(container.ports or {}, version.ports if version else [])
    key = PREFIX + str(container.app_id)
    current = await etcd.get(key)
    if address is None or current is None:
        return False
    if address not in json.loads(current.value).get("upstreams", []):
        # Out of the route already, maybe a moment ago by another job (an upgrade's own
        # drain, while the reconciler's remove job gets here): nginx may still send it
        # requests, and requests nginx sent just before its reload are still in flight.
        # Stopping it at once cut them off (a reset, a body cut short, a hung connect
        # through docker-proxy), so a container that was running waits like a drain.
        if container.state == "running":
            await edge_serves(etcd, current.mod_revision, settings.edge_drain_timeout_s)
            await asyncio.sleep(settings.edge_drain_grace_s)
        return False
    for _ in range(3):  # a reconciler pass that read the rows just before may write it back
        await write_routes(session, etcd, container.app_id, cert_dir=settings.edge_cert_dir)
        written = await etcd.get(key)
        revision = written.mod_revision if written else 0
        await edge_serves(etcd, revision, settings.edge_drain_timeout_s)
        now = await etcd.get(key)
        if now is None or address not in json.loads(now.value).get("upstreams", []):
            break
    await asyncio.sleep(settings.edge_drain_grace_s)
    return True
