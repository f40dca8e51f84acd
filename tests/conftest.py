"""Fixtures over the real test stack (scripts/stack.py up --profile test).

- `db_url`: a fresh database `dockyard_tests`, migrated with Alembic once per session.
- `session` / `client`: one connection per test inside a transaction that is rolled
  back at the end; the app's own commits become savepoint releases.
- `live`: a real uvicorn API and arq worker on loopback, on committed data.
"""

import asyncio
import os
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import (
    AsyncConnection,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from backend.core.config import BackendSettings
from backend.core.jobs import JobSender
from backend.main import create_app
from tests.factories import World, make_world

ROOT = Path(__file__).resolve().parent.parent
# One database per pytest process, so two runs on one machine never share data.
TEST_DB = f"dockyard_tests_{os.getpid()}"


def _base_settings() -> BackendSettings:
    return BackendSettings()


def _migrate(connection: Any) -> None:
    cfg = Config(str(ROOT / "backend" / "alembic.ini"))
    cfg.attributes["connection"] = connection
    command.upgrade(cfg, "head")


def _pid_alive(pid: int) -> bool:
    return Path(f"/proc/{pid}").exists()


@pytest.fixture(scope="session")
def db_url() -> Iterator[str]:
    """A fresh database migrated with Alembic, dropped at the end of the run."""
    base = make_url(_base_settings().database_url)
    admin_url = base.set(database="postgres")
    url = base.set(database=TEST_DB).render_as_string(hide_password=False)

    async def _setup() -> None:
        engine = create_async_engine(admin_url, isolation_level="AUTOCOMMIT")
        async with engine.connect() as conn:
            names = (await conn.execute(text(
                "SELECT datname FROM pg_database WHERE datname LIKE 'dockyard_tests%'"))).scalars()
            for name in list(names):  # left by runs that were killed
                pid = name.rsplit("_", 1)[-1]
                if name == TEST_DB or not pid.isdigit() or not _pid_alive(int(pid)):
                    await conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            await conn.execute(text(f'CREATE DATABASE "{TEST_DB}"'))
        await engine.dispose()
        engine = create_async_engine(url)
        async with engine.begin() as conn:
            await conn.run_sync(_migrate)
        await engine.dispose()

    async def _drop() -> None:
        engine = create_async_engine(admin_url, isolation_level="AUTOCOMMIT")
        async with engine.connect() as conn:
            await conn.execute(text(f'DROP DATABASE IF EXISTS "{TEST_DB}" WITH (FORCE)'))
        await engine.dispose()

    asyncio.run(_setup())
    yield url
    asyncio.run(_drop())


@pytest.fixture(scope="session")
def settings(db_url: str) -> BackendSettings:
    return _base_settings().model_copy(update={"database_url": db_url})


@pytest.fixture(scope="session")
async def engine(settings: BackendSettings) -> AsyncIterator[Any]:
    engine = create_async_engine(settings.database_url, pool_size=5)
    yield engine
    await engine.dispose()


@pytest.fixture
async def connection(engine: Any) -> AsyncIterator[AsyncConnection]:
    async with engine.connect() as conn:
        outer = await conn.begin()
        yield conn
        await outer.rollback()


@pytest.fixture
def maker(connection: AsyncConnection) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(bind=connection, expire_on_commit=False,
                              join_transaction_mode="create_savepoint")


@pytest.fixture
async def session(maker: async_sessionmaker[AsyncSession]) -> AsyncIterator[AsyncSession]:
    async with maker() as s:
        yield s


@pytest.fixture
def app(settings: BackendSettings, maker: async_sessionmaker[AsyncSession]) -> Any:
    app = create_app(settings, lifespan=False)
    app.state.sessionmaker = maker
    app.state.jobs = JobSender(None)  # rolled-back tests never reach a worker
    app.state.etcd = settings.etcd_store()
    return app


@pytest.fixture
async def client(app: Any) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test/api/v1") as c:
        yield c


@pytest.fixture
async def world(session: AsyncSession) -> World:
    w = await make_world(session)
    await session.commit()
    return w


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


# --- a live API and worker on committed data -------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Live:
    url: str
    admin_username: str
    admin_password: str
    env: dict[str, str]
    worker: subprocess.Popen[bytes] | None = None
    worker_log: Path | None = None

    def api(self, path: str) -> str:
        return f"{self.url}/api/v1{path}"

    def start_worker(self) -> None:
        assert self.worker_log is not None
        with self.worker_log.open("a") as log:
            self.worker = subprocess.Popen(
                [str(Path(sys.executable).parent / "arq"), "backend.worker.WorkerSettings"],
                env=self.env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)

    def kill_worker(self) -> None:
        """SIGKILL, as a crash would: no clean-up runs."""
        if self.worker is not None and self.worker.poll() is None:
            self.worker.kill()
            self.worker.wait()

    def stop_worker(self) -> None:
        if self.worker is not None and self.worker.poll() is None:
            self.worker.terminate()
            try:
                self.worker.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.worker.kill()
                self.worker.wait()


def _wait_http(url: str, deadline_s: float) -> None:
    end = time.monotonic() + deadline_s
    while time.monotonic() < end:
        try:
            if httpx.get(url, timeout=1).status_code < 500:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {deadline_s}s")


@pytest.fixture(scope="session")
def live(db_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    port = free_port()
    password = "admin-" + uuid.uuid4().hex[:12]
    queue = f"arq:test:{uuid.uuid4().hex[:8]}"
    # A short grace period and a brisk reconciler keep the failure tests quick.
    env = {**os.environ, "DOCKYARD_DATABASE_URL": db_url, "DOCKYARD_ADMIN_PASSWORD": password,
           "DOCKYARD_JOB_QUEUE_NAME": queue, "DOCKYARD_HOST_GRACE_S": "5",
           "DOCKYARD_RECONCILE_INTERVAL_S": "1", "DOCKYARD_STUCK_JOB_S": "6",
           "DOCKYARD_CONTAINER_JOB_TIMEOUT_S": "20",
           # Builds on a queue of this run's own (a builder started with this env takes
           # them), from git servers on loopback.
           "DOCKYARD_BUILD_QUEUE_NAME": f"dockyard:builds:test:{uuid.uuid4().hex[:8]}",
           "DOCKYARD_GIT_ALLOW_PRIVATE_HOSTS": "true"}
    logs = tmp_path_factory.mktemp("live")
    subprocess.run([sys.executable, "-m", "backend.cli", "ensure-admin", "--password-file",
                    str(logs / "pw")], env=env, check=True, cwd=ROOT, capture_output=True)
    api_log = open(logs / "api.log", "w")  # noqa: SIM115 (closed below)
    bin_dir = Path(sys.executable).parent
    api = subprocess.Popen([str(bin_dir / "uvicorn"), "backend.main:create_app", "--factory",
                            "--host", "127.0.0.1", "--port", str(port)], env=env, cwd=ROOT,
                           stdout=api_log, stderr=subprocess.STDOUT)
    live = Live(url=f"http://127.0.0.1:{port}", admin_username="admin",
                admin_password=password, env=env, worker_log=logs / "worker.log")
    live.start_worker()
    try:
        _wait_http(f"http://127.0.0.1:{port}/api/v1/openapi.json", 30)
        yield live
    finally:
        api.terminate()
        live.stop_worker()
        try:
            api.wait(timeout=10)
        except subprocess.TimeoutExpired:
            api.kill()
        api_log.close()


@pytest.fixture(scope="session")
def live_builder(live: Live, tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The builder worker on the live API's build queue (live.env names the queue)."""
    log = tmp_path_factory.mktemp("live-builder") / "builder.log"
    with log.open("a") as out:
        proc = subprocess.Popen([str(Path(sys.executable).parent / "arq"),
                                 "builder.worker.WorkerSettings"],
                                env=live.env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
    try:
        yield
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="session")
def admin_token(live: Live) -> str:
    r = httpx.post(live.api("/auth/login"), json={"username": live.admin_username,
                                                   "password": live.admin_password})
    r.raise_for_status()
    return str(r.json()["access_token"])
