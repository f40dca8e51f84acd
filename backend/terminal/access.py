"""Who may open a terminal on which container, checked at start and every few seconds.

Refusals carry the websocket close code the protocol promises (API.md): 4401 not
authenticated, 4403 role too low, 4404 missing or not a member (the same answer, so
nobody learns what exists elsewhere), 4409 not running, 4429 too many sessions.
"""

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Protocol

from sqlalchemy import String, cast, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from backend.containers.spec import container_name
from backend.core.auth import user_for_token
from backend.core.security import hash_token
from backend.core.websockets import Refused
from backend.models import App, Container, Host, Member, Role, SshKey, User, Version

MIN_PREFIX = 4


@dataclass(frozen=True)
class Target:
    container_id: uuid.UUID
    app_id: uuid.UUID
    group_id: uuid.UUID
    docker_endpoint: str
    docker_name: str
    shell: str = "/bin/sh"  # the version's


class Credential(Protocol):
    """What a session re-checks: a bearer token (web) or a public key (ssh)."""

    @property
    def kind(self) -> str: ...

    async def user(self, session: AsyncSession) -> User | None: ...


@dataclass(frozen=True)
class TokenCredential:
    token: str
    kind: str = "web"

    async def user(self, session: AsyncSession) -> User | None:
        found = await user_for_token(session, self.token)
        return found[0] if found else None

    def token_hash(self) -> str:
        return hash_token(self.token)


@dataclass(frozen=True)
class KeyCredential:
    key_id: uuid.UUID
    kind: str = "ssh"

    async def user(self, session: AsyncSession) -> User | None:
        return (await session.execute(
            select(User).join(SshKey, SshKey.user_id == User.id)
            .where(SshKey.id == self.key_id, User.is_active.is_(True)))).scalar_one_or_none()


async def user_for_key(session: AsyncSession, fingerprint: str) -> tuple[User, SshKey] | None:
    row = (await session.execute(
        select(User, SshKey).join(SshKey, SshKey.user_id == User.id)
        .where(SshKey.fingerprint == fingerprint, User.is_active.is_(True)))).first()
    if row is None:
        return None
    await session.execute(update(SshKey).where(SshKey.id == row[1].id)
                          .values(last_used_at=datetime.now(UTC)))
    return row[0], row[1]


def _reference(ref: str) -> tuple[uuid.UUID | None, str]:
    """A full container id, or a short prefix of one (as the dashboard shows them)."""
    ref = ref.strip().lower()
    try:
        return uuid.UUID(ref), ref
    except ValueError:
        pass
    if len(ref) < MIN_PREFIX or any(ch not in "0123456789abcdef-" for ch in ref):
        raise Refused(4404, "No container with that id.")
    return None, ref


async def resolve(session: AsyncSession, user: User, ref: str) -> Target:
    """The container `ref` names, if the user may open a terminal on it (developer+)."""
    full, prefix = _reference(ref)
    stmt = (select(Container, App.group_id, Member.role, Host.docker_endpoint, Version.shell)
            .join(App, App.id == Container.app_id)
            .join(Version, Version.id == Container.version_id)
            .join(Member, (Member.group_id == App.group_id) & (Member.user_id == user.id))
            .outerjoin(Host, Host.id == Container.host_id)
            .where(Container.desired_state != "removed"))
    if full is not None:
        stmt = stmt.where(Container.id == full)
    else:
        stmt = stmt.where(cast(Container.id, String).like(prefix + "%")).limit(2)
    rows = (await session.execute(stmt)).all()
    if not rows:
        raise Refused(4404, "No container with that id.")
    if len(rows) > 1:
        raise Refused(4404, f"The prefix {prefix!r} names several of your containers: "
                            "give more of the id.")
    container, group_id, role, endpoint, shell = rows[0]
    if not Role(role).allows(Role.developer):
        raise Refused(4403, f"A terminal needs the developer role in the app's group; you "
                            f"are {Role(role).value}.")
    if container.state != "running" or endpoint is None or container.docker_id is None:
        raise Refused(4409, f"The container is not running (it is {container.state}).")
    return Target(container_id=container.id, app_id=container.app_id, group_id=group_id,
                  docker_endpoint=endpoint, docker_name=container_name(str(container.id)),
                  shell=shell)


async def still_allowed(session: AsyncSession, credential: Credential, target: Target
                        ) -> str | None:
    """None while the session may go on, else why it must end."""
    user = await credential.user(session)
    if user is None:
        return "revoked"
    role = (await session.execute(select(Member.role).where(
        Member.group_id == target.group_id, Member.user_id == user.id))).scalar_one_or_none()
    if role is None or not Role(role).allows(Role.developer):
        return "forbidden"
    exists = (await session.execute(select(Container.id).where(
        Container.id == target.container_id, Container.desired_state != "removed")
    )).scalar_one_or_none()
    return None if exists else "removed"
