"""The builder's own limits and failures: its timeout, and a builder killed mid-build
(its build is marked failed by the sweep of another builder, never left running)."""

import asyncio
import contextlib
import time
import uuid
from collections.abc import Iterator

import aiodocker
import pytest
from arq.connections import ArqRedis
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from backend.core.config import BackendSettings
from backend.models import Build, BuildStatus, BuildStep
from builder.store import WORKER_GONE
from livestate.endpoints import docker_url
from tests.builder.conftest import BuilderProc, make_source, queue, wait_build
from tests.builder.gitserver import GitServer

Maker = async_sessionmaker[AsyncSession]


def _spare(base: BuilderProc, path: str, **env: str) -> BuilderProc:
    """Another builder process on a queue of its own."""
    queue_name = f"dockyard:builds:test:{uuid.uuid4().hex[:8]}"
    return BuilderProc(env={**base.env, "DOCKYARD_BUILD_QUEUE_NAME": queue_name, **env},
                       log=base.log.with_name(path))


@pytest.fixture
def short_timeout(builder: BuilderProc) -> Iterator[BuilderProc]:
    proc = _spare(builder, "timeout.log", DOCKYARD_BUILD_TIMEOUT_S="4")
    proc.start()
    try:
        yield proc
    finally:
        proc.stop()


async def _build_containers(settings: BackendSettings, marker: str) -> list[str]:
    """Running build-step containers whose output holds marker."""
    found = []
    async with aiodocker.Docker(url=docker_url(settings.docker_host)) as docker:
        for container in await docker.containers.list():
            if "/dockyard/build.sh" in str(container._container.get("Command")):
                with contextlib.suppress(aiodocker.DockerError):
                    if marker in "".join(await container.log(stdout=True, stderr=True)):
                        found.append(container.id)
    return found


async def _kill_build_containers(settings: BackendSettings, marker: str) -> None:
    async with aiodocker.Docker(url=docker_url(settings.docker_host)) as docker:
        for container_id in await _build_containers(settings, marker):
            with contextlib.suppress(aiodocker.DockerError):
                await docker.containers.container(container_id).delete(force=True)


class TestTimeout:
    async def test_a_build_over_its_time_fails_with_the_reason(
            self, short_timeout: BuilderProc, git_server: GitServer, committed: Maker,
            arq_redis: ArqRedis, settings: BackendSettings) -> None:
        marker = f"slow-{uuid.uuid4().hex[:8]}"
        repo = git_server.create(marker)
        source = await make_source(committed, settings, repo.url,
                                   build_script=f"echo {marker}\nsleep 120\n")
        build_id = await queue(committed, arq_redis, source,
                               short_timeout.settings.build_queue_name)
        build = await wait_build(committed, build_id, 90)
        assert build.status == BuildStatus.failed and build.step == BuildStep.build
        assert build.reason and build.reason.startswith(
            "the build took longer than 4 s at step build and was stopped")
        assert "DOCKYARD_BUILD_TIMEOUT_S" in build.reason and build.reason in (build.log or "")


class TestDeadBuilder:
    async def test_killed_builder_leaves_no_running_build(
            self, builder: BuilderProc, git_server: GitServer, committed: Maker,
            arq_redis: ArqRedis, settings: BackendSettings) -> None:
        doomed = _spare(builder, "doomed.log")
        doomed.start()
        marker = f"orphan-{uuid.uuid4().hex[:8]}"
        try:
            repo = git_server.create(marker)
            source = await make_source(committed, settings, repo.url,
                                       build_script=f"echo {marker}\nsleep 90\n")
            build_id = await queue(committed, arq_redis, source,
                                   doomed.settings.build_queue_name)
            running = await wait_build(committed, build_id, 120, until=lambda b: (
                b.step == BuildStep.build or b.status.finished))
            assert running.status == BuildStatus.running and running.worker
            doomed.kill()
            # The heartbeat expires (20 s) and the session builder's sweep (every 15 s)
            # marks the build failed with the reason.
            build = await wait_build(committed, build_id, 75)
            assert build.status == BuildStatus.failed
            assert build.reason == WORKER_GONE and build.finished_at
            # ...then (the sweep marks the build first) its build step's container, still
            # sleeping on the engine, and its work directory (the checked-out source) go.
            work_dir = settings.data_dir / "builds" / str(build_id)
            deadline = time.monotonic() + 30
            while await _build_containers(settings, marker) or work_dir.exists():
                assert time.monotonic() < deadline, "the dead build's container or work " \
                    "directory is still there 30 s after it was marked failed"
                await asyncio.sleep(0.2)
        finally:
            doomed.kill()
            await _kill_build_containers(settings, marker)


class TestConcurrency:
    async def test_at_most_build_concurrency_at_once(
            self, builder: BuilderProc, git_server: GitServer, committed: Maker,
            arq_redis: ArqRedis, settings: BackendSettings) -> None:
        assert builder.env["DOCKYARD_BUILD_CONCURRENCY"] == "2"
        ids = []
        for i in range(3):
            marker = f"par-{i}-{uuid.uuid4().hex[:8]}"
            repo = git_server.create(marker, {"nonce": marker})
            source = await make_source(committed, settings, repo.url,
                                       build_script=f"echo {marker}\nsleep 3\n")
            ids.append(await queue(committed, arq_redis, source,
                                   builder.settings.build_queue_name))
        most = 0
        loop = asyncio.get_running_loop()
        end = loop.time() + 120
        while True:
            async with committed() as session:
                states = (await session.execute(select(Build.status).where(
                    Build.id.in_(ids)))).scalars().all()  # type: ignore[attr-defined]
            most = max(most, sum(s == BuildStatus.running for s in states))
            if all(s.finished for s in states):
                break
            assert loop.time() < end, states
            await asyncio.sleep(0.1)
        assert all(s == BuildStatus.succeeded for s in states), states
        assert most == 2  # two in parallel, never three
