"""Fixtures for builder tests, all on the real test stack: a git server on loopback, a
builder worker process on its own queue, and committed repositories and builds.

`git_server` (GitServer: `.create(name, files) -> GitRepo` with `.url`, `.commit()`,
`.tag()`) is meant for reuse, e.g. by webhook flow tests.
"""

import asyncio
import os
import subprocess
import sys
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from arq import create_pool
from arq.connections import ArqRedis, RedisSettings
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine

from backend.builds.service import snapshot
from backend.core.config import BackendSettings
from backend.models import Build, BuildStatus, ImageRepository, RegistryNamespace
from tests.builder.gitserver import GitServer
from tests.conftest import ROOT, free_port
from tests.factories import make_group, make_token, make_user, uniq

BUSYBOX_TAG = "library/busybox:1.35"
PYTHON_TAG = "library/python:3-bookworm"


@pytest.fixture(scope="session")
def git_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[GitServer]:
    server = GitServer(tmp_path_factory.mktemp("git"), free_port())
    server.start()
    try:
        yield server
    finally:
        server.cleanup()


@pytest.fixture(scope="session")
async def committed(settings: BackendSettings
                    ) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    """Sessions whose commits are real: the builder process must see the rows."""
    engine = create_async_engine(settings.database_url, pool_size=5)
    yield async_sessionmaker(engine, expire_on_commit=False)
    await engine.dispose()


@pytest.fixture(scope="session")
async def arq_redis(settings: BackendSettings) -> AsyncIterator[ArqRedis]:
    pool = await create_pool(RedisSettings.from_dsn(settings.redis_url))
    yield pool
    await pool.aclose()


@dataclass
class BuilderProc:
    env: dict[str, str]
    log: Path
    proc: subprocess.Popen[bytes] | None = None

    @property
    def settings(self) -> BackendSettings:
        return BackendSettings(**{  # type: ignore[arg-type]
            "database_url": self.env["DOCKYARD_DATABASE_URL"],
            "build_queue_name": self.env["DOCKYARD_BUILD_QUEUE_NAME"]})

    def start(self) -> None:
        with self.log.open("a") as log:
            self.proc = subprocess.Popen(
                [str(Path(sys.executable).parent / "arq"), "builder.worker.WorkerSettings"],
                env=self.env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)

    def kill(self) -> None:
        """SIGKILL, as a crash would: nothing of the builder's clean-up runs."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


@pytest.fixture(scope="session")
def builder(db_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[BuilderProc]:
    """The real builder worker (arq) on a queue of its own."""
    env = {**os.environ, "DOCKYARD_DATABASE_URL": db_url,
           "DOCKYARD_BUILD_QUEUE_NAME": f"dockyard:builds:test:{uuid.uuid4().hex[:8]}",
           "DOCKYARD_GIT_ALLOW_PRIVATE_HOSTS": "true", "DOCKYARD_BUILD_CONCURRENCY": "2"}
    proc = BuilderProc(env=env, log=tmp_path_factory.mktemp("builder") / "builder.log")
    proc.start()
    try:
        yield proc
    finally:
        proc.stop()


@dataclass
class Source:
    repository: ImageRepository
    namespace: RegistryNamespace
    token: str  # the owner's API token
    settings: BackendSettings


async def make_source(maker: async_sessionmaker[AsyncSession], settings: BackendSettings,
                      git_url: str, *, base: str = BUSYBOX_TAG, **config: Any) -> Source:
    """A group, its namespace and an image repository building git_url (committed)."""
    async with maker() as session:
        owner, token = await make_user(session, prefix="builder")
        group = await make_group(session, owner)
        namespace = RegistryNamespace(name=uniq("ns"), group_id=group.id)
        session.add(namespace)
        await session.flush()
        values: dict[str, Any] = {
            "build_script": "", "start_script": "exec httpd -f -p 8080 -h /www",
            "ports": [{"container_port": 8080}], **config}
        repo = ImageRepository(namespace_id=namespace.id, name=uniq("app"), git_url=git_url,
                               base_image=f"{settings.registry_address}/{base}",
                               created_by=owner.id, **values)
        session.add(repo)
        await session.commit()
        return Source(repo, namespace, token, settings)


async def queue(maker: async_sessionmaker[AsyncSession], redis: ArqRedis, source: Source,
                queue_name: str, ref: str = "main", ref_type: str = "branch",
                commit: str | None = None) -> uuid.UUID:
    """A queued build, committed, and its message on the builder's queue."""
    async with maker() as session:
        repo = source.repository
        build = Build(repository_id=repo.id, trigger="manual", ref=ref, ref_type=ref_type,
                      commit=commit, config_revision=repo.config_revision,
                      config=snapshot(repo, source.namespace.name, source.settings))
        session.add(build)
        await session.commit()
    await redis.enqueue_job("builds.run", str(build.id), _job_id=f"build:{build.id}",
                            _queue_name=queue_name)
    return build.id


async def wait_build(maker: async_sessionmaker[AsyncSession], build_id: uuid.UUID,
                     timeout_s: float = 120.0, until: Any = None) -> Build:
    """The build once it is finished (or once until(build) holds)."""
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout_s
    while True:
        async with maker() as session:
            build = await session.get_one(Build, build_id)
        if (until(build) if until else build.status.finished):
            return build
        if loop.time() > end:
            raise AssertionError(f"build {build_id} still {build.status} at step "
                                 f"{build.step} after {timeout_s} s")
        await asyncio.sleep(0.2)


__all__ = ["BuildStatus", "make_token"]
