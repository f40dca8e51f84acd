import uuid
from datetime import UTC, datetime

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from backend.core import events
from backend.core.errors import Conflict, NotFound
from backend.core.pagination import PageParams, paginate
from backend.core.security import hash_password
from backend.models import AccessToken, TokenKind, User
from backend.users.errors import UsernameTaken
from backend.users.schemas import UserUpdate


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


async def _revoke_tokens(session: AsyncSession, user_id: uuid.UUID) -> None:
    await session.execute(update(AccessToken).where(
        AccessToken.user_id == user_id, AccessToken.revoked_at.is_(None)
    ).values(revoked_at=datetime.now(UTC)))


async def _other_active_admins(session: AsyncSession, user_id: uuid.UUID) -> int:
    return int(await session.scalar(select(func.count()).select_from(User).where(
        User.is_admin.is_(True), User.is_active.is_(True), User.id != user_id)) or 0)


async def update_user(session: AsyncSession, actor: User, user_id: uuid.UUID,
                      changes: UserUpdate) -> User:
    """Change a user's email, platform-admin grant or whether they may sign in.

    Nobody locks themselves out, and the platform always keeps one active admin:
    both are 409s. Disabling a user ends their sessions and tokens at once.
    """
    # Lock the admins so two demotions at once cannot leave none.
    await session.execute(select(User.id).where(User.is_admin.is_(True)).with_for_update())
    user = await get_user(session, user_id)
    fields = changes.model_dump(exclude_unset=True)
    demoting = fields.get("is_admin") is False or fields.get("is_active") is False
    losing_admin = demoting and user.is_admin
    if user.id == actor.id and demoting:
        raise Conflict("You cannot take your own admin rights or disable yourself: "
                       "ask another platform admin.")
    if losing_admin and await _other_active_admins(session, user.id) == 0:
        raise Conflict("This is the last active platform admin; grant another user first.")
    if "email" in fields:
        user.email = fields["email"]
    if fields.get("is_admin") is not None:
        user.is_admin = fields["is_admin"]
    if fields.get("is_active") is not None:
        user.is_active = fields["is_active"]
        if not user.is_active:
            await _revoke_tokens(session, user.id)
    await session.flush()
    events.record(session, actor, "user.update", "user", user.id,
                  **{k: v for k, v in fields.items() if k != "email"},
                  email_changed="email" in fields)
    return user


async def reset_password(session: AsyncSession, actor: User, user_id: uuid.UUID,
                         password: str) -> User:
    """Set a new password; the user's login sessions end (API tokens they made stay)."""
    user = await get_user(session, user_id)
    user.password_hash = hash_password(password)
    await session.execute(update(AccessToken).where(
        AccessToken.user_id == user.id, AccessToken.kind == TokenKind.session,
        AccessToken.revoked_at.is_(None)).values(revoked_at=datetime.now(UTC)))
    await session.flush()
    events.record(session, actor, "user.password_reset", "user", user.id)
    return user
