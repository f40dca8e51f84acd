"""Worker jobs of the containers domain: each reloads its row and is idempotent."""

import uuid
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from backend.containers import runner
from backend.containers.docker_hosts import DockerError
from backend.containers.restart import restart_drained
from backend.core.worker_jobs import JobFailed, run_job
from backend.deployments.routes import drain
from backend.models import Container, Job

DOCKER_FAILURES = (DockerError, OSError, TimeoutError, LookupError)


async def _fail(session: AsyncSession, container_id: uuid.UUID, message: str) -> None:
    await session.rollback()
    container = await session.get(Container, container_id)
    if container is not None:
        container.last_error = message[:2000]
        if container.docker_id is None:
            container.state = "failed"
        await session.commit()
    raise JobFailed(message)


def _handler(action: str) -> Any:
    async def handle(ctx: dict[str, Any], session: AsyncSession, job: Job) -> dict[str, Any]:
        container_id = uuid.UUID(job.payload["container_id"])
        try:
            if action in ("remove", "stop"):  # it leaves the route before it stops
                container = await session.get(Container, container_id)
                if container is not None and container.desired_state != "running":
                    await drain(session, ctx["etcd"], ctx["settings"], container)
            if action == "create":
                outcome = await runner.create_and_start(session, ctx["docker"], ctx["settings"],
                                                        container_id)
            elif action == "remove":
                outcome = await runner.remove(session, ctx["docker"], container_id)
            elif action == "restart":  # out of the route and back, like an upgrade's swap
                outcome = await restart_drained(ctx, session, container_id)
            else:
                outcome = await runner.power(session, ctx["docker"], container_id, action)
        except DOCKER_FAILURES as exc:
            await _fail(session, container_id, f"{action} failed: {exc}")
            raise  # unreachable: _fail raises
        return {"outcome": outcome}

    return handle


def _job(action: str) -> Any:
    handler = _handler(action)

    async def job(ctx: dict[str, Any], job_id: str) -> str:
        return await run_job(ctx, job_id, handler)

    job.__name__ = f"container_{action}"
    return job


ACTIONS = ("create", "remove", "start", "stop", "restart")
JOBS = [(f"containers.{action}", _job(action)) for action in ACTIONS]
