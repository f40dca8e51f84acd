"""Queue work through arq, only after the transaction that recorded it committed.

The `jobs` row is written in the caller's transaction; the arq message (which carries
only the job id) is sent after commit, so a worker never sees a job whose row is not
there yet. If Redis is down at that moment the row stays `queued` and the worker's
requeue sweep sends it later: a queued job is never lost.
"""

import logging
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

from arq.connections import ArqRedis
from sqlalchemy.ext.asyncio import AsyncSession

from backend.models import Job

log = logging.getLogger(__name__)
_PENDING = "dockyard_pending_jobs"
_AFTER_COMMIT = "dockyard_after_commit"


def schedule(session: AsyncSession, *, kind: str, payload: dict[str, Any],
             group_id: uuid.UUID | None, created_by: uuid.UUID | None,
             target_type: str = "", target_id: str = "") -> Job:
    job = Job(kind=kind, payload=payload, group_id=group_id, created_by=created_by,
              target_type=target_type, target_id=target_id)
    session.add(job)
    session.info.setdefault(_PENDING, []).append((kind, job.id))
    return job


def after_commit(session: AsyncSession, what: str,
                 action: Callable[[ArqRedis], Awaitable[Any]]) -> None:
    """Run `action` with the arq pool once the session committed (messages to other
    queues, Redis publishes); `what` names it in the warning if Redis refuses."""
    session.info.setdefault(_AFTER_COMMIT, []).append((what, action))


async def send(redis: ArqRedis, kind: str, job_id: uuid.UUID) -> None:
    # _job_id dedupes: arq refuses a second message for a job id still queued or running.
    await redis.enqueue_job(kind, str(job_id), _job_id=f"job:{job_id}")


class JobSender:
    """Holds the arq pool; the request session hands it the jobs after commit."""

    def __init__(self, redis: ArqRedis | None):
        self.redis = redis

    async def flush_after_commit(self, session: AsyncSession) -> None:
        pending = session.info.pop(_PENDING, [])
        for kind, job_id in pending:
            if self.redis is None:
                continue
            try:
                await send(self.redis, kind, job_id)
            except Exception:  # the requeue sweep will send it
                log.warning("could not enqueue job %s (%s); left queued", job_id, kind)
        for what, action in session.info.pop(_AFTER_COMMIT, []):
            if self.redis is None:
                continue
            try:
                await action(self.redis)
            except Exception:
                log.warning("could not %s after commit", what)
