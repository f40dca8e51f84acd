"""The backend watcher turns agents' etcd keys into host status in PostgreSQL."""

import asyncio
import signal
import uuid
from collections.abc import AsyncIterator

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine

from backend.hosts.watcher import LiveStateWatcher
from backend.models import Cluster, Host, HostStatus
from livestate.store import EtcdError, EtcdStore
from tests.agent.conftest import apoll
from tests.factories import uniq
from tests.private_services import Etcd


@pytest.fixture
async def maker(db_url: str) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    engine = create_async_engine(db_url)
    yield async_sessionmaker(engine, expire_on_commit=False)
    await engine.dispose()


async def make_hosts(maker: async_sessionmaker[AsyncSession], n: int) -> list[str]:
    async with maker() as session:
        cluster = Cluster(name=uniq("wc"))
        session.add(cluster)
        await session.flush()
        hosts = [Host(cluster_id=cluster.id, name=uniq("wh"), address="127.0.2.1",
                      docker_endpoint="unix:///x") for _ in range(n)]
        session.add_all(hosts)
        await session.commit()
        return [str(h.id) for h in hosts]


async def status_of(maker: async_sessionmaker[AsyncSession], host_id: str) -> HostStatus:
    async with maker() as session:
        host = await session.get(Host, uuid.UUID(host_id))
        assert host is not None
        return host.status


async def run_watcher(store: EtcdStore, maker, prefix: str) -> tuple[LiveStateWatcher,
                                                                     asyncio.Task[None]]:
    watcher = LiveStateWatcher(store, maker, prefix=prefix)
    return watcher, asyncio.create_task(watcher.run())


async def test_ready_within_2s_and_not_ready_within_ttl(start_agent, etcd, prefix,
                                                        maker) -> None:
    (host_id,) = await make_hosts(maker, 1)
    _, task = await run_watcher(EtcdStore(etcd.host, etcd.port, etcd.username, etcd.password),
                                maker, prefix)
    try:
        ttl = 3
        agent = start_agent(host_id, ttl=ttl)

        async def ready() -> bool:
            return await status_of(maker, host_id) == HostStatus.ready

        _, took = await apoll(ready, 5, every_s=0.05)
        assert took < 2.0, f"Ready after {took:.2f}s"
        agent.signal(signal.SIGKILL)

        async def not_ready() -> bool:
            return await status_of(maker, host_id) == HostStatus.not_ready

        _, took = await apoll(not_ready, ttl + 4, every_s=0.1)
        assert took <= ttl + 2, f"NotReady after {took:.2f}s"
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)


async def test_recovers_from_a_broken_and_compacted_watch(start_agent, private_etcd: Etcd,
                                                          prefix, maker) -> None:
    first, second = await make_hosts(maker, 2)
    store = EtcdStore("127.0.0.1", private_etcd.port)
    watcher, task = await run_watcher(store, maker, prefix)
    try:
        start_agent(first, ttl=3, etcd_endpoint=private_etcd.endpoint)
        await apoll(lambda: _is(maker, first, HostStatus.ready), 5)
        private_etcd.stop()  # the watch breaks
        await asyncio.sleep(1)
        private_etcd.start()
        probe = EtcdStore("127.0.0.1", private_etcd.port)

        async def compacted() -> bool:
            try:
                _, revision = await probe.get_prefix("/")
                await (await probe.connect()).compact(revision)
            except EtcdError:  # the client reconnects at its own pace after a restart
                await probe.close()
                return False
            return True

        await apoll(compacted, 10, every_s=0.2)
        await probe.close()
        start_agent(second, ttl=3, etcd_endpoint=private_etcd.endpoint)
        await apoll(lambda: _is(maker, second, HostStatus.ready), 15)
        assert watcher.full_reads >= 2
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
        await store.close()


async def _is(maker, host_id: str, status: HostStatus) -> bool:
    return await status_of(maker, host_id) == status
