from fastapi import status

from backend.core.auth import CurrentUser, PlatformAdmin
from backend.core.db import SessionDep
from backend.core.errors import problem_responses
from backend.core.pagination import Page, PageDep
from backend.core.routing import make_router
from backend.users import service
from backend.users.schemas import UserCreate, UserRead

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
