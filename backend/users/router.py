import uuid

from fastapi import status

from backend.core.auth import CurrentUser, PlatformAdmin
from backend.core.db import SessionDep
from backend.core.errors import problem_responses
from backend.core.pagination import Page, PageDep
from backend.core.routing import make_router
from backend.users import service
from backend.users.schemas import PasswordReset, UserCreate, UserRead, UserUpdate

router = make_router("users", responses=problem_responses(401))


@router.get("/users/me", response_model=UserRead)
async def me(user: CurrentUser) -> UserRead:
    """The calling user."""
    return UserRead.model_validate(user)


@router.get("/users", name="list", response_model=Page[UserRead],
            responses=problem_responses(403))
async def list_users(session: SessionDep, _: PlatformAdmin, page: PageDep) -> Page[UserRead]:
    """List all users (platform admins)."""
    users, cursor = await service.list_users(session, page)
    return Page(items=[UserRead.model_validate(u) for u in users], next_cursor=cursor)


@router.post("/users", response_model=UserRead, name="create", status_code=status.HTTP_201_CREATED,
             responses=problem_responses(403, 409))
async def create_user(session: SessionDep, admin: PlatformAdmin, body: UserCreate) -> UserRead:
    """Create a user (platform admins)."""
    user = await service.create_user(session, admin, username=body.username,
                                     password=body.password, email=body.email,
                                     is_admin=body.is_admin)
    return UserRead.model_validate(user)


@router.get("/users/{user_id}", name="get", response_model=UserRead,
            responses=problem_responses(403, 404))
async def get_user(session: SessionDep, _: PlatformAdmin, user_id: uuid.UUID) -> UserRead:
    """One user (platform admins)."""
    return UserRead.model_validate(await service.get_user(session, user_id))


@router.patch("/users/{user_id}", name="update", response_model=UserRead,
              responses=problem_responses(403, 404, 409, 422))
async def update_user(session: SessionDep, admin: PlatformAdmin, user_id: uuid.UUID,
                      body: UserUpdate) -> UserRead:
    """Enable or disable a user, grant or revoke platform admin (platform admins)."""
    return UserRead.model_validate(await service.update_user(session, admin, user_id, body))


@router.post("/users/{user_id}/password", name="reset_password", response_model=UserRead,
             responses=problem_responses(403, 404, 422))
async def reset_password(session: SessionDep, admin: PlatformAdmin, user_id: uuid.UUID,
                         body: PasswordReset) -> UserRead:
    """Set a user's password; their login sessions end (platform admins)."""
    user = await service.reset_password(session, admin, user_id, body.password)
    return UserRead.model_validate(user)
