import hashlib
import uuid
from typing import Annotated

from fastapi import Header, Request, Response, status

from backend.containers.service import to_read
from backend.core.auth import CurrentUser
from backend.core.db import SessionDep
from backend.core.errors import problem_responses
from backend.core.routing import make_router
from backend.deployments import service, topology
from backend.deployments.schemas import (
    AddContainerRequest,
    DeploymentRead,
    DeployRequest,
    DeployResult,
    JobAccepted,
    RollbackRequest,
    ScaleRequest,
    Topology,
    UpgradeRequest,
)
from backend.models import Container, Deployment, Job, Version

router = make_router("deployments", responses=problem_responses(401, 403, 404, 409))


async def _result(session: SessionDep, deployment: Deployment, started: list[Container],
                  removed: list[Container], queued: list[Job]) -> DeployResult:
    version = await session.get(Version, deployment.version_id)
    assert version is not None
    return DeployResult(
        deployment=DeploymentRead(id=deployment.id, app_id=deployment.app_id,
                                  cluster_id=deployment.cluster_id, version=version.number,
                                  replicas=deployment.replicas),
        started=await to_read(session, started), removed=[c.id for c in removed],
        job_ids=[j.id for j in queued])


@router.post("/apps/{app_id}/deploy", name="deploy", response_model=DeployResult,
             status_code=status.HTTP_202_ACCEPTED)
async def deploy(session: SessionDep, request: Request, user: CurrentUser, app_id: uuid.UUID,
                 body: DeployRequest) -> DeployResult:
    """Run `replicas` containers of a version in a cluster, spread over its hosts."""
    result = await service.deploy(session, request.app.state.settings, user, app_id,
                                  body.version, body.cluster_id, body.replicas)
    return await _result(session, *result)


@router.post("/apps/{app_id}/scale", name="scale", response_model=DeployResult,
             status_code=status.HTTP_202_ACCEPTED)
async def scale(session: SessionDep, request: Request, user: CurrentUser, app_id: uuid.UUID,
                body: ScaleRequest) -> DeployResult:
    """Change the number of containers; scaling down removes the newest first."""
    result = await service.scale(session, request.app.state.settings, user, app_id,
                                 body.cluster_id, body.replicas)
    return await _result(session, *result)


@router.post("/apps/{app_id}/containers", name="add_container", response_model=DeployResult,
             status_code=status.HTTP_202_ACCEPTED)
async def add_container(session: SessionDep, request: Request, user: CurrentUser,
                        app_id: uuid.UUID, body: AddContainerRequest) -> DeployResult:
    """One more container of a version in a cluster, placed by the scheduler (+1 replica)."""
    result = await service.add_container(session, request.app.state.settings, user, app_id,
                                         body.cluster_id, body.version)
    return await _result(session, *result)


@router.post("/apps/{app_id}/upgrade", name="upgrade", response_model=JobAccepted,
             status_code=status.HTTP_202_ACCEPTED, responses=problem_responses(422))
async def upgrade(session: SessionDep, user: CurrentUser, app_id: uuid.UUID,
                  body: UpgradeRequest) -> JobAccepted:
    """Replace the given containers (grayscale), or all the rest, by a version."""
    job = await service.schedule_upgrade(session, user, app_id, body.version, body.cluster_id,
                                         body.container_ids)
    return JobAccepted(job_id=job.id)


@router.post("/apps/{app_id}/rollback", name="rollback", response_model=JobAccepted,
             status_code=status.HTTP_202_ACCEPTED, responses=problem_responses(422))
async def rollback(session: SessionDep, user: CurrentUser, app_id: uuid.UUID,
                   body: RollbackRequest) -> JobAccepted:
    """Go back to an earlier version: its whole configuration, on every container."""
    job = await service.schedule_upgrade(session, user, app_id, body.version, body.cluster_id,
                                         None, action="app.rollback")
    return JobAccepted(job_id=job.id)


@router.get("/apps/{app_id}/topology", name="topology", response_model=Topology,
            responses={304: {"description": "Unchanged since the ETag sent in If-None-Match."}})
async def get_topology(session: SessionDep, user: CurrentUser, app_id: uuid.UUID,
                       if_none_match: Annotated[str | None, Header()] = None) -> Response:
    """The app's clusters, versions and containers, with live state and hosts.

    Answers 304 to a matching `If-None-Match`, so a dashboard polling every 2 s moves
    bytes only when something changed.
    """
    body = (await topology.topology(session, user, app_id)).model_dump_json().encode()
    etag = f'"{hashlib.sha256(body).hexdigest()[:32]}"'
    headers = {"ETag": etag, "Cache-Control": "private, no-cache"}
    sent = {tag.strip().removeprefix("W/") for tag in (if_none_match or "").split(",")}
    if etag in sent or "*" in sent:
        return Response(status_code=status.HTTP_304_NOT_MODIFIED, headers=headers)
    return Response(body, media_type="application/json", headers=headers)
