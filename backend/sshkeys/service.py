import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from backend.core import events
from backend.core.errors import Conflict, NotFound, Unprocessable
from backend.core.pagination import PageParams, paginate
from backend.models import SshKey, User
from backend.sshkeys.keys import BadKey, parse


async def add_key(session: AsyncSession, user: User, name: str, public_key: str) -> SshKey:
    try:
        parsed = parse(public_key)
    except BadKey as exc:
        raise Unprocessable(str(exc)) from exc
    taken = (await session.execute(select(SshKey.user_id).where(
        SshKey.fingerprint == parsed.fingerprint))).scalar_one_or_none()
    if taken is not None:
        # Said the same whoever holds it: a key maps to exactly one user.
        raise Conflict("This key is already registered.")
    key = SshKey(user_id=user.id, name=name, public_key=parsed.public_key,
                 fingerprint=parsed.fingerprint, key_type=parsed.key_type)
    session.add(key)
    await session.flush()
    events.record(session, user, "sshkey.add", "user", user.id, key=str(key.id),
                  fingerprint=key.fingerprint)
    return key


async def list_keys(session: AsyncSession, user: User, params: PageParams
                    ) -> tuple[list[SshKey], str | None]:
    stmt = select(SshKey).where(SshKey.user_id == user.id)
    return await paginate(session, stmt, [SshKey.created_at, SshKey.id], params)


async def delete_key(session: AsyncSession, user: User, key_id: uuid.UUID) -> None:
    key = (await session.execute(select(SshKey).where(
        SshKey.id == key_id, SshKey.user_id == user.id))).scalar_one_or_none()
    if key is None:
        raise NotFound("No SSH key of yours with that id.")
    await session.delete(key)
    events.record(session, user, "sshkey.delete", "user", user.id, key=str(key.id),
                  fingerprint=key.fingerprint)
