import uuid

from fastapi import Response, status

from backend.core.auth import CurrentUser
from backend.core.db import SessionDep
from backend.core.errors import problem_responses
from backend.core.pagination import Page, PageDep
from backend.core.routing import make_router
from backend.models import NamespaceMember
from backend.namespaces import service
from backend.namespaces.schemas import (
    NamespaceCreate,
    NamespaceMemberCreate,
    NamespaceMemberRead,
    NamespaceMemberUpdate,
    NamespaceRead,
    NamespaceUpdate,
)

router = make_router("namespaces", responses=problem_responses(401, 404))
P = "/namespaces/{name}"


def _read(scoped: service.Scoped) -> NamespaceRead:
    return NamespaceRead.model_validate(scoped.namespace).model_copy(
        update={"my_access": scoped.my_access})


def _member(member: NamespaceMember, username: str) -> NamespaceMemberRead:
    return NamespaceMemberRead(user_id=member.user_id, username=username, access=member.access)


@router.get("/namespaces", name="list", response_model=Page[NamespaceRead])
async def list_namespaces(session: SessionDep, user: CurrentUser, page: PageDep
                          ) -> Page[NamespaceRead]:
    """List the registry namespaces you may pull from."""
    rows, cursor = await service.list_namespaces(session, user, page)
    return Page(items=[_read(s) for s in rows], next_cursor=cursor)


@router.post("/namespaces", name="create", response_model=NamespaceRead,
             status_code=status.HTTP_201_CREATED, responses=problem_responses(403, 409))
async def create_namespace(session: SessionDep, user: CurrentUser, body: NamespaceCreate
                           ) -> NamespaceRead:
    """Create a registry namespace owned by one of your groups (group admins)."""
    return _read(await service.create_namespace(session, user, body.name, body.group_id,
                                                body.public))


@router.get(P, name="get", response_model=NamespaceRead)
async def get_namespace(session: SessionDep, user: CurrentUser, name: str) -> NamespaceRead:
    """Get a registry namespace."""
    return _read(await service.get_namespace(session, user, name))


@router.patch(P, name="update", response_model=NamespaceRead, responses=problem_responses(403))
async def update_namespace(session: SessionDep, user: CurrentUser, name: str,
                           body: NamespaceUpdate) -> NamespaceRead:
    """Make a namespace public or private (group admins)."""
    return _read(await service.update_namespace(session, user, name, body.public))


@router.delete(P, name="delete", status_code=status.HTTP_204_NO_CONTENT,
               responses=problem_responses(403, 409))
async def delete_namespace(session: SessionDep, user: CurrentUser, name: str) -> Response:
    """Delete a namespace without image repositories (group admins)."""
    await service.delete_namespace(session, user, name)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get(P + "/members", name="list_members", response_model=list[NamespaceMemberRead],
            responses=problem_responses(403))
async def list_members(session: SessionDep, user: CurrentUser, name: str
                       ) -> list[NamespaceMemberRead]:
    """List a namespace's extra members (besides its group's)."""
    return [_member(m, u) for m, u in await service.list_members(session, user, name)]


@router.post(P + "/members", name="add_member", response_model=NamespaceMemberRead,
             status_code=status.HTTP_201_CREATED, responses=problem_responses(403, 409))
async def add_member(session: SessionDep, user: CurrentUser, name: str,
                     body: NamespaceMemberCreate) -> NamespaceMemberRead:
    """Let a user outside the group pull from or push to the namespace (group admins)."""
    return _member(*await service.add_member(session, user, name, body.username, body.access))


@router.patch(P + "/members/{user_id}", name="update_member", response_model=NamespaceMemberRead,
              responses=problem_responses(403))
async def update_member(session: SessionDep, user: CurrentUser, name: str, user_id: uuid.UUID,
                        body: NamespaceMemberUpdate) -> NamespaceMemberRead:
    """Change an extra member's access (group admins)."""
    return _member(*await service.update_member(session, user, name, user_id, body.access))


@router.delete(P + "/members/{user_id}", name="remove_member",
               status_code=status.HTTP_204_NO_CONTENT, responses=problem_responses(403))
async def remove_member(session: SessionDep, user: CurrentUser, name: str, user_id: uuid.UUID
                        ) -> Response:
    """Remove an extra member (group admins)."""
    await service.remove_member(session, user, name, user_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
