"""What trusting a host only with its own state costs the live-state watcher.

Feeds the real watcher (backend.hosts.watcher, its batch path) bursts of container
reports and compares, in the same run and on the same database:
- checked: what the watcher does now (bounded parsing, the placement of every claimed
  container and its host looked up per batch, each report judged, refusals recorded);
- unchecked: the path it replaced (an UPDATE by the container label, nothing checked),
  the baseline;
- forged: reports of another host claiming the same containers (all refused, one event
  per key), to show a hostile host cannot slow the watcher down.

    set -a; . .dockyard-test/env; set +a; .venv/bin/python bench/watcher_trust.py
"""

import asyncio
import json
import os
import statistics
import sys
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import func, select, text, update
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from backend.core.config import BackendSettings  # noqa: E402
from backend.core.db import make_sessionmaker  # noqa: E402
from backend.hosts.watcher import LiveStateWatcher  # noqa: E402
from backend.models import (  # noqa: E402
    App,
    Cluster,
    Container,
    Event,
    Group,
    Host,
    Version,
)
from livestate.keys import DEFAULT as L  # noqa: E402
from livestate.store import Change  # noqa: E402

REPORTS, BURST, ROUNDS = 600, 50, 5
BENCH_DB = f"dockyard_bench_trust_{os.getpid()}"


async def prepare() -> tuple[str, uuid.UUID, uuid.UUID, list[Container]]:
    base = make_url(BackendSettings().database_url)
    admin = create_async_engine(base.set(database="postgres"), isolation_level="AUTOCOMMIT")
    async with admin.connect() as conn:
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
        group = Group(name="bench")
        cluster = Cluster(name="bench")
        session.add_all([group, cluster])
        await session.flush()
        host = Host(cluster_id=cluster.id, name="h1", address="127.0.3.1",
                    docker_endpoint="tcp://10.0.0.1:2375")
        other = Host(cluster_id=cluster.id, name="h2", address="127.0.3.2",
                     docker_endpoint="tcp://10.0.0.2:2375")
        app = App(group_id=group.id, name="bench")
        session.add_all([host, other, app])
        await session.flush()
        version = Version(app_id=app.id, number=1, config_revision=1, image="busybox",
                          memory_mb=32, command=[], health_check={})
        session.add(version)
        await session.flush()
        containers = [Container(app_id=app.id, version_id=version.id, cluster_id=cluster.id,
                                host_id=host.id, name=f"dy-{i}") for i in range(REPORTS)]
        session.add_all(containers)
        await session.commit()
        host_id, other_id = host.id, other.id
    await engine.dispose()
    return url, host_id, other_id, containers


def report(host_id: uuid.UUID, c: Container, state: str, revision: int) -> Change:
    docker_id = f"{c.id.hex}{c.id.hex}"
    value = {"docker_id": docker_id, "name": c.name, "state": state, "health": None,
             "labels": {"dockyard.managed": "true", "dockyard.container": str(c.id)},
             "ports": {"8080/tcp": "127.0.3.1:32768"}, "exit_code": 0, "restart_count": 0}
    return Change(L.container(host_id, docker_id), json.dumps(value).encode(), revision)


async def unchecked(maker: async_sessionmaker[AsyncSession], changes: list[Change]) -> None:
    """The old path: trust the label, update the row."""
    async with maker() as session:
        for change in changes:
            record = json.loads(change.value or b"{}")
            key = L.parse(change.key)
            await session.execute(update(Container).where(
                Container.id == uuid.UUID(record["labels"]["dockyard.container"])).values(
                docker_id=record["docker_id"], host_id=getattr(key, "host_id", None),
                state=record["state"], health=record["health"], ports=record["ports"],
                updated_at=datetime.now(UTC)))
        await session.commit()


async def timed(label: str, feed: object, batches: list[list[Change]]) -> float:
    start = time.perf_counter()
    for batch in batches:
        await feed(batch)  # type: ignore[operator]
    rate = sum(len(b) for b in batches) / (time.perf_counter() - start)
    return rate


async def main() -> None:
    url, host_id, other_id, containers = await prepare()
    engine = create_async_engine(url, pool_size=5)
    maker = make_sessionmaker(engine)
    watcher = LiveStateWatcher(BackendSettings().etcd_store(), maker)
    results: dict[str, list[float]] = {"checked": [], "unchecked": [], "forged": []}
    try:
        for round_no in range(ROUNDS):
            state = "running" if round_no % 2 else "exited"
            own = [report(host_id, c, state, i) for i, c in enumerate(containers)]
            forged = [report(other_id, c, state, i) for i, c in enumerate(containers)]
            bursts = [own[i:i + BURST] for i in range(0, REPORTS, BURST)]
            results["unchecked"].append(await timed("unchecked", lambda b: unchecked(maker, b),
                                                    bursts))
            results["checked"].append(await timed("checked", lambda b: watcher.apply(*b),
                                                  bursts))
            results["forged"].append(await timed("forged", lambda b: watcher.apply(*b),
                                                 [forged[i:i + BURST]
                                                  for i in range(0, REPORTS, BURST)]))
        async with maker() as session:
            moved = await session.scalar(select(func.count()).select_from(Container).where(
                Container.host_id == other_id))
            events = await session.scalar(select(func.count()).select_from(Event).where(
                Event.action == "host.forged_report"))
    finally:
        await watcher.store.close()
        await engine.dispose()
        admin = create_async_engine(make_url(url).set(database="postgres"),
                                    isolation_level="AUTOCOMMIT")
        async with admin.connect() as conn:
            await conn.execute(text(f'DROP DATABASE IF EXISTS "{BENCH_DB}" WITH (FORCE)'))
        await admin.dispose()
    med = {k: statistics.median(v) for k, v in results.items()}
    print(f"{REPORTS} reports in bursts of {BURST}, median of {ROUNDS} rounds (reports/s):")
    print(f"  unchecked (baseline, label trusted): {med['unchecked']:8.0f}")
    print(f"  checked (judged against placement):  {med['checked']:8.0f}"
          f"   ratio {med['checked'] / med['unchecked']:.2f}")
    print(f"  forged, all refused:                  {med['forged']:8.0f}"
          f"   rows moved: {moved}, events: {events} (one per key)")


if __name__ == "__main__":
    asyncio.run(main())
