import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from backend.core import events
from backend.core.errors import NotFound
from backend.core.pagination import PageParams, paginate
from backend.core.security import hash_password
from backend.models import User
from backend.users.errors import UsernameTaken


async def create_user(session: AsyncSession, actor: User | None, *, username: str,
                      password: str, email: str | None = None, is_admin: bool = False) -> User:
    exists = await session.scalar(select(User.id).where(User.username == username))
    if exists is not None:
        raise UsernameTaken(f"The username {username!r} is taken.")
    user = User(username=username, password_hash=hash_password(password), email=email,
                is_admin=is_admin)
    session.add(user)
    await session.flush()
    events.record(session, actor or user, "user.create", "user", user.id, is_admin=is_admin)
    return user


async def list_users(session: AsyncSession, params: PageParams) -> tuple[list[User], str | None]:
    return await paginate(session, select(User), [User.username], params)


async def get_user(session: AsyncSession, user_id: uuid.UUID) -> User:
    user = await session.get(User, user_id)
    if user is None:
        raise NotFound("No user with that id.")
    return user


async def find_by_username(session: AsyncSession, username: str) -> User | None:
    stmt = select(User).where(User.username == username)
    return (await session.execute(stmt)).scalar_one_or_none()
