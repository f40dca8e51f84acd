"""Running a job row: at-least-once delivery made safe.

arq may deliver a message twice or after a crash. Each handler runs inside
`run_job`, which reloads the row, skips jobs that already finished, and records the
outcome (state, message, result) so failures are reported, never swallowed.
"""

import asyncio
import logging
import random
import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from backend.core.db import lost_to_concurrent_work
from backend.models import Job, JobState

log = logging.getLogger(__name__)
# A handler that lost a deadlock runs again this many times in all before it fails.
ATTEMPTS = 4
Handler = Callable[[dict[str, Any], AsyncSession, Job], Awaitable[dict[str, Any] | None]]


class JobFailed(Exception):
    """An expected failure: its message is shown to the user on the job."""


async def run_job(ctx: dict[str, Any], job_id: str, handler: Handler) -> str:
    maker: async_sessionmaker[AsyncSession] = ctx["sessionmaker"]
    async with maker() as session:
        job = (await session.execute(select(Job).where(Job.id == uuid.UUID(job_id))
                                     .with_for_update(skip_locked=True))).scalar_one_or_none()
        if job is None:
            return "missing-or-busy"
        if job.state in (JobState.succeeded, JobState.failed):
            return f"already-{job.state.value}"
        job.state, job.started_at = JobState.running, datetime.now(UTC)
        job.attempts += 1
        await session.commit()
    for attempt in range(1, ATTEMPTS + 1):
        async with maker() as session:
            job = await session.get(Job, uuid.UUID(job_id))
            assert job is not None
            kind = job.kind  # read now: a rollback expires the row
            try:
                result = await handler(ctx, session, job)
                await session.commit()
            except JobFailed as exc:
                await session.rollback()
                return await _finish(maker, job_id, JobState.failed, str(exc), {})
            except Exception as exc:
                await session.rollback()
                if lost_to_concurrent_work(exc) and attempt < ATTEMPTS:
                    # Handlers pick up where they were when run again (at-least-once
                    # delivery asks that of them anyway), so run it again.
                    log.warning("job %s (%s) lost a deadlock; running it again", job_id, kind)
                    await asyncio.sleep(random.uniform(0.05, 0.2) * attempt)
                    continue
                log.exception("job %s (%s) crashed", job_id, kind)
                return await _finish(maker, job_id, JobState.failed,
                                     f"internal error: {type(exc).__name__}", {})
        return await _finish(maker, job_id, JobState.succeeded, "", result or {})
    raise AssertionError("unreachable: the last attempt returns")


async def _finish(maker: async_sessionmaker[AsyncSession], job_id: str, state: JobState,
                  message: str, result: dict[str, Any]) -> str:
    async with maker() as session:
        job = await session.get(Job, uuid.UUID(job_id))
        assert job is not None
        job.state, job.message, job.result = state, message[:1000], result
        job.progress = 100 if state == JobState.succeeded else job.progress
        job.finished_at = datetime.now(UTC)
        await session.commit()
    return state.value
