from datetime import UTC, datetime, timedelta

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from backend.core import events
from backend.core.errors import Unauthorized
from backend.core.security import hash_token, new_token, verify_password
from backend.models import AccessToken, TokenKind
from backend.users import service as users


async def login(session: AsyncSession, username: str, password: str, ttl: timedelta
                ) -> tuple[str, AccessToken]:
    user = await users.find_by_username(session, username)
    ok = verify_password(password, user.password_hash if user else None)
    if user is None or not ok or not user.is_active:
        raise Unauthorized("Wrong username or password.")
    secret = new_token()
    token = AccessToken(user_id=user.id, name="login", kind=TokenKind.session,
                        token_hash=hash_token(secret), prefix=secret[:8],
                        expires_at=datetime.now(UTC) + ttl)
    session.add(token)
    events.record(session, user, "auth.login", "user", user.id)
    return secret, token


async def logout(session: AsyncSession, token: AccessToken) -> None:
    await session.execute(update(AccessToken).where(AccessToken.id == token.id)
                          .values(revoked_at=datetime.now(UTC)))
