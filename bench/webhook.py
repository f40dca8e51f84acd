"""Webhook answer time, beside the cheapest requests of the same API in the same run.

    .venv/bin/python bench/webhook.py [--n N]   (with the test stack's env)

One uvicorn process on a fresh database. Requests go one at a time over one keep-alive
connection, the scenarios interleaved (round robin) so drift touches them alike:
  baseline  GET /health (the probe a load balancer sends) and GET /users/me (one
            indexed token lookup)
  push      a signed GitHub push to the repository's branch: verify, lock, decide,
            insert the build and its event, commit, enqueue for the builder
  ping      a signed ping: the same minus the build
  forged    a push with a wrong signature: 401
Then `push` again from 10 clients at once on one repository (its deliveries take turns:
the repository row is locked while one is decided). Target: p99 ≤ 200 ms.
"""

import argparse
import asyncio
import json
import os
import statistics
import sys
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
from redis import Redis
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncSession, create_async_engine

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from backend.core.config import BackendSettings  # noqa: E402
from backend.core.security import hash_token, new_token  # noqa: E402
from backend.models import (  # noqa: E402
    AccessToken,
    Group,
    ImageRepository,
    RegistryNamespace,
    TokenKind,
    User,
)
from backend.webhooks.signatures import github_signature  # noqa: E402
from bench.api import port, serve  # noqa: E402

BENCH_DB = "dockyard_bench_webhook"


async def prepare_db(settings: BackendSettings) -> tuple[str, str, ImageRepository]:
    """A fresh migrated database: one user, a group, a namespace and a repository."""
    base = make_url(settings.database_url)
    admin = create_async_engine(base.set(database="postgres"), isolation_level="AUTOCOMMIT")
    async with admin.connect() as conn:
        await conn.execute(text(f'DROP DATABASE IF EXISTS "{BENCH_DB}" WITH (FORCE)'))
        await conn.execute(text(f'CREATE DATABASE "{BENCH_DB}"'))
    await admin.dispose()
    url = base.set(database=BENCH_DB).render_as_string(hide_password=False)
    migrate = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "backend.cli", "migrate", cwd=ROOT,
        env={**os.environ, "DOCKYARD_DATABASE_URL": url}, stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT)
    out, _ = await migrate.communicate()
    if migrate.returncode:
        raise SystemExit(f"migration failed:\n{out.decode()}")
    engine = create_async_engine(url)
    token = new_token()
    async with AsyncSession(engine, expire_on_commit=False) as session:
        user, group = User(username="bench", password_hash="!"), Group(name="bench")
        session.add_all([user, group])
        await session.flush()
        namespace = RegistryNamespace(name="benchns", group_id=group.id)
        session.add_all([namespace, AccessToken(user_id=user.id, name="bench",
                                                kind=TokenKind.personal,
                                                token_hash=hash_token(token), prefix="dy_")])
        await session.flush()
        repo = ImageRepository(namespace_id=namespace.id, name="web", branch="main",
                               git_url="https://git.example.test/team/web.git",
                               base_image=f"{settings.registry_address}/library/busybox:1.35")
        session.add(repo)
        await session.commit()
    await engine.dispose()
    return url, token, repo


async def build_ids(url: str) -> list[str]:
    engine = create_async_engine(url)
    async with engine.connect() as conn:
        ids = [str(i) for i in (await conn.execute(text("SELECT id FROM builds"))).scalars()]
    await engine.dispose()
    return ids


def delivery(secret: str, event: str, payload: object) -> tuple[bytes, dict[str, str]]:
    body = json.dumps(payload).encode()
    return body, {"Content-Type": "application/json", "X-GitHub-Event": event,
                  "X-GitHub-Delivery": str(uuid.uuid4()),
                  "X-Hub-Signature-256": github_signature(secret, body)}


def push_payload() -> dict[str, object]:
    return {"ref": "refs/heads/main", "before": "0" * 40, "after": uuid.uuid4().hex[:40] + "0" * 8}


Scenario = Callable[[httpx.Client], httpx.Response]


def scenarios(api: str, token: str, repo: ImageRepository) -> dict[str, tuple[Scenario, int]]:
    hook = f"{api}/hooks/git/{repo.id}"
    secret = repo.webhook_secret

    def push(c: httpx.Client) -> httpx.Response:
        body, headers = delivery(secret, "push", push_payload())
        return c.post(hook, content=body, headers=headers)

    def ping(c: httpx.Client) -> httpx.Response:
        body, headers = delivery(secret, "ping", {"zen": "Practicality beats purity.",
                                                  "hook_id": uuid.uuid4().int % 10**9})
        return c.post(hook, content=body, headers=headers)

    def forged(c: httpx.Client) -> httpx.Response:
        body, headers = delivery("not-the-secret", "push", push_payload())
        return c.post(hook, content=body, headers=headers)

    me = {"Authorization": f"Bearer {token}"}
    return {"baseline: GET /health": (lambda c: c.get(f"{api}/health"), 0),
            "baseline: GET /users/me": (lambda c: c.get(f"{api}/users/me", headers=me), 200),
            "webhook push (build queued)": (push, 202),
            "webhook ping (nothing built)": (ping, 202),
            "webhook forged signature": (forged, 401)}


def timed(client: httpx.Client, run: Scenario, want: int) -> float:
    start = time.perf_counter()
    r = run(client)
    took = (time.perf_counter() - start) * 1000
    if want and r.status_code != want:
        raise SystemExit(f"unexpected {r.status_code}: {r.text[:300]}")
    return took


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def run(api: str, token: str, repo: ImageRepository, n: int) -> dict[str, list[float]]:
    table = scenarios(api, token, repo)
    times: dict[str, list[float]] = {name: [] for name in table}
    with httpx.Client(timeout=10) as client:
        for fn, want in table.values():  # warm-up
            timed(client, fn, want)
        for _ in range(n):
            for name, (fn, want) in table.items():
                times[name].append(timed(client, fn, want))
    push, want = table["webhook push (build queued)"]
    clients = [httpx.Client(timeout=10) for _ in range(10)]
    with ThreadPoolExecutor(10) as pool:
        times["webhook push, 10 clients at once"] = list(pool.map(
            lambda i: timed(clients[i % 10], push, want), range(n)))
    for c in clients:
        c.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=400, help="requests per scenario")
    args = parser.parse_args()
    settings = BackendSettings()
    url, token, repo = asyncio.run(prepare_db(settings))
    queue = f"dockyard:bench-builds:{uuid.uuid4().hex[:8]}"  # no builder reads it
    p = port()
    proc = serve("backend.main:create_app", p, {**os.environ, "DOCKYARD_DATABASE_URL": url,
                                                "DOCKYARD_BUILD_QUEUE_NAME": queue},
                 factory=True)
    try:
        times = run(f"http://127.0.0.1:{p}/api/v1", token, repo, args.n)
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        # Only what this run queued: the stack's own builds share this Redis.
        built = asyncio.run(build_ids(url))
        Redis.from_url(settings.redis_url).delete(queue, *[f"arq:job:build:{b}" for b in built])
    base = pct(times["baseline: GET /health"], 0.99)
    print(f"\n{'scenario':<36} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} {'p99/health':>11}")
    for name, values in times.items():
        print(f"{name:<36} {statistics.median(values):>8.1f} {pct(values, 0.99):>8.1f} "
              f"{max(values):>8.1f} {pct(values, 0.99) / base:>10.2f}x")
    print(f"\n{args.n} requests per scenario, one uvicorn process, cores: {os.cpu_count()}; "
          "target: webhook p99 ≤ 200 ms")


if __name__ == "__main__":
    main()
