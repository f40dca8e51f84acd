"""lbgen as a whole on a private etcd and a real nginx: propagation, bursts, refused
configs, and convergence after an etcd restart or a compacted watch."""

import asyncio
import json
import time
import uuid
from collections.abc import AsyncIterator, Callable, Coroutine
from typing import Any

import pytest

from lbgen import model, render
from lbgen.service import Lbgen
from livestate.store import Compacted, EtcdStore
from tests.lbgen.edge import Backend, EdgeNginx
from tests.lbgen.test_nginx import self_signed
from tests.private_services import Etcd

PREFIX = "/dockyard"


def route(domains: list[str], upstreams: list[str], tls: list[str] | None = None) -> bytes:
    return json.dumps({"domains": domains, "upstreams": upstreams, "tls": tls or []}).encode()


async def until(check: Callable[[], bool], limit_s: float = 10.0) -> float:
    start = time.monotonic()
    while not check():
        assert time.monotonic() - start < limit_s, "condition not met in time"
        await asyncio.sleep(0.01)
    return time.monotonic() - start


async def published(store: EtcdStore, ok: Callable[[dict[str, Any]], bool],
                    limit_s: float = 10.0) -> dict[str, Any]:
    """The status key once `ok` holds for it. What a writer reads is this key, and lbgen
    writes it just after its own memory: reading it the moment memory changed once saw
    the previous status (CI)."""
    end = time.monotonic() + limit_s
    while True:
        kv = await store.get(f"{PREFIX}/lb/status/test")
        status: dict[str, Any] = json.loads(kv.value) if kv else {}
        if status and ok(status):
            return status
        assert time.monotonic() < end, status
        await asyncio.sleep(0.01)


async def bounded(closing: Coroutine[Any, Any, None]) -> None:
    """aetcd may never finish closing a client whose etcd restarted: do not wait for it."""
    await asyncio.wait({asyncio.ensure_future(closing)}, timeout=5)


@pytest.fixture
async def store(private_etcd: Etcd) -> AsyncIterator[EtcdStore]:
    host, port = private_etcd.endpoint.split(":")
    s = EtcdStore(host, int(port))
    yield s
    await bounded(s.close())


@pytest.fixture
async def lbgen(private_etcd: Etcd, edge: EdgeNginx) -> AsyncIterator[Lbgen]:
    host, port = private_etcd.endpoint.split(":")
    own = EtcdStore(host, int(port))
    service = Lbgen(edge.settings(private_etcd.endpoint, PREFIX, status_ttl_s=3), own)
    task = asyncio.create_task(service.run())
    await until(lambda: service.status.reloads >= 1)
    yield service
    task.cancel()
    await asyncio.wait({task}, timeout=5)
    await bounded(own.close())


async def put(store: EtcdStore, key: str, value: bytes) -> int:
    client = await store.connect()
    reply = await client.put(key.encode(), value)
    return int(reply.header.revision)


def fresh_render(lb: Lbgen, items: list[tuple[str, bytes]]) -> str:
    from lbgen.service import find_certificates
    built = model.build(items, find_certificates(lb.settings.cert_dir, items))
    return render.render(built, lb.layout)[0]


class TestPropagation:
    async def test_route_written_is_served_and_status_says_so(
            self, lbgen: Lbgen, store: EtcdStore, edge: EdgeNginx,
            backends: list[Backend]) -> None:
        app = str(uuid.uuid4())
        revision = await put(store, f"{PREFIX}/routes/{app}",
                             route(["web.example.test"], [backends[0].address]))
        took = await until(lambda: edge.get("/", "web.example.test")[1].startswith("b0"))
        assert took < 1.0
        status = await published(store, lambda s: s["routes_revision"] >= revision)
        assert status["generation"] == await edge.nginx.generation()
        assert status["last_error"] is None

    async def test_a_burst_of_100_changes_in_1s_is_few_reloads(
            self, lbgen: Lbgen, store: EtcdStore, edge: EdgeNginx,
            backends: list[Backend]) -> None:
        before = lbgen.status.reloads
        apps = [str(uuid.uuid4()) for _ in range(10)]
        for i in range(100):
            await put(store, f"{PREFIX}/routes/{apps[i % 10]}",
                      route([f"a{i % 10}.example.test"], [f"127.0.0.1:{20000 + i}"]))
            await asyncio.sleep(0.01)
        await until(lambda: edge.get("/", "a9.example.test")[0] in (502, 504), 5)
        await asyncio.sleep(1.0)  # nothing else is coming
        assert lbgen.status.reloads - before <= 3

    async def test_the_status_key_goes_with_the_lease(self, lbgen: Lbgen,
                                                      store: EtcdStore) -> None:
        assert await store.get(f"{PREFIX}/lb/status/test") is not None
        client = await store.connect()
        await client.revoke_lease(lbgen._lease)
        await until(lambda: lbgen._lease is not None and lbgen.status.reloads > 0, 5)
        end = time.monotonic() + 10
        while await store.get(f"{PREFIX}/lb/status/test") is None:
            assert time.monotonic() < end
            await asyncio.sleep(0.1)


class TestRefused:
    async def test_an_invalid_config_is_never_applied(
            self, lbgen: Lbgen, store: EtcdStore, edge: EdgeNginx,
            backends: list[Backend]) -> None:
        web, bad = str(uuid.uuid4()), str(uuid.uuid4())
        revision = await put(store, f"{PREFIX}/routes/{web}",
                             route(["web.example.test"], [backends[0].address]))
        await until(lambda: lbgen.status.routes_revision >= revision)
        good = lbgen.status.generation
        assert lbgen.settings.cert_dir is not None
        self_signed(lbgen.settings.cert_dir / bad, "bad.example.test", valid=False)
        await put(store, f"{PREFIX}/routes/{bad}", route(
            ["bad.example.test"], [backends[1].address], tls=["bad.example.test"]))
        await until(lambda: lbgen.status.config_rejected)
        assert "config rejected" in (lbgen.status.last_error or "")
        assert await edge.nginx.generation() == good
        assert edge.get("/", "bad.example.test")[0] == 404
        status = await published(store, lambda s: bool(s["config_rejected"]))
        assert "config rejected" in status["last_error"]
        # the owner fixes it: the next change applies again
        self_signed(lbgen.settings.cert_dir / bad, "bad.example.test")
        await put(store, f"{PREFIX}/routes/{bad}", route(
            ["bad.example.test"], [backends[1].address], tls=["bad.example.test"]))
        await until(lambda: edge.get("/", "bad.example.test")[1].startswith("b1"))
        await until(lambda: not lbgen.status.config_rejected)


class TestConvergence:
    async def test_etcd_restart_mid_watch_converges_to_a_fresh_render(
            self, lbgen: Lbgen, store: EtcdStore, edge: EdgeNginx, private_etcd: Etcd,
            backends: list[Backend]) -> None:
        apps = [str(uuid.uuid4()) for _ in range(3)]
        for i, app in enumerate(apps):
            await put(store, f"{PREFIX}/routes/{app}",
                      route([f"r{i}.example.test"], [backends[i].address]))
        await until(lambda: edge.get("/", "r2.example.test")[1].startswith("b2"))
        reads = lbgen.watcher.reads
        private_etcd.stop()
        await asyncio.sleep(0.5)
        private_etcd.start()
        await store.close()
        end = time.monotonic() + 15
        while True:  # the client's first connection to the new etcd may be refused
            try:
                await (await store.connect()).delete(f"{PREFIX}/routes/{apps[0]}".encode())
                break
            except Exception:
                assert time.monotonic() < end
                await store.close()
                await asyncio.sleep(0.2)
        await put(store, f"{PREFIX}/routes/{apps[1]}",
                  route(["r1.example.test"], [backends[0].address]))
        await until(lambda: edge.get("/", "r1.example.test")[1].startswith("b0"), 20)
        await until(lambda: edge.get("/", "r0.example.test")[0] == 404)
        assert lbgen.watcher.reads > reads
        items, _ = await store.get_prefix(f"{PREFIX}/routes/")
        expected = fresh_render(lbgen, sorted((kv.key, kv.value) for kv in items))
        await until(lambda: edge.conf.read_text() == expected)

    async def test_a_compacted_watch_reads_everything_again(
            self, lbgen: Lbgen, store: EtcdStore, edge: EdgeNginx,
            backends: list[Backend]) -> None:
        app = str(uuid.uuid4())
        old = await put(store, f"{PREFIX}/routes/{app}",
                        route(["c.example.test"], [backends[0].address]))
        for i in range(5):
            await put(store, f"{PREFIX}/routes/{app}",
                      route(["c.example.test"], [backends[i % 3].address]))
        client = await store.connect()
        await client.compact(old + 3)
        with pytest.raises(Compacted):
            async for _ in store.watch_prefix(f"{PREFIX}/routes/", old):
                break
        # lbgen's own watcher, sent back before the compaction, recovers by a full read
        reads = lbgen.watcher.reads
        lbgen.watcher.revision = old
        await lbgen.store.close()  # breaks its current watch
        await until(lambda: lbgen.watcher.reads > reads, 10)
        items, _ = await store.get_prefix(f"{PREFIX}/routes/")
        expected = fresh_render(lbgen, sorted((kv.key, kv.value) for kv in items))
        await until(lambda: edge.conf.read_text() == expected)
