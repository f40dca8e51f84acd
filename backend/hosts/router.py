import uuid

from fastapi import Response, status

from backend.core.auth import CurrentUser
from backend.core.db import SessionDep
from backend.core.errors import problem_responses
from backend.core.pagination import Page, PageDep
from backend.core.routing import make_router
from backend.hosts import service
from backend.hosts.schemas import HostCreate, HostRead, HostUpdate
from backend.models import Host

router = make_router("hosts", responses=problem_responses(401, 404))


def _read(host: Host) -> HostRead:
    return HostRead.model_validate(host).model_copy(
        update={"status": service.effective_status(host)})


@router.get("/clusters/{cluster_id}/hosts", name="list", response_model=Page[HostRead])
async def list_hosts(session: SessionDep, user: CurrentUser, cluster_id: uuid.UUID,
                     page: PageDep) -> Page[HostRead]:
    """List a cluster's hosts."""
    hosts, cursor = await service.list_hosts(session, user, cluster_id, page)
    return Page(items=[_read(h) for h in hosts], next_cursor=cursor)


@router.post("/clusters/{cluster_id}/hosts", name="create", response_model=HostRead,
             status_code=status.HTTP_201_CREATED, responses=problem_responses(403, 409))
async def create_host(session: SessionDep, user: CurrentUser, cluster_id: uuid.UUID,
                      body: HostCreate) -> HostRead:
    """Register a Docker host in a cluster; a job probes its engine."""
    host, _ = await service.create_host(session, user, cluster_id, name=body.name,
                                        address=body.address,
                                        docker_endpoint=body.docker_endpoint, labels=body.labels)
    return _read(host)


@router.get("/hosts/{host_id}", name="get", response_model=HostRead)
async def get_host(session: SessionDep, user: CurrentUser, host_id: uuid.UUID) -> HostRead:
    """Get a host."""
    return _read(await service.get_host(session, user, host_id))


@router.patch("/hosts/{host_id}", name="update", response_model=HostRead,
              responses=problem_responses(403))
async def update_host(session: SessionDep, user: CurrentUser, host_id: uuid.UUID,
                      body: HostUpdate) -> HostRead:
    """Change a host's labels, or cordon / uncordon it."""
    return _read(await service.update_host(session, user, host_id, body.labels, body.cordoned))


@router.delete("/hosts/{host_id}", name="delete", status_code=status.HTTP_204_NO_CONTENT,
               responses=problem_responses(403, 409))
async def delete_host(session: SessionDep, user: CurrentUser, host_id: uuid.UUID) -> Response:
    """Remove a host that runs no containers."""
    await service.delete_host(session, user, host_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
