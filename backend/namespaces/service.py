"""Registry namespaces: owned by a group, with extra members who may pull or push.

A namespace is visible to its group's members, its own members and, when public, to
every signed-in user; anyone else gets 404 as for a namespace that does not exist.
"""

import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, exists, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from backend.core import events
from backend.core.access import check_role
from backend.core.errors import Forbidden, NotFound
from backend.core.pagination import PageParams, paginate
from backend.groups.service import get_group
from backend.models import (
    ImageRepository,
    Member,
    NamespaceMember,
    RegistryAccess,
    RegistryNamespace,
    Role,
    User,
)
from backend.namespaces.errors import (
    NamespaceMemberExists,
    NamespaceMemberNotFound,
    NamespaceNameTaken,
    NamespaceNotEmpty,
)
from backend.namespaces.schemas import MyAccess
from backend.registry.access import actions_for
from backend.registry.scopes import PLATFORM_NAMESPACE
from backend.users.service import find_by_username

RESERVED = frozenset({PLATFORM_NAMESPACE})


@dataclass
class Scoped:
    """A namespace as one caller sees it."""

    namespace: RegistryNamespace
    role: Role | None  # in the owning group
    access: RegistryAccess | None  # as an extra member

    @property
    def my_access(self) -> MyAccess:
        held = actions_for(self.role, self.access, self.namespace.public)
        if "delete" in held:
            return MyAccess.manage
        return MyAccess.push if "push" in held else MyAccess.pull

    def require(self, need: Role) -> None:
        """Group roles manage; extra members and public readers only pull and push."""
        if self.role is None:
            raise Forbidden(f"This needs the {need.value} role in the group that owns the "
                            f"namespace; you are not a member of that group.")
        check_role(self.role, need, "namespace")


def _visible_stmt(user: User) -> Any:  # a select of (namespace, role, access)
    return (select(RegistryNamespace, Member.role, NamespaceMember.access)
            .outerjoin(Member, and_(Member.group_id == RegistryNamespace.group_id,
                                    Member.user_id == user.id))
            .outerjoin(NamespaceMember, and_(NamespaceMember.namespace_id == RegistryNamespace.id,
                                             NamespaceMember.user_id == user.id))
            .where(or_(Member.role.is_not(None), NamespaceMember.access.is_not(None),
                       RegistryNamespace.public)))


async def get_namespace(session: AsyncSession, user: User, name: str,
                        need: Role | None = None) -> Scoped:
    row = (await session.execute(_visible_stmt(user).where(RegistryNamespace.name == name))
           ).first()
    if row is None:
        raise NotFound("No namespace with that name.")
    scoped = Scoped(row[0], row[1], row[2])
    if need is not None:
        scoped.require(need)
    return scoped


async def list_namespaces(session: AsyncSession, user: User, params: PageParams
                          ) -> tuple[list[Scoped], str | None]:
    rows, cursor = await paginate(session, _visible_stmt(user), [RegistryNamespace.name], params)
    return [Scoped(row[0], row[1], row[2]) for row in rows], cursor


async def create_namespace(session: AsyncSession, user: User, name: str, group_id: uuid.UUID,
                           public: bool) -> Scoped:
    _, role = await get_group(session, user, group_id, Role.admin)
    if name in RESERVED:
        raise NamespaceNameTaken(f"{name!r} is reserved for the platform's base images.")
    if await session.scalar(select(RegistryNamespace.id)
                            .where(RegistryNamespace.name == name)) is not None:
        raise NamespaceNameTaken(f"A namespace named {name!r} exists already.")
    namespace = RegistryNamespace(name=name, group_id=group_id, public=public)
    session.add(namespace)
    await session.flush()
    events.record(session, user, "namespace.create", "namespace", namespace.id,
                  group_id=group_id, name=name, public=public)
    return Scoped(namespace, role, None)


async def update_namespace(session: AsyncSession, user: User, name: str, public: bool | None
                           ) -> Scoped:
    scoped = await get_namespace(session, user, name, Role.admin)
    if public is not None:
        scoped.namespace.public = public
    events.record(session, user, "namespace.update", "namespace", scoped.namespace.id,
                  group_id=scoped.namespace.group_id, public=scoped.namespace.public)
    return scoped


async def delete_namespace(session: AsyncSession, user: User, name: str) -> None:
    scoped = await get_namespace(session, user, name, Role.admin)
    namespace = scoped.namespace
    if await session.scalar(select(exists().where(
            ImageRepository.namespace_id == namespace.id))):
        raise NamespaceNotEmpty("Delete the namespace's image repositories first.")
    events.record(session, user, "namespace.delete", "namespace", namespace.id,
                  group_id=namespace.group_id, name=namespace.name)
    await session.delete(namespace)


async def list_members(session: AsyncSession, user: User, name: str
                       ) -> list[tuple[NamespaceMember, str]]:
    scoped = await get_namespace(session, user, name, Role.viewer)
    rows = await session.execute(
        select(NamespaceMember, User.username).join(User, User.id == NamespaceMember.user_id)
        .where(NamespaceMember.namespace_id == scoped.namespace.id).order_by(User.username))
    return [(m, u) for m, u in rows.all()]


async def add_member(session: AsyncSession, user: User, name: str, username: str,
                     access: RegistryAccess) -> tuple[NamespaceMember, str]:
    scoped = await get_namespace(session, user, name, Role.admin)
    target = await find_by_username(session, username)
    if target is None or not target.is_active:
        raise NotFound(f"No active user named {username!r}.")
    if await session.get(NamespaceMember, (scoped.namespace.id, target.id)) is not None:
        raise NamespaceMemberExists(f"{username} is a member already: change their access.")
    member = NamespaceMember(namespace_id=scoped.namespace.id, user_id=target.id, access=access)
    session.add(member)
    events.record(session, user, "namespace.member_add", "namespace", scoped.namespace.id,
                  group_id=scoped.namespace.group_id, user=username, access=access.value)
    await session.flush()
    return member, target.username


async def _member(session: AsyncSession, namespace: RegistryNamespace, user_id: uuid.UUID
                  ) -> tuple[NamespaceMember, str]:
    row = (await session.execute(
        select(NamespaceMember, User.username).join(User, User.id == NamespaceMember.user_id)
        .where(NamespaceMember.namespace_id == namespace.id,
               NamespaceMember.user_id == user_id))).first()
    if row is None:
        raise NamespaceMemberNotFound("That user is not a member of the namespace.")
    return row[0], row[1]


async def update_member(session: AsyncSession, user: User, name: str, user_id: uuid.UUID,
                        access: RegistryAccess) -> tuple[NamespaceMember, str]:
    scoped = await get_namespace(session, user, name, Role.admin)
    member, username = await _member(session, scoped.namespace, user_id)
    member.access = access
    events.record(session, user, "namespace.member_update", "namespace", scoped.namespace.id,
                  group_id=scoped.namespace.group_id, user=username, access=access.value)
    return member, username


async def remove_member(session: AsyncSession, user: User, name: str, user_id: uuid.UUID
                        ) -> None:
    scoped = await get_namespace(session, user, name, Role.admin)
    member, username = await _member(session, scoped.namespace, user_id)
    events.record(session, user, "namespace.member_remove", "namespace", scoped.namespace.id,
                  group_id=scoped.namespace.group_id, user=username)
    await session.delete(member)


async def list_visible_names(session: AsyncSession, user: User) -> dict[uuid.UUID, str]:
    """Every namespace the user may pull from, id to name."""
    rows = await session.execute(_visible_stmt(user).with_only_columns(
        RegistryNamespace.id, RegistryNamespace.name))
    return {ns_id: name for ns_id, name in rows.all()}
