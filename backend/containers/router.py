import uuid
from typing import Annotated

from fastapi import Query, Request, status
from fastapi.responses import PlainTextResponse, StreamingResponse

from backend.containers import logs, service
from backend.containers.docker_hosts import DockerError
from backend.containers.spec import container_name
from backend.core.auth import CurrentUser
from backend.core.db import SessionDep
from backend.core.errors import Conflict, problem_responses
from backend.core.pagination import Page, PageDep
from backend.core.routing import make_router
from backend.deployments.schemas import ContainerRead, JobAccepted
from backend.models import Host

router = make_router("containers", responses=problem_responses(401, 404))


@router.get("/apps/{app_id}/containers", name="list", response_model=Page[ContainerRead])
async def list_containers(session: SessionDep, user: CurrentUser, app_id: uuid.UUID,
                          page: PageDep, include_removed: bool = False) -> Page[ContainerRead]:
    """List an app's containers (removed ones on request)."""
    found, cursor = await service.list_containers(session, user, app_id, page, include_removed)
    return Page(items=await service.to_read(session, found), next_cursor=cursor)


@router.get("/containers/{container_id}", name="get", response_model=ContainerRead)
async def get_container(session: SessionDep, user: CurrentUser, container_id: uuid.UUID
                        ) -> ContainerRead:
    """Get a container with its live state."""
    container, _ = await service.get_container(session, user, container_id)
    return (await service.to_read(session, [container]))[0]


def _power(action: str, summary: str):  # type: ignore[no-untyped-def]
    async def handler(session: SessionDep, user: CurrentUser, container_id: uuid.UUID
                      ) -> JobAccepted:
        job = await service.power(session, user, container_id, action)
        return JobAccepted(job_id=job.id)

    handler.__doc__ = summary
    router.add_api_route(f"/containers/{{container_id}}/{action}", handler, methods=["POST"],
                         name=action, response_model=JobAccepted,
                         status_code=status.HTTP_202_ACCEPTED,
                         responses=problem_responses(403, 409))


_power("start", "Start a stopped container.")
_power("stop", "Stop a container (it keeps its slot; start brings it back).")
_power("restart", "Restart a container: out of its app's route first, back once it serves.")


@router.delete("/containers/{container_id}", name="remove", response_model=JobAccepted,
               status_code=status.HTTP_202_ACCEPTED, responses=problem_responses(403))
async def remove_container(session: SessionDep, user: CurrentUser, container_id: uuid.UUID
                           ) -> JobAccepted:
    """Remove a container; its deployment keeps one replica fewer."""
    job = await service.remove(session, user, container_id)
    return JobAccepted(job_id=job.id)


@router.get("/containers/{container_id}/logs", name="logs", response_model=None,
            responses={200: {"content": {"text/plain": {}}}, **problem_responses(409)})
async def container_logs(
    session: SessionDep, request: Request, user: CurrentUser, container_id: uuid.UUID,
    tail: Annotated[int, Query(ge=0, le=10000)] = 200,
    follow: bool = False,
    seconds: Annotated[float, Query(gt=0, le=logs.MAX_FOLLOW_S)] = 60,
) -> PlainTextResponse | StreamingResponse:
    """The container's output: the last lines, or a live follow for a bounded time."""
    container, _ = await service.get_container(session, user, container_id)
    host = await session.get(Host, container.host_id) if container.host_id else None
    if host is None or container.docker_id is None:
        raise Conflict("The container has not started on a host yet.")
    docker = request.app.state.docker.get(host.docker_endpoint)
    try:
        running = await docker.containers.get(container_name(str(container.id)))
        if not follow:
            return PlainTextResponse(await logs.tail(running, tail))
    except DockerError as exc:
        raise Conflict(f"The host's engine cannot give the logs: {exc.message}") from exc
    return StreamingResponse(logs.follow(running, tail, seconds), media_type="text/plain")
