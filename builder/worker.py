"""The builder's arq worker: `arq builder.worker.WorkerSettings` (or `python -m builder`).

Its own queue (settings.build_queue_name), so long builds never hold up deploys, and its
own concurrency cap (build_concurrency). The builder enforces build_timeout_s itself,
with a reason on the build; arq's job timeout is only a backstop above it.
"""

import asyncio
import logging
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any, ClassVar

import aiodocker
from arq import cron, func
from arq.connections import RedisSettings

from backend.core.config import get_settings
from backend.core.db import make_engine, make_sessionmaker
from builder import store
from builder.runtime import Runtime
from livestate.endpoints import docker_url

log = logging.getLogger(__name__)
# A queued build older than this whose message was lost (Redis down at commit) is resent.
STALE_QUEUED = timedelta(seconds=60)
RUN_JOB = "builds.run"


async def startup(ctx: dict[str, Any]) -> None:
    settings = get_settings()
    engine = make_engine(settings)
    runtime = Runtime(settings, make_sessionmaker(engine), ctx["redis"],
                      aiodocker.Docker(url=docker_url(settings.docker_host)))
    await runtime.beat()  # before any job: a build claimed here is never "dead"
    ctx.update(settings=settings, engine=engine, builder=runtime, tasks=[
        asyncio.create_task(runtime.heartbeat_loop(), name="builder-heartbeat"),
        asyncio.create_task(runtime.cancel_listener(), name="builder-cancels")])
    log.info("builder %s on queue %s, %d at a time", runtime.worker,
             settings.build_queue_name, settings.build_concurrency)


async def shutdown(ctx: dict[str, Any]) -> None:
    for task in ctx.get("tasks", []):
        task.cancel()
    await asyncio.gather(*ctx.get("tasks", []), return_exceptions=True)
    runtime: Runtime | None = ctx.get("builder")
    if runtime is not None:
        await runtime.docker.close()
    if "engine" in ctx:
        await ctx["engine"].dispose()


async def run_build(ctx: dict[str, Any], build_id: str) -> str:
    """builds.run: idempotent; a finished build or one running elsewhere is left alone."""
    runtime: Runtime = ctx["builder"]
    return await runtime.run(uuid.UUID(build_id))


async def sweep(ctx: dict[str, Any]) -> int:
    """Running builds of dead builders become failed; lost queue messages are resent."""
    runtime: Runtime = ctx["builder"]
    ended = await runtime.sweep()
    for build_id in ended:
        log.warning("build %s: its builder stopped; marked failed", build_id)
    cutoff = datetime.now(UTC) - STALE_QUEUED
    for build_id in await store.stale_queued(runtime.maker, cutoff):
        # The same dedupe id as the API's message: a resend while it waits is a no-op.
        await ctx["redis"].enqueue_job(RUN_JOB, str(build_id), _job_id=f"build:{build_id}",
                                       _queue_name=runtime.settings.build_queue_name)
    return len(ended)


class WorkerSettings:
    functions: ClassVar[list[Any]] = [
        func(run_build, name=RUN_JOB, timeout=get_settings().build_timeout_s + 120,
             max_tries=3)]
    cron_jobs: ClassVar[list[Any]] = [
        cron(sweep, second={0, 15, 30, 45}, run_at_startup=True, unique=True)]
    on_startup = startup
    on_shutdown = shutdown
    redis_settings = RedisSettings.from_dsn(get_settings().redis_url)
    queue_name = get_settings().build_queue_name
    max_jobs = get_settings().build_concurrency
    health_check_interval = 5
    poll_delay = 0.05  # the wait for a new job is part of every build's time
    queue_read_limit = 200
    job_timeout = int(get_settings().build_timeout_s) + 120
