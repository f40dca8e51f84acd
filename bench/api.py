"""API load benchmark: list, get and create with 1,000 apps, beside a bare Starlette app.

    make bench-api        (or: .venv/bin/python bench/api.py, with the test stack's env)

Runs on loopback only, bounded by time: each scenario is one `wrk` run of DURATION
seconds at 50 connections. Our API and the baseline run under the same uvicorn
settings (one process) on the same machine in the same run, so the ratio is what to
read: these machines are noisy and absolute numbers drift.
"""

import argparse
import asyncio
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import httpx
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import create_async_engine

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from backend.core.config import BackendSettings  # noqa: E402
from backend.core.security import hash_token, new_token  # noqa: E402

BENCH_DB = "dockyard_bench"
LUA_CREATE = """
counter = 0
setup = function(thread) thread:set("tid", tostring(math.random(1, 1e9))) end
init = function(args) tid = wrk.thread:get("tid") end
request = function()
  counter = counter + 1
  local body = string.format('{"name":"b%s-%d"}', tid, counter)
  return wrk.format("POST", nil, nil, body)
end
"""


def port() -> int:
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def prepare_db(settings: BackendSettings, apps: int) -> tuple[str, str, str, str]:
    """Fresh migrated database with one group of `apps` apps; returns url, token, ids."""
    base = make_url(settings.database_url)
    admin = create_async_engine(base.set(database="postgres"), isolation_level="AUTOCOMMIT")
    async with admin.connect() as conn:
        await conn.execute(text(f'DROP DATABASE IF EXISTS "{BENCH_DB}" WITH (FORCE)'))
        await conn.execute(text(f'CREATE DATABASE "{BENCH_DB}"'))
    await admin.dispose()
    url = base.set(database=BENCH_DB).render_as_string(hide_password=False)
    env = {**os.environ, "DOCKYARD_DATABASE_URL": url}
    # Setup, before any load: a blocking call here costs the benchmark nothing.
    subprocess.run([sys.executable, "-m", "backend.cli", "migrate"],  # noqa: ASYNC221
                   env=env, cwd=ROOT, check=True, capture_output=True)
    engine = create_async_engine(url)
    token = new_token()
    user, group = uuid.uuid4(), uuid.uuid4()
    async with engine.begin() as conn:
        await conn.execute(text("INSERT INTO users (id, username, password_hash, is_admin, "
                                "is_active, created_at) VALUES (:id, 'bench', 'x', false, true, "
                                "now())"), {"id": user})
        await conn.execute(text("INSERT INTO access_tokens (id, user_id, name, kind, token_hash, "
                                "prefix, created_at) VALUES (:id, :u, 'bench', 'personal', :h, "
                                "'dy_', now())"),
                           {"id": uuid.uuid4(), "u": user, "h": hash_token(token)})
        await conn.execute(text("INSERT INTO groups (id, name, description, created_at) "
                                "VALUES (:g, 'bench', '', now())"), {"g": group})
        await conn.execute(text("INSERT INTO members (group_id, user_id, role, created_at) "
                                "VALUES (:g, :u, 'owner', now())"), {"g": group, "u": user})
        await conn.execute(text(
            "INSERT INTO apps (id, group_id, name, description, config_revision, created_at) "
            "SELECT gen_random_uuid(), :g, 'app-' || lpad(i::text, 5, '0'), '', 0, now() "
            "FROM generate_series(1, :n) AS i"), {"g": group, "n": apps})
        app_id = (await conn.execute(text("SELECT id FROM apps ORDER BY name LIMIT 1"))).scalar()
    await engine.dispose()
    return url, token, str(group), str(app_id)


def serve(module: str, port_: int, env: dict[str, str], factory: bool) -> subprocess.Popen[bytes]:
    args = [str(Path(sys.executable).parent / "uvicorn"), module, "--host", "127.0.0.1",
            "--port", str(port_), "--log-level", "warning", "--no-access-log"]
    if factory:
        args.append("--factory")
    proc = subprocess.Popen(args, env=env, cwd=ROOT)
    end = time.monotonic() + 30
    while time.monotonic() < end:
        try:
            httpx.get(f"http://127.0.0.1:{port_}/", timeout=1)
            return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit(f"{module} did not start")


def wrk(url: str, duration: int, headers: dict[str, str], script: str | None = None
        ) -> dict[str, float]:
    args = ["wrk", "-t2", "-c50", f"-d{duration}s", "--latency", "--timeout", "10s"]
    for k, v in headers.items():
        args += ["-H", f"{k}: {v}"]
    if script:
        args += ["-s", script]
    out = subprocess.run([*args, url], check=True, capture_output=True, text=True).stdout
    return parse_wrk(out)


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def _ms(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", value).groups()  # type: ignore[union-attr]
    return float(number) * _UNITS[unit]


def parse_wrk(out: str) -> dict[str, float]:
    p50 = re.search(r"^\s+50%\s+(\S+)", out, re.M)
    p99 = re.search(r"^\s+99%\s+(\S+)", out, re.M)
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: (.*)", out)
    if not (p50 and p99 and rps):
        raise SystemExit(f"could not read wrk output:\n{out}")
    return {"p50": _ms(p50.group(1)), "p99": _ms(p99.group(1)), "rps": float(rps.group(1)),
            "non2xx": float(non2xx.group(1)) if non2xx else 0.0,
            "errors": 1.0 if errors else 0.0}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--duration", type=int, default=10, help="seconds per scenario")
    parser.add_argument("--apps", type=int, default=1000)
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is missing: apt-get install wrk (make bench installs it)")
    settings = BackendSettings()
    url, token, group, app_id = asyncio.run(prepare_db(settings, args.apps))
    env = {**os.environ, "DOCKYARD_DATABASE_URL": url}
    ours, base = port(), port()
    procs = [serve("backend.main:create_app", ours, env, True),
             serve("bench.baseline_app:app", base, env, False)]
    auth = {"Authorization": f"Bearer {token}"}
    api = f"http://127.0.0.1:{ours}/api/v1"
    try:
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as lua:
            lua.write(LUA_CREATE)
        wrk(f"http://127.0.0.1:{base}/json", 2, {})  # warm-up, both sides
        wrk(f"{api}/apps/{app_id}", 2, auth)
        rows = [
            ("baseline GET /json (bare Starlette)",
             wrk(f"http://127.0.0.1:{base}/json", args.duration, {})),
            ("GET /apps/{id}", wrk(f"{api}/apps/{app_id}", args.duration, auth)),
            ("GET /groups/{id}/apps?limit=100",
             wrk(f"{api}/groups/{group}/apps?limit=100", args.duration, auth)),
            ("POST /groups/{id}/apps", wrk(f"{api}/groups/{group}/apps", args.duration,
                                           {**auth, "Content-Type": "application/json"},
                                           lua.name)),
        ]
    finally:
        for proc in procs:
            proc.terminate()
            proc.wait(timeout=10)
    baseline = rows[0][1]["rps"]
    print(f"{'scenario':42} {'p50 ms':>8} {'p99 ms':>8} {'req/s':>9} {'x base':>7} {'non-2xx':>8}")
    for name, r in rows:
        print(f"{name:42} {r['p50']:8.1f} {r['p99']:8.1f} {r['rps']:9.0f} "
              f"{r['rps'] / baseline:7.2f} {int(r['non2xx']):8d}")
    print(f"\n{args.apps} apps in the group, 50 connections, {args.duration}s per scenario, "
          f"one uvicorn process each, cores: {os.cpu_count()}")


if __name__ == "__main__":
    main()
