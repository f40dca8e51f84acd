"""The scale half of bench/agent.py: many simulated agents, and the backend watcher's lag.

Simulated agents speak the agent's etcd protocol through agent.etcd_store, without
Docker: grant a lease, claim the host key and write a few container keys with the
GuardedWriter, keep the lease alive every ttl/3, and now and then change one container's
state (churn: exponential gaps, mean CHURN_S), as a host whose containers come and go.
They run in a child process (this file with --simulate). The parent runs
backend.hosts.watcher.LiveStateWatcher against a bench database holding those hosts,
plus one probe agent whose host key changes every PROBE_S: lag is the time from the
probe's put call to the watcher having committed its Host row.
"""

import argparse
import asyncio
import json
import os
import random
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine
from sqlmodel import col

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from backend.core.config import BackendSettings  # noqa: E402
from backend.core.db import make_sessionmaker  # noqa: E402
from backend.hosts.watcher import LiveStateWatcher  # noqa: E402
from backend.models import Cluster, Host, HostStatus  # noqa: E402
from livestate import labels, records  # noqa: E402
from livestate.store import Change, EtcdStore, GuardedWriter  # noqa: E402

BENCH_DB = "dockyard_bench_agent"
TTL_S = 10
CONTAINERS_PER_HOST = 3
INFO = {"MemTotal": 8 << 30, "NCPU": 4, "ServerVersion": "20.10.24"}


def host_ids(run: str, count: int) -> list[str]:
    return [str(uuid.uuid5(uuid.NAMESPACE_URL, f"dockyard-bench/{run}/{i}")) for i in range(count)]


@dataclass
class Counts:
    writes: int = 0
    keepalives: int = 0
    errors: int = 0


@dataclass
class SimAgent:
    store: EtcdStore
    prefix: str
    host_id: str
    counts: Counts
    containers: dict[str, str] = field(default_factory=dict)  # docker id -> state
    writer: GuardedWriter | None = None
    lease: int = 0

    def host_value(self, memory_free: int) -> bytes:
        record = records.host_record(host_id=self.host_id, name=f"sim-{self.host_id[:8]}",
                                     address="127.0.3.1", docker_endpoint="unix:///nowhere",
                                     info=INFO, memory_free=memory_free, host_labels={},
                                     agent_version="bench")
        return records.encode({**record, "docker_ok": True})

    def container_value(self, docker_id: str) -> bytes:
        return records.encode({
            "docker_id": docker_id, "name": f"c-{docker_id[:8]}", "image": "busybox",
            "labels": {labels.MANAGED: "true", labels.CONTAINER: str(uuid.uuid4())},
            "state": self.containers[docker_id], "health": None, "exit_code": 0, "ports": {}})

    async def start(self) -> None:
        self.lease = await self.store.grant(TTL_S)
        host_key = f"{self.prefix}/hosts/{self.host_id}"
        self.writer = await GuardedWriter.claim(self.store, host_key, self.host_value(1 << 30),
                                                self.lease)
        self.counts.writes += 1
        for _ in range(CONTAINERS_PER_HOST):
            docker_id = uuid.uuid4().hex * 2
            self.containers[docker_id] = "running"
            await self.put_container(docker_id)

    async def put_container(self, docker_id: str) -> None:
        assert self.writer is not None
        key = f"{self.prefix}/containers/{self.host_id}/{docker_id}"
        await self.writer.put(key, self.container_value(docker_id))
        self.counts.writes += 1

    async def put_host(self, memory_free: int) -> None:
        assert self.writer is not None
        await self.writer.put_host(self.host_value(memory_free))
        self.counts.writes += 1

    async def keepalive_loop(self) -> None:
        interval = TTL_S / 3
        await asyncio.sleep(random.uniform(0, interval))
        while True:
            try:
                await self.store.keepalive(self.lease)
                self.counts.keepalives += 1
            except Exception:  # a bench counts failures and goes on
                self.counts.errors += 1
            await asyncio.sleep(interval)

    async def churn_loop(self, mean_s: float) -> None:
        while True:
            await asyncio.sleep(random.expovariate(1 / mean_s))
            docker_id = random.choice(list(self.containers))
            self.containers[docker_id] = ("exited" if self.containers[docker_id] == "running"
                                          else "running")
            try:
                await self.put_container(docker_id)
            except Exception:
                self.counts.errors += 1


# --- the child: N-1 simulated agents ----------------------------------------------------


async def read_line() -> str:
    return await asyncio.get_running_loop().run_in_executor(None, sys.stdin.readline)


async def simulate(args: argparse.Namespace) -> None:
    host, _, port = args.etcd.rpartition(":")
    # The simulated hosts write under a bench prefix: root may, no host user could.
    root = BackendSettings().etcd_root_store()
    creds = (root.username, root.password) if root else (None, None)
    stores = [EtcdStore(host, int(port), *creds) for _ in range(args.channels)]
    counts = Counts()
    sims = [SimAgent(stores[i % len(stores)], args.prefix, host_id, counts)
            for i, host_id in enumerate(host_ids(args.run, args.agents)[1:])]
    gate = asyncio.Semaphore(32)

    async def start(sim: SimAgent) -> None:
        async with gate:
            await sim.start()

    t0 = time.monotonic()
    await asyncio.gather(*(start(s) for s in sims))
    ramp_s = time.monotonic() - t0
    tasks = [asyncio.create_task(loop) for s in sims
             for loop in (s.keepalive_loop(), s.churn_loop(args.churn_s))]
    print(json.dumps({"ramp_s": ramp_s}), flush=True)
    await read_line()  # "go": the parent's watcher has caught up with the ramp
    before = Counts(counts.writes, counts.keepalives, counts.errors)
    await asyncio.sleep(args.window_s)
    print(json.dumps({"writes": counts.writes - before.writes,
                      "keepalives": counts.keepalives - before.keepalives,
                      "errors": counts.errors - before.errors}), flush=True)
    await read_line()  # "stop": the parent has read the database
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    await asyncio.gather(*(s.store.revoke(s.lease) for s in sims), return_exceptions=True)
    for store in stores:
        await store.close()


# --- the parent: watcher, probe, database ------------------------------------------------


class TimedWatcher(LiveStateWatcher):
    """The backend's watcher, noting when each probe value's Host row was committed."""

    def __init__(self, store: EtcdStore, maker: async_sessionmaker[AsyncSession], prefix: str,
                 probe_key: str):
        super().__init__(store, maker, prefix)
        self.probe_key, self.changes = probe_key, 0
        self.applied: dict[int, float] = {}

    async def apply(self, *changes: Change) -> None:
        await super().apply(*changes)
        self.changes += len(changes)
        for change in changes:
            if change.key == self.probe_key and change.value:
                self.applied[int(json.loads(change.value)["memory_free"])] = time.monotonic()


async def prepare_db(settings: BackendSettings, ids: list[str]) -> str:
    """A fresh migrated database holding one cluster with a Host row per simulated agent."""
    base = make_url(settings.database_url)
    admin = create_async_engine(base.set(database="postgres"), isolation_level="AUTOCOMMIT")
    async with admin.connect() as conn:
        await conn.execute(text(f'DROP DATABASE IF EXISTS "{BENCH_DB}" WITH (FORCE)'))
        await conn.execute(text(f'CREATE DATABASE "{BENCH_DB}"'))
    await admin.dispose()
    url = base.set(database=BENCH_DB).render_as_string(hide_password=False)
    migrate = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "backend.cli", "migrate", cwd=ROOT,
        env={**os.environ, "DOCKYARD_DATABASE_URL": url},
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL)
    if await migrate.wait() != 0:
        raise SystemExit("migrating the bench database failed")
    engine = create_async_engine(url)
    async with make_sessionmaker(engine)() as session:
        cluster = Cluster(name="bench")
        session.add(cluster)
        await session.flush()
        session.add_all([Host(id=uuid.UUID(h), cluster_id=cluster.id, name=f"sim-{h[:8]}",
                              address="127.0.3.1", docker_endpoint="unix:///nowhere")
                         for h in ids])
        await session.commit()
    await engine.dispose()
    return url


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


async def caught_up(watcher: TimedWatcher, store: EtcdStore, limit_s: float = 120) -> None:
    """Wait until the watcher has applied everything written so far (the ramp), seen by
    a marker key under its prefix (other users of etcd move the global revision too)."""
    marker = f"{watcher.prefix}/marker"
    await store.raw_put(marker, b"{}")
    got = await store.get(marker)
    target = got.mod_revision if got else 0
    end = time.monotonic() + limit_s
    while watcher.revision < target:
        if time.monotonic() > end:
            raise SystemExit("the watcher did not catch up with the ramp")
        await asyncio.sleep(0.1)


async def probe_loop(probe: SimAgent, window_s: float, every_s: float) -> dict[int, float]:
    """Change the probe's host key every every_s; returns when each put was called."""
    sent: dict[int, float] = {}
    end, seq = time.monotonic() + window_s, 1 << 30
    while time.monotonic() < end:
        seq += 1
        sent[seq] = time.monotonic()
        await probe.put_host(seq)
        await asyncio.sleep(every_s)
    return sent


async def run_scale(settings: BackendSettings, agents: int, window_s: float, churn_s: float,
                    channels: int, probe_s: float) -> dict[str, Any]:
    run = uuid.uuid4().hex[:8]
    prefix, ids = f"/dybench-{run}", host_ids(run, agents)
    url = await prepare_db(settings, ids)
    engine = create_async_engine(url, pool_size=5)
    store = settings.etcd_root_store() or settings.etcd_store()
    probe_store = settings.etcd_root_store() or settings.etcd_store()
    watcher = TimedWatcher(store, make_sessionmaker(engine), prefix, f"{prefix}/hosts/{ids[0]}")
    watch_task = asyncio.create_task(watcher.run())
    child = await asyncio.create_subprocess_exec(
        sys.executable, __file__, "--simulate", "--run", run, "--prefix", prefix,
        "--agents", str(agents), "--etcd", settings.etcd_endpoint, "--channels", str(channels),
        "--churn-s", str(churn_s), "--window-s", str(window_s),
        stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE)
    assert child.stdin is not None and child.stdout is not None
    try:
        ramp = json.loads(await child.stdout.readline())
        probe = SimAgent(probe_store, prefix, ids[0], Counts())
        await probe.start()
        keepalive = asyncio.create_task(probe.keepalive_loop())
        await caught_up(watcher, store)
        child.stdin.write(b"go\n")
        changes0 = watcher.changes
        sent = await probe_loop(probe, window_s, probe_s)
        done = json.loads(await child.stdout.readline())
        changes = watcher.changes - changes0
        await asyncio.sleep(1.0)  # the last probes' rows
        async with make_sessionmaker(engine)() as session:
            ready = await session.scalar(select(func.count(col(Host.id))).where(
                col(Host.status) == HostStatus.ready))
        child.stdin.write(b"stop\n")
        keepalive.cancel()
        await probe_store.revoke(probe.lease)
    finally:
        if child.returncode is None:
            child.stdin.close()
            await child.wait()
        watch_task.cancel()
        await asyncio.gather(watch_task, return_exceptions=True)
        await (await store.connect()).delete_prefix(prefix.encode())
        await store.close()
        await probe_store.close()
        await engine.dispose()
    lags = [(watcher.applied[s] - t) * 1000 for s, t in sent.items() if s in watcher.applied]
    return {"agents": agents, "ramp_s": ramp["ramp_s"], "window_s": window_s,
            "writes_s": done["writes"] / window_s, "keepalives_s": done["keepalives"] / window_s,
            "errors": done["errors"], "watched_s": changes / window_s, "ready": ready,
            "lag_p50": pct(lags, 0.5), "lag_p99": pct(lags, 0.99), "lag_n": len(lags),
            "probes": len(sent), "churn_s": churn_s, "channels": channels}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--simulate", action="store_true", required=True)
    parser.add_argument("--run", required=True)
    parser.add_argument("--prefix", required=True)
    parser.add_argument("--agents", type=int, required=True)
    parser.add_argument("--etcd", required=True)
    parser.add_argument("--channels", type=int, required=True)
    parser.add_argument("--churn-s", type=float, required=True)
    parser.add_argument("--window-s", type=float, required=True)
    asyncio.run(simulate(parser.parse_args()))


if __name__ == "__main__":
    main()
