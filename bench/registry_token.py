"""Registry token endpoint benchmark, beside the cheapest authenticated request.

    .venv/bin/python bench/registry_token.py [--duration S]   (with the test stack's env)

The Docker engine asks GET /registry/token for every push and pull (Basic credentials,
one scope per repository). Three `wrk` runs of DURATION seconds at 10 connections on one
uvicorn process, same machine, same run:
  baseline  GET /users/me with a bearer access token (one indexed token lookup)
  token     GET /registry/token, Basic user + access token, scope pull,push on a
            namespace the user's group owns (token lookup + one grant query + RS256 sign)
  password  the same with the user's password (argon2 on every request, as the engine
            does after a `docker login` with a password)
Read the ratios: absolute numbers drift on these shared machines.
"""

import argparse
import asyncio
import base64
import os
import subprocess
import sys
import uuid
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import create_async_engine

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from backend.core.config import BackendSettings  # noqa: E402
from backend.core.security import hash_password, hash_token, new_token  # noqa: E402
from bench.api import parse_wrk, port, serve  # noqa: E402

BENCH_DB = "dockyard_bench_registry"
PASSWORD = "bench-password-1"


async def prepare_db(settings: BackendSettings) -> tuple[str, str]:
    """A fresh migrated database: one user owning a group with namespace `benchns`."""
    base = make_url(settings.database_url)
    admin = create_async_engine(base.set(database="postgres"), isolation_level="AUTOCOMMIT")
    async with admin.connect() as conn:
        await conn.execute(text(f'DROP DATABASE IF EXISTS "{BENCH_DB}" WITH (FORCE)'))
        await conn.execute(text(f'CREATE DATABASE "{BENCH_DB}"'))
    await admin.dispose()
    url = base.set(database=BENCH_DB).render_as_string(hide_password=False)
    subprocess.run([sys.executable, "-m", "backend.cli", "migrate"],  # noqa: ASYNC221
                   env={**os.environ, "DOCKYARD_DATABASE_URL": url}, cwd=ROOT, check=True,
                   capture_output=True)
    token, user, group = new_token(), uuid.uuid4(), uuid.uuid4()
    engine = create_async_engine(url)
    async with engine.begin() as conn:
        await conn.execute(text("INSERT INTO users (id, username, password_hash, is_admin, "
                                "is_active, created_at) VALUES (:id, 'bench', :pw, false, "
                                "true, now())"), {"id": user, "pw": hash_password(PASSWORD)})
        await conn.execute(text("INSERT INTO access_tokens (id, user_id, name, kind, "
                                "token_hash, prefix, created_at) VALUES (:id, :u, 'bench', "
                                "'personal', :h, 'dy_', now())"),
                           {"id": uuid.uuid4(), "u": user, "h": hash_token(token)})
        await conn.execute(text("INSERT INTO groups (id, name, description, created_at) "
                                "VALUES (:g, 'bench', '', now())"), {"g": group})
        await conn.execute(text("INSERT INTO members (group_id, user_id, role, created_at) "
                                "VALUES (:g, :u, 'developer', now())"), {"g": group, "u": user})
        await conn.execute(text("INSERT INTO registry_namespaces (id, name, group_id, public, "
                                "created_at) VALUES (:id, 'benchns', :g, false, now())"),
                           {"id": uuid.uuid4(), "g": group})
    await engine.dispose()
    return url, token


def wrk(url: str, duration: int, headers: dict[str, str]) -> dict[str, float]:
    argv = ["wrk", "-t2", "-c10", f"-d{duration}s", "--latency", "--timeout", "10s"]
    for key, value in headers.items():
        argv += ["-H", f"{key}: {value}"]
    return parse_wrk(subprocess.run([*argv, url], check=True, capture_output=True,
                                    text=True).stdout)


def basic(secret: str) -> str:
    return "Basic " + base64.b64encode(f"bench:{secret}".encode()).decode()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=8)
    args = parser.parse_args()
    settings = BackendSettings()
    url, token = asyncio.run(prepare_db(settings))
    p = port()
    api = serve("backend.main:create_app", p, {**os.environ, "DOCKYARD_DATABASE_URL": url},
                factory=True)
    base = f"http://127.0.0.1:{p}/api/v1"
    query = "/registry/token?service=dockyard-registry&scope=repository:benchns/web:pull,push"
    try:
        rows = [
            ("baseline: GET /users/me, bearer token",
             wrk(base + "/users/me", args.duration, {"Authorization": f"Bearer {token}"})),
            ("GET /registry/token, Basic + access token",
             wrk(base + query, args.duration, {"Authorization": basic(token)})),
            ("GET /registry/token, Basic + password",
             wrk(base + query, args.duration, {"Authorization": basic(PASSWORD)})),
        ]
    finally:
        api.terminate()
        api.wait(timeout=10)
    ref = rows[0][1]["rps"]
    print(f"\n{'scenario':<44} {'p50 ms':>8} {'p99 ms':>8} {'req/s':>8} {'vs base':>8}")
    for name, r in rows:
        bad = "" if not (r["non2xx"] or r["errors"]) else f"  ({int(r['non2xx'])} non-2xx!)"
        print(f"{name:<44} {r['p50']:>8.1f} {r['p99']:>8.1f} {r['rps']:>8.0f} "
              f"{r['rps'] / ref:>7.2f}x{bad}")
    print(f"\n10 connections, {args.duration} s each, one uvicorn process, "
          f"cores: {os.cpu_count()}")


if __name__ == "__main__":
    main()
