import uuid

from fastapi import Response, status

from backend.core.auth import CurrentUser
from backend.core.db import SessionDep
from backend.core.errors import problem_responses
from backend.core.pagination import Page, PageDep
from backend.core.routing import make_router
from backend.groups import service
from backend.groups.schemas import (
    GroupCreate,
    GroupRead,
    GroupUpdate,
    MemberCreate,
    MemberRead,
    MemberUpdate,
    TransferRequest,
)
from backend.models import Group, Member, Role

router = make_router("groups", responses=problem_responses(401, 404))
members = make_router("members", responses=problem_responses(401, 404))


def _read(group: Group, role: Role) -> GroupRead:
    return GroupRead.model_validate(group).model_copy(update={"my_role": role})


def _member(member: Member, username: str) -> MemberRead:
    return MemberRead(user_id=member.user_id, username=username, role=member.role,
                      created_at=member.created_at)


@router.get("/groups", name="list", response_model=Page[GroupRead])
async def list_groups(session: SessionDep, user: CurrentUser, page: PageDep) -> Page[GroupRead]:
    """List the groups you are a member of."""
    rows, cursor = await service.list_groups(session, user, page)
    return Page(items=[_read(g, r) for g, r in rows], next_cursor=cursor)


@router.post("/groups", name="create", response_model=GroupRead,
             status_code=status.HTTP_201_CREATED, responses=problem_responses(409))
async def create_group(session: SessionDep, user: CurrentUser, body: GroupCreate) -> GroupRead:
    """Create a group; you become its owner."""
    group = await service.create_group(session, user, body.name, body.description)
    return _read(group, Role.owner)


@router.get("/groups/{group_id}", name="get", response_model=GroupRead)
async def get_group(session: SessionDep, user: CurrentUser, group_id: uuid.UUID) -> GroupRead:
    """Get a group."""
    return _read(*await service.get_group(session, user, group_id))


@router.patch("/groups/{group_id}", name="update", response_model=GroupRead,
              responses=problem_responses(403))
async def update_group(session: SessionDep, user: CurrentUser, group_id: uuid.UUID,
                       body: GroupUpdate) -> GroupRead:
    """Change a group's settings (admins)."""
    changes = body.model_dump(exclude_unset=True, exclude_none=True)
    return _read(*await service.update_group(session, user, group_id, changes))


@router.delete("/groups/{group_id}", name="delete", status_code=status.HTTP_204_NO_CONTENT,
               responses=problem_responses(403, 409))
async def delete_group(session: SessionDep, user: CurrentUser, group_id: uuid.UUID) -> Response:
    """Delete an empty group (owner)."""
    await service.delete_group(session, user, group_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post("/groups/{group_id}/transfer", name="transfer", response_model=GroupRead,
             responses=problem_responses(403, 409))
async def transfer(session: SessionDep, user: CurrentUser, group_id: uuid.UUID,
                   body: TransferRequest) -> GroupRead:
    """Make another member the owner; you become an admin."""
    group = await service.transfer(session, user, group_id, body.user_id)
    return _read(group, Role.admin)


@members.get("/groups/{group_id}/members", name="list", response_model=Page[MemberRead])
async def list_members(session: SessionDep, user: CurrentUser, group_id: uuid.UUID,
                       page: PageDep) -> Page[MemberRead]:
    """List a group's members."""
    rows, cursor = await service.list_members(session, user, group_id, page)
    return Page(items=[_member(m, n) for m, n in rows], next_cursor=cursor)


@members.post("/groups/{group_id}/members", name="add", response_model=MemberRead,
              status_code=status.HTTP_201_CREATED, responses=problem_responses(403, 409))
async def add_member(session: SessionDep, user: CurrentUser, group_id: uuid.UUID,
                     body: MemberCreate) -> MemberRead:
    """Add a user to the group with a role (admins)."""
    return _member(*await service.add_member(session, user, group_id, body.user_id,
                                             body.username, body.role))


@members.patch("/groups/{group_id}/members/{user_id}", name="update", response_model=MemberRead,
               responses=problem_responses(403, 409))
async def update_member(session: SessionDep, user: CurrentUser, group_id: uuid.UUID,
                        user_id: uuid.UUID, body: MemberUpdate) -> MemberRead:
    """Change a member's role (admins)."""
    return _member(*await service.update_member(session, user, group_id, user_id, body.role))


@members.delete("/groups/{group_id}/members/{user_id}", name="remove",
                status_code=status.HTTP_204_NO_CONTENT, responses=problem_responses(403, 409))
async def remove_member(session: SessionDep, user: CurrentUser, group_id: uuid.UUID,
                        user_id: uuid.UUID) -> Response:
    """Remove a member (admins), or leave the group yourself."""
    await service.remove_member(session, user, group_id, user_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
