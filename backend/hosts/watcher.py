"""Keeps PostgreSQL's view of hosts and containers in step with the agents' etcd keys.

A full read at start (and after any broken or compacted watch) sets every host's
status from what etcd holds; then a watch from the next revision applies each change.
"""

import asyncio
import logging
import time
import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from agent.backoff import Backoff
from agent.etcd_store import Change, Compacted, EtcdError, EtcdStore
from backend.hosts import live_state
from backend.hosts.live_state import ContainerKey, HostKey
from backend.models import Container, Host, HostStatus

log = logging.getLogger(__name__)


class LiveStateWatcher:
    def __init__(self, store: EtcdStore, maker: async_sessionmaker[AsyncSession],
                 prefix: str = "/dockyard", on_change: asyncio.Event | None = None):
        self.store, self.maker, self.prefix = store, maker, prefix
        # Set after each applied batch: wakes the reconciler early (event-driven).
        self.on_change = on_change
        self.revision = 0
        self.applied_at = 0.0  # monotonic time of the last applied change (for lag)
        self.full_reads = 0

    async def run(self) -> None:
        backoff = Backoff(max_s=5.0)
        while True:
            try:
                self.revision = await self.full_read()
                backoff.reset()
                await self._follow()
                log.warning("etcd watch ended; re-reading")
            except Compacted:
                log.warning("watch revision %s was compacted; re-reading", self.revision)
            except (EtcdError, OSError, TimeoutError) as exc:
                log.warning("etcd unavailable (%s); retrying", exc)
                await self.store.close()
                await asyncio.sleep(backoff.next())
            except Exception:  # the database, most likely: re-read from scratch
                log.exception("applying live state failed; re-reading")
                await asyncio.sleep(backoff.next())

    async def _follow(self) -> None:
        """Apply watch events; whatever piled up meanwhile goes in one transaction.

        Under a burst (30 containers turning healthy at once) one transaction per
        change made the last one wait seconds behind the others (bench/deploy.py).
        """
        queue: asyncio.Queue[Change | BaseException | None] = asyncio.Queue()

        async def read() -> None:
            try:
                async for change in self.store.watch_prefix(self.prefix + "/",
                                                            self.revision + 1):
                    queue.put_nowait(change)
                queue.put_nowait(None)
            except Exception as exc:  # handed to the consumer, which raises it
                queue.put_nowait(exc)

        reader = asyncio.create_task(read())
        try:
            while True:
                batch = [await queue.get()]
                while not queue.empty():
                    batch.append(queue.get_nowait())
                changes = [c for c in batch if isinstance(c, Change)]
                if changes:
                    await self.apply(*changes)
                for item in batch:
                    if item is None:
                        return
                    if isinstance(item, BaseException):
                        raise item
        finally:
            reader.cancel()
            await asyncio.gather(reader, return_exceptions=True)

    async def full_read(self) -> int:
        items, revision = await self.store.get_prefix(self.prefix + "/")
        hosts: dict[uuid.UUID, dict[str, Any] | None] = {}
        containers: list[tuple[ContainerKey, dict[str, Any]]] = []
        for kv in items:
            key = live_state.parse_key(self.prefix, kv.key)
            record = live_state.decode(kv.value)
            if isinstance(key, HostKey):
                hosts[key.host_id] = record
            elif isinstance(key, ContainerKey) and record is not None:
                containers.append((key, record))
        async with self.maker() as session:
            for host in (await session.execute(select(Host))).scalars():
                self._set_host(host, hosts.get(host.id))
            for key, record in containers:
                await self._set_container(session, key, record)
            await session.commit()
        self.full_reads += 1
        return revision

    async def apply(self, *changes: Change) -> None:
        """Apply changes in order, in one transaction."""
        # Container rows in id order, as the ORM flushes them in the API and reconciler:
        # two transactions never wait on each other's rows in a cycle. Stable, so later
        # changes of one key still win.
        ordered = sorted(changes, key=_row_order)
        async with self.maker() as session:
            for change in ordered:
                await self._apply_one(session, change)
            await session.commit()
        self.revision = changes[-1].revision
        self.applied_at = time.monotonic()
        if self.on_change is not None:
            self.on_change.set()

    async def _apply_one(self, session: AsyncSession, change: Change) -> None:
        key = live_state.parse_key(self.prefix, change.key)
        record = live_state.decode(change.value)
        if isinstance(key, HostKey):
            host = await session.get(Host, key.host_id)
            if host is not None:
                self._set_host(host, record)
        elif isinstance(key, ContainerKey):
            if record is None:
                await session.execute(update(Container).where(
                    Container.docker_id == key.docker_id).values(
                    state="gone", health=None, updated_at=datetime.now(UTC)))
            else:
                await self._set_container(session, key, record)

    @staticmethod
    def _set_host(host: Host, record: dict[str, Any] | None) -> None:
        status = live_state.host_status(record)
        # last_seen_at is the last moment the host was known Ready: the reconciler's
        # grace period for a lost host counts from there.
        if HostStatus.ready in (status, host.status):
            host.last_seen_at = datetime.now(UTC)
        host.status = status
        if record is not None:
            host.facts = live_state.host_facts(record)

    @staticmethod
    async def _set_container(session: AsyncSession, key: ContainerKey,
                             record: dict[str, Any]) -> None:
        container_id = live_state.container_id(record)
        if container_id is None:
            return  # labelled by hand, not one of ours: etcd shows it, PostgreSQL needn't
        await session.execute(update(Container).where(Container.id == container_id).values(
            docker_id=key.docker_id, host_id=key.host_id, state=record.get("state", "unknown"),
            health=record.get("health"), ports=record.get("ports") or {},
            updated_at=datetime.now(UTC)))




def _row_order(change: Change) -> str:
    """Sort key: the container row a change updates (its id), else the etcd key."""
    container_id = live_state.container_id(live_state.decode(change.value) or {})
    return str(container_id) if container_id else change.key
