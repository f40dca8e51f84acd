import uuid
from typing import Annotated

from fastapi import Path, Request, status

from backend.core.auth import CurrentUser
from backend.core.db import SessionDep
from backend.core.errors import problem_responses
from backend.core.pagination import Page, PageDep
from backend.core.routing import make_router
from backend.versions import service
from backend.versions.schemas import VersionCreate, VersionRead

router = make_router("versions", responses=problem_responses(401, 404))


@router.get("/apps/{app_id}/versions", name="list", response_model=Page[VersionRead])
async def list_versions(session: SessionDep, user: CurrentUser, app_id: uuid.UUID,
                        page: PageDep) -> Page[VersionRead]:
    """List an app's versions, newest first."""
    versions, cursor = await service.list_versions(session, user, app_id, page)
    return Page(items=[VersionRead.model_validate(v) for v in versions], next_cursor=cursor)


@router.post("/apps/{app_id}/versions", name="create", response_model=VersionRead,
             status_code=status.HTTP_201_CREATED, responses=problem_responses(403, 422))
async def create_version(session: SessionDep, request: Request, user: CurrentUser,
                         app_id: uuid.UUID, body: VersionCreate) -> VersionRead:
    """Create the app's next version (developers). Versions never change afterwards."""
    version = await service.create_version(session, request.app.state.settings, user, app_id,
                                           body)
    return VersionRead.model_validate(version)


@router.get("/apps/{app_id}/versions/{number}", name="get", response_model=VersionRead)
async def get_version(session: SessionDep, user: CurrentUser, app_id: uuid.UUID,
                      number: Annotated[int, Path(ge=1, le=2**31 - 1)]) -> VersionRead:
    """Get one version of an app by its number."""
    return VersionRead.model_validate(await service.get_version(session, user, app_id, number))
