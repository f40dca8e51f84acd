import uuid

from fastapi import Request, Response, status

from backend.apps import service
from backend.apps.schemas import AppCreate, AppRead, AppUpdate
from backend.core.auth import CurrentUser
from backend.core.db import SessionDep
from backend.core.errors import problem_responses
from backend.core.pagination import Page, PageDep
from backend.core.routing import make_router
from backend.deployments.routes import delete_route

router = make_router("apps", responses=problem_responses(401, 404))


@router.get("/groups/{group_id}/apps", name="list", response_model=Page[AppRead])
async def list_apps(session: SessionDep, user: CurrentUser, group_id: uuid.UUID,
                    page: PageDep) -> Page[AppRead]:
    """List a group's apps."""
    apps, cursor = await service.list_app_reads(session, user, group_id, page)
    return Page(items=apps, next_cursor=cursor)


@router.post("/groups/{group_id}/apps", name="create", response_model=AppRead,
             status_code=status.HTTP_201_CREATED, responses=problem_responses(403, 409))
async def create_app(session: SessionDep, user: CurrentUser, group_id: uuid.UUID,
                     body: AppCreate) -> AppRead:
    """Create an app in a group (developers)."""
    app = await service.create_app(session, user, group_id, body.name, body.description,
                                   body.domains)
    return await service.get_app_read(session, user, app.id)


@router.get("/apps/{app_id}", name="get", response_model=AppRead)
async def get_app(session: SessionDep, user: CurrentUser, app_id: uuid.UUID) -> AppRead:
    """Get an app."""
    return await service.get_app_read(session, user, app_id)


@router.patch("/apps/{app_id}", name="update", response_model=AppRead,
              responses=problem_responses(403, 409))
async def update_app(session: SessionDep, user: CurrentUser, app_id: uuid.UUID,
                     body: AppUpdate) -> AppRead:
    """Change an app's description or domains (developers)."""
    app = await service.update_app(session, user, app_id, body.description, body.domains)
    return await service.get_app_read(session, user, app.id)


@router.delete("/apps/{app_id}", name="delete", status_code=status.HTTP_204_NO_CONTENT,
               responses=problem_responses(403, 409))
async def delete_app(session: SessionDep, request: Request, user: CurrentUser,
                     app_id: uuid.UUID) -> Response:
    """Delete an app with no containers (group admins); its domains are free again."""
    await service.delete_app(session, user, app_id)
    # Its route goes too, or nginx would keep its domains. Should etcd be down now, the
    # reconciler removes routes of apps that no longer exist.
    await delete_route(request.app.state.etcd, app_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
