import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from backend.core import events
from backend.core.errors import NotFound
from backend.core.pagination import PageParams, paginate
from backend.core.security import hash_token, new_token
from backend.models import AccessToken, TokenKind, User


async def create_token(session: AsyncSession, user: User, name: str,
                       expires_in_days: int | None) -> tuple[str, AccessToken]:
    secret = new_token()
    expires = datetime.now(UTC) + timedelta(days=expires_in_days) if expires_in_days else None
    token = AccessToken(user_id=user.id, name=name, kind=TokenKind.personal,
                        token_hash=hash_token(secret), prefix=secret[:8], expires_at=expires)
    session.add(token)
    await session.flush()
    events.record(session, user, "token.create", "token", token.id, name=name)
    return secret, token


async def list_tokens(session: AsyncSession, user: User, params: PageParams
                      ) -> tuple[list[AccessToken], str | None]:
    stmt = select(AccessToken).where(AccessToken.user_id == user.id,
                                     AccessToken.kind == TokenKind.personal)
    return await paginate(session, stmt, [AccessToken.created_at, AccessToken.id], params,
                          descending=True)


async def revoke_token(session: AsyncSession, user: User, token_id: uuid.UUID) -> None:
    token = (await session.execute(select(AccessToken).where(
        AccessToken.id == token_id, AccessToken.user_id == user.id,
        AccessToken.kind == TokenKind.personal))).scalar_one_or_none()
    if token is None:
        raise NotFound("No token of yours with that id.")
    if token.revoked_at is None:
        token.revoked_at = datetime.now(UTC)
        events.record(session, user, "token.revoke", "token", token.id, name=token.name)
