"""Who may see and change an image repository.

Read: a member of the namespace's group (any role) or an extra namespace member. Write
(configuration, builds): the group's developers and up, or a member with push. Delete:
the group's admins, as for the registry's delete. Anyone else gets 404.
"""

import enum
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from backend.core.errors import Forbidden
from backend.models import (
    ImageRepository,
    Member,
    NamespaceMember,
    RegistryAccess,
    RegistryNamespace,
    Role,
    User,
)
from backend.repositories.errors import RepositoryNotFound


def may_write(role: Role | None, access: RegistryAccess | None) -> bool:
    return (role is not None and role.allows(Role.developer)) or access == RegistryAccess.push


class Need(enum.Enum):
    read = "read"
    write = "write"
    manage_hook = "manage_hook"  # the webhook secret: the group's developers and up
    delete = "delete"


@dataclass
class RepoAccess:
    """One repository with its namespace, as one caller sees it."""

    repository: ImageRepository
    namespace: RegistryNamespace
    role: Role | None  # in the namespace's group
    access: RegistryAccess | None  # as an extra namespace member

    @property
    def can_write(self) -> bool:
        return may_write(self.role, self.access)

    @property
    def sees_secret(self) -> bool:
        """The webhook secret goes to the group's developers and up only."""
        return bool(self.role and self.role.allows(Role.developer))

    def require(self, need: Need) -> None:
        if need is Need.write and not self.can_write:
            raise Forbidden("This needs the developer role in the group that owns the "
                            "namespace, or push access to the namespace.")
        if need is Need.manage_hook and not self.sees_secret:
            raise Forbidden("The webhook secret is for the developers and up of the group "
                            "that owns the namespace.")
        if need is Need.delete and not (self.role and self.role.allows(Role.admin)):
            raise Forbidden("Deleting a repository needs the admin role in the group that "
                            "owns the namespace.")


def visible_stmt(user: User) -> Any:
    """A select of (repository, namespace, role, access) the user may read."""
    return (select(ImageRepository, RegistryNamespace, col(Member.role),
                   col(NamespaceMember.access))
            .join(RegistryNamespace, col(RegistryNamespace.id) == ImageRepository.namespace_id)
            .outerjoin(Member, and_(col(Member.group_id) == RegistryNamespace.group_id,
                                    col(Member.user_id) == user.id))
            .outerjoin(NamespaceMember,
                       and_(col(NamespaceMember.namespace_id) == RegistryNamespace.id,
                            col(NamespaceMember.user_id) == user.id))
            .where(or_(col(Member.role).is_not(None), col(NamespaceMember.access).is_not(None))))


async def get_repository(session: AsyncSession, user: User, repo_id: uuid.UUID,
                         need: Need = Need.read, *, for_update: bool = False) -> RepoAccess:
    stmt = visible_stmt(user).where(col(ImageRepository.id) == repo_id)
    if for_update:
        stmt = stmt.with_for_update(of=ImageRepository)
    row = (await session.execute(stmt)).first()
    if row is None:
        raise RepositoryNotFound("No image repository with that id.")
    scoped = RepoAccess(*row)
    scoped.require(need)
    return scoped
