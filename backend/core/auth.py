"""Who is calling: the bearer token on the request, resolved to an active user."""

from datetime import UTC, datetime, timedelta
from typing import Annotated

from fastapi import Depends
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import bindparam, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from backend.core.db import SessionDep
from backend.core.errors import Forbidden, Unauthorized
from backend.core.security import hash_token
from backend.models import AccessToken, User

_bearer = HTTPBearer(auto_error=False)
# Refreshing last_used_at on every request would turn reads into writes.
_LAST_USED_GRANULARITY = timedelta(minutes=5)


# Built once: every request runs it, and building a statement (not running it) cost
# about a millisecond of CPU per request in SQLAlchemy's coercion and cache-key code.
_TOKEN_LOOKUP = (select(User, AccessToken).join(AccessToken, AccessToken.user_id == User.id)
                 .where(AccessToken.token_hash == bindparam("token_hash")))


async def user_for_token(session: AsyncSession, token: str) -> tuple[User, AccessToken] | None:
    row = (await session.execute(_TOKEN_LOOKUP, {"token_hash": hash_token(token)})).first()
    if row is None:
        return None
    user, access = row
    now = datetime.now(UTC)
    if access.revoked_at is not None or not user.is_active:
        return None
    if access.expires_at is not None and access.expires_at <= now:
        return None
    if access.last_used_at is None or now - access.last_used_at > _LAST_USED_GRANULARITY:
        await session.execute(update(AccessToken).where(AccessToken.id == access.id)
                              .values(last_used_at=now))
    return user, access


async def current_token(
    session: SessionDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> tuple[User, AccessToken]:
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise Unauthorized("Send a bearer token: Authorization: Bearer <token>.")
    found = await user_for_token(session, credentials.credentials)
    if found is None:
        raise Unauthorized("The token is unknown, expired or revoked.")
    return found


async def current_user(
    found: Annotated[tuple[User, AccessToken], Depends(current_token)],
) -> User:
    return found[0]


async def current_admin(user: Annotated[User, Depends(current_user)]) -> User:
    if not user.is_admin:
        raise Forbidden("Only platform admins may do this.")
    return user


CurrentUser = Annotated[User, Depends(current_user)]
CurrentToken = Annotated[tuple[User, AccessToken], Depends(current_token)]
PlatformAdmin = Annotated[User, Depends(current_admin)]
