"""Keeps PostgreSQL's view of hosts and containers in step with the agents' etcd keys.

A full read at start (and after any broken or compacted watch) sets every host's
status from what etcd holds; then a watch from the next revision applies each change.
"""

import asyncio
import logging
import time
import uuid
from datetime import UTC, datetime

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlmodel import col

from backend.core import events
from backend.hosts import live_state
from backend.models import Cluster, Container, Host, HostStatus
from livestate import records
from livestate.backoff import Backoff
from livestate.keys import ContainerKey, HostKey, Layout
from livestate.store import Change, Compacted, EtcdError, EtcdStore

log = logging.getLogger(__name__)
MEMORY_CAP = 10_000  # keys remembered for "once per key" logging and events


class LiveStateWatcher:
    def __init__(self, store: EtcdStore, maker: async_sessionmaker[AsyncSession],
                 prefix: str = "/dockyard", on_change: asyncio.Event | None = None):
        self.store, self.maker, self.prefix = store, maker, prefix
        self.layout = Layout(prefix)
        self.refused = 0  # reports judged untrustworthy or malformed (logged)
        self.alarmed: set[tuple[uuid.UUID, str]] = set()  # one event per (host, key)
        self.logged: set[str] = set()  # malformed keys already logged
        self.host_groups: dict[uuid.UUID, uuid.UUID | None] = {}  # cluster -> group
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
                async for change in self.store.watch_prefix(self.layout.root,
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
        items, revision = await self.store.get_prefix(self.layout.root)
        async with self.maker() as session:
            seen = {kv.key for kv in items}
            hosts = (await session.execute(select(Host))).scalars().all()
            # A host whose key is gone is NotReady: judge it as a deletion.
            absent = [Change(self.layout.host(h.id), None, revision) for h in hosts
                      if self.layout.host(h.id) not in seen]
            present = [Change(kv.key, kv.value, kv.mod_revision) for kv in items]
            await self._apply_batch(session, present + absent)
            await session.commit()
        self.full_reads += 1
        return revision

    async def apply(self, *changes: Change) -> None:
        """Apply changes in order, in one transaction."""
        async with self.maker() as session:
            await self._apply_batch(session, list(changes))
            await session.commit()
        self.revision = changes[-1].revision
        self.applied_at = time.monotonic()
        if self.on_change is not None:
            self.on_change.set()

    async def _apply_batch(self, session: AsyncSession, changes: list[Change]) -> None:
        """Judge every change against the database (two queries), then write in row order.

        Container rows are written in id order, as the ORM flushes them in the API and the
        reconciler: two transactions never wait on each other's rows in a cycle.
        """
        parsed = [(self.layout.parse(c.key), c) for c in changes]
        host_changes = [(k, c) for k, c in parsed if isinstance(k, HostKey)]
        container_changes = [(k, c) for k, c in parsed if isinstance(k, ContainerKey)]
        reports: list[tuple[ContainerKey, records.ContainerReport]] = []
        deletions: list[ContainerKey] = []
        for key, change in container_changes:
            if change.value is None:
                deletions.append(key)
                continue
            report = records.read_container(change.value)
            if isinstance(report, records.Invalid):
                self.refused += 1
                # Once per key: a host writing garbage on purpose must not flood the log.
                level = logging.DEBUG if change.key in self.logged else logging.WARNING
                if len(self.logged) > MEMORY_CAP:  # bounded, whatever a host writes
                    self.logged.clear()
                self.logged.add(change.key)
                log.log(level, "skipped %s: %s", change.key, report.reason)
            else:
                reports.append((key, report))
        facts = await self._lookup(session, [k.host_id for k, _ in host_changes]
                                   + [k.host_id for k, _ in reports], reports)
        hosts, placements = facts
        for host_key, change in host_changes:
            host = hosts.get(host_key.host_id)
            if host is not None:
                self._set_host(host, change.value)
        writes: list[tuple[uuid.UUID, ContainerKey, records.ContainerReport]] = []
        for key, report in reports:
            claimed = live_state.container_id(report)
            host = hosts.get(key.host_id)
            verdict = live_state.judge(key, report, placements.get(claimed) if claimed else None,
                                       host.address if host else None)
            if isinstance(verdict, live_state.Accept):
                writes.append((verdict.container_id, key, report))
            elif isinstance(verdict, live_state.Refuse):
                self._refuse(session, key, verdict, host)
        # Every row this batch touches, written in container id order (deletions too): the
        # API and the reconciler lock rows in that order, so no two wait on each other.
        gone_ids = await self._gone_ids(session, deletions)
        rows: list[tuple[uuid.UUID, ContainerKey, records.ContainerReport | None]] = [
            *writes, *((cid, key, None) for cid, key in gone_ids)]
        for container_id, key, maybe in sorted(rows, key=lambda row: row[0]):
            if maybe is None:
                await session.execute(update(Container).where(Container.id == container_id)
                                      .values(state="gone", health=None,
                                              updated_at=datetime.now(UTC)))
            else:
                await self._set_container(session, container_id, key, maybe)

    @staticmethod
    async def _gone_ids(session: AsyncSession, deletions: list[ContainerKey]
                        ) -> list[tuple[uuid.UUID, ContainerKey]]:
        """The rows a host's deleted keys stand for: only that host's own containers."""
        if not deletions:
            return []
        by_docker = {(k.host_id, k.docker_id): k for k in deletions}
        found = await session.execute(select(Container.id, Container.host_id,
                                             Container.docker_id).where(
            col(Container.docker_id).in_({k.docker_id for k in deletions})))
        return [(row.id, by_docker[(row.host_id, row.docker_id)]) for row in found
                if (row.host_id, row.docker_id) in by_docker]

    async def _lookup(self, session: AsyncSession, host_ids: list[uuid.UUID],
                      reports: list[tuple[ContainerKey, records.ContainerReport]]
                      ) -> tuple[dict[uuid.UUID, Host], dict[uuid.UUID, live_state.Placement]]:
        hosts: dict[uuid.UUID, Host] = {}
        if host_ids:
            found = await session.execute(
                select(Host, Cluster.group_id).join(Cluster, Cluster.id == Host.cluster_id)
                .where(col(Host.id).in_(set(host_ids))))
            for host, group_id in found:
                hosts[host.id] = host
                self.host_groups[host.cluster_id] = group_id
        claimed = {c for _, r in reports if (c := live_state.container_id(r)) is not None}
        placements: dict[uuid.UUID, live_state.Placement] = {}
        if claimed:
            rows = await session.execute(select(Container.id, Container.host_id, Container.name)
                                         .where(col(Container.id).in_(claimed)))
            placements = {r.id: live_state.Placement(r.id, r.host_id, r.name) for r in rows}
        return hosts, placements

    def _refuse(self, session: AsyncSession, key: ContainerKey, verdict: live_state.Refuse,
                host: Host | None) -> None:
        self.refused += 1
        alarm_key = (key.host_id, key.docker_id)
        if not verdict.alarm or alarm_key in self.alarmed or host is None:
            log.debug("refused a report of host %s (%s): %s", key.host_id, key.docker_id,
                      verdict.reason)
            return
        log.warning("refused a report of host %s (%s): %s", key.host_id, key.docker_id,
                    verdict.reason)
        if len(self.alarmed) > MEMORY_CAP:
            self.alarmed.clear()
        self.alarmed.add(alarm_key)
        events.record(session, None, "host.forged_report", "host", key.host_id,
                      group_id=self.host_groups.get(host.cluster_id), outcome="failure",
                      key=self.layout.container(key.host_id, key.docker_id),
                      reason=verdict.reason)

    def _set_host(self, host: Host, value: bytes | None) -> None:
        report = records.read_host(value) if value is not None else None
        if isinstance(report, records.Invalid):
            log.warning("skipped the record of host %s: %s", host.id, report.reason)
            report = None
        status = live_state.host_status(report)
        # last_seen_at is the last moment the host was known Ready: the reconciler's
        # grace period for a lost host counts from there.
        if HostStatus.ready in (status, host.status):
            host.last_seen_at = datetime.now(UTC)
        host.status = status
        if report is not None:
            host.facts = report.facts

    @staticmethod
    async def _set_container(session: AsyncSession, container_id: uuid.UUID,
                             key: ContainerKey, report: records.ContainerReport) -> None:
        await session.execute(update(Container).where(Container.id == container_id).values(
            docker_id=key.docker_id, state=report.state, health=report.health,
            ports=report.ports, exit_code=report.exit_code,
            restart_count=report.restart_count, health_log=report.health_log,
            updated_at=datetime.now(UTC)))
