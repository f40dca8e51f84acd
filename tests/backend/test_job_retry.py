"""A job whose transaction PostgreSQL rolled back as a deadlock's victim runs again."""

from typing import Any

from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from backend.core import jobs
from backend.core.worker_jobs import ATTEMPTS, run_job
from backend.models import Job, JobState


class _Deadlock(Exception):  # asyncpg's errors carry the SQLSTATE like this
    sqlstate = "40P01"


async def _job(maker: async_sessionmaker[AsyncSession]) -> str:
    async with maker() as session:
        job = jobs.schedule(session, kind="test.retry", payload={}, group_id=None,
                            created_by=None)
        await session.commit()
        return str(job.id)


async def _state(maker: async_sessionmaker[AsyncSession], job_id: str) -> Job:
    async with maker() as session:
        job = await session.get(Job, job_id)
        assert job is not None
        return job


async def test_a_deadlocked_job_runs_again_and_succeeds(
        maker: async_sessionmaker[AsyncSession]) -> None:
    job_id, calls = await _job(maker), []

    async def handler(ctx: dict[str, Any], session: AsyncSession, job: Job) -> dict[str, Any]:
        calls.append(job.id)
        job.progress = 50  # written, then rolled back with the attempt
        if len(calls) < 3:
            raise DBAPIError("UPDATE containers ...", {}, _Deadlock())
        return {"attempt": len(calls)}

    assert await run_job({"sessionmaker": maker}, job_id, handler) == "succeeded"
    job = await _state(maker, job_id)
    assert (job.state, job.result, len(calls)) == (JobState.succeeded, {"attempt": 3}, 3)


async def test_a_job_that_keeps_losing_fails_with_a_reason(
        maker: async_sessionmaker[AsyncSession]) -> None:
    job_id, calls = await _job(maker), []

    async def handler(ctx: dict[str, Any], session: AsyncSession, job: Job) -> None:
        calls.append(1)
        raise DBAPIError("UPDATE containers ...", {}, _Deadlock())

    assert await run_job({"sessionmaker": maker}, job_id, handler) == "failed"
    job = await _state(maker, job_id)
    assert job.state == JobState.failed and "DBAPIError" in job.message
    assert len(calls) == ATTEMPTS


async def test_other_errors_are_not_retried(maker: async_sessionmaker[AsyncSession]) -> None:
    job_id, calls = await _job(maker), []

    async def handler(ctx: dict[str, Any], session: AsyncSession, job: Job) -> None:
        calls.append(1)
        raise RuntimeError("a bug")

    assert await run_job({"sessionmaker": maker}, job_id, handler) == "failed"
    assert len(calls) == 1
