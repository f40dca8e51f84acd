"""arq worker: runs the jobs every domain declares, plus the requeue sweep."""

import asyncio
import logging
from datetime import UTC, datetime, timedelta
from typing import Any, ClassVar

from arq import cron, func
from arq.connections import RedisSettings
from sqlalchemy import select

from backend.containers.docker_hosts import DockerClients
from backend.containers.tasks import JOBS as CONTAINER_JOBS
from backend.core.config import get_settings
from backend.core.db import make_engine, make_sessionmaker
from backend.core.jobs import JobSender, send
from backend.deployments.reconciler import Reconciler
from backend.deployments.upgrade import JOBS as UPGRADE_JOBS
from backend.hosts.drain import JOBS as DRAIN_JOBS
from backend.hosts.tasks import JOBS as HOST_JOBS
from backend.hosts.watcher import LiveStateWatcher
from backend.models import Job, JobState

log = logging.getLogger(__name__)
ALL_JOBS = [*HOST_JOBS, *DRAIN_JOBS, *CONTAINER_JOBS, *UPGRADE_JOBS]
# A queued row older than this whose message was lost (Redis down at commit) is resent.
STALE_AFTER = timedelta(seconds=30)


async def startup(ctx: dict[str, Any]) -> None:
    settings = get_settings()
    ctx["settings"] = settings
    ctx["engine"] = make_engine(settings)
    ctx["sessionmaker"] = make_sessionmaker(ctx["engine"])
    # The live-state watcher runs beside the jobs for as long as the worker lives.
    ctx["etcd"] = settings.etcd_store()
    ctx["docker"] = DockerClients(settings.pki_dir)
    # ctx["redis"] is arq's own pool (set before on_startup): jobs go to this queue.
    ctx["reconciler"] = Reconciler(ctx["sessionmaker"], ctx["etcd"], JobSender(ctx["redis"]),
                                   settings)
    # Every change the watcher applies wakes the reconciler before its next tick.
    ctx["watcher"] = LiveStateWatcher(ctx["etcd"], ctx["sessionmaker"],
                                      on_change=ctx["reconciler"].wake)
    ctx["watcher_task"] = asyncio.create_task(ctx["watcher"].run(), name="live-state-watcher")
    ctx["reconciler_task"] = asyncio.create_task(ctx["reconciler"].run(), name="reconciler")


async def shutdown(ctx: dict[str, Any]) -> None:
    for name in ("watcher_task", "reconciler_task"):
        ctx[name].cancel()
        await asyncio.gather(ctx[name], return_exceptions=True)
    await ctx["docker"].close()
    await ctx["etcd"].close()
    await ctx["engine"].dispose()


async def requeue_stale(ctx: dict[str, Any]) -> int:
    cutoff = datetime.now(UTC) - STALE_AFTER
    async with ctx["sessionmaker"]() as session:
        stale = (await session.execute(select(Job.id, Job.kind).where(
            Job.state == JobState.queued, Job.created_at < cutoff).limit(500))).all()
    for job_id, kind in stale:
        await send(ctx["redis"], kind, job_id)
    return len(stale)


class WorkerSettings:
    functions: ClassVar[list[Any]] = [
        func(fn, name=name, timeout=get_settings().container_job_timeout_s
             if name.startswith("containers.") else None) for name, fn in ALL_JOBS]
    cron_jobs: ClassVar[list[Any]] = [cron(requeue_stale, second={0, 30}, run_at_startup=True)]
    on_startup = startup
    on_shutdown = shutdown
    redis_settings = RedisSettings.from_dsn(get_settings().redis_url)
    queue_name = get_settings().job_queue_name
    health_check_interval = 5
    # arq looks for new jobs this often (default 0.5 s): the wait was most of the gap
    # between a deploy and a plain `docker run` in bench/deploy.py.
    poll_delay = 0.05
    # arq reads only this many queued ids per poll (default: max_jobs, 10). Jobs a killed
    # worker had started keep their in-progress keys for job_timeout + 10 s; with 10 such
    # ids at the head of the queue, a new worker skipped them on every poll and never
    # reached the jobs behind them (seen in CI after the worker-kill chaos test).
    queue_read_limit = 2000
    max_tries = 5
    job_timeout = 600
