"""Running a job row: at-least-once delivery made safe.

arq may deliver a message twice or after a crash. Each handler runs inside
`run_job`, which reloads the row, skips jobs that already finished, and records the
outcome (state, message, result) so failures are reported, never swallowed.
"""

import logging
import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from backend.models import Job, JobState

log = logging.getLogger(__name__)
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
    async with maker() as session:
        job = await session.get(Job, uuid.UUID(job_id))
        assert job is not None
        try:
            result = await handler(ctx, session, job)
        except JobFailed as exc:
            await session.rollback()
            return await _finish(maker, job_id, JobState.failed, str(exc), {})
        except Exception as exc:
            await session.rollback()
            log.exception("job %s (%s) crashed", job_id, job.kind)
            return await _finish(maker, job_id, JobState.failed,
                                 f"internal error: {type(exc).__name__}", {})
        await session.commit()
    return await _finish(maker, job_id, JobState.succeeded, "", result or {})


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
