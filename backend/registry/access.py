"""What a user may do in the registry, from namespaces, groups and namespace members."""

from sqlalchemy import and_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from backend.models import Member, NamespaceMember, RegistryAccess, RegistryNamespace, Role, User
from backend.registry.scopes import PLATFORM_NAMESPACE, Scope, namespace_of

NOTHING: frozenset[str] = frozenset()
PULL = frozenset({"pull"})
PUSH = frozenset({"pull", "push"})
MANAGE = frozenset({"pull", "push", "delete"})
ROLE_ACTIONS = {Role.viewer: PULL, Role.developer: PUSH, Role.admin: MANAGE, Role.owner: MANAGE}
MEMBER_ACTIONS = {RegistryAccess.pull: PULL, RegistryAccess.push: PUSH}


def actions_for(role: Role | None, access: RegistryAccess | None, public: bool) -> frozenset[str]:
    """The union of what the group role, a namespace membership and publicity give."""
    held = set(ROLE_ACTIONS.get(role, NOTHING) if role else NOTHING)
    held |= MEMBER_ACTIONS.get(access, NOTHING) if access else NOTHING
    if public:
        held |= PULL
    return frozenset(held)


async def namespace_actions(session: AsyncSession, user: User, namespace: str
                            ) -> frozenset[str]:
    if namespace == PLATFORM_NAMESPACE:
        return MANAGE if user.is_admin else PULL
    stmt = (select(col(RegistryNamespace.public), col(Member.role), col(NamespaceMember.access))
            .outerjoin(Member, and_(col(Member.group_id) == RegistryNamespace.group_id,
                                    col(Member.user_id) == user.id))
            .outerjoin(NamespaceMember,
                       and_(col(NamespaceMember.namespace_id) == RegistryNamespace.id,
                            col(NamespaceMember.user_id) == user.id))
            .where(col(RegistryNamespace.name) == namespace))
    row = (await session.execute(stmt)).first()
    if row is None:
        return NOTHING
    public, role, access = row
    return actions_for(role, access, public)


class Resolver:
    """Answers `allowed(scope)` for one user, one query per namespace."""

    def __init__(self, session: AsyncSession, user: User) -> None:
        self.session, self.user = session, user
        self.cache: dict[str, frozenset[str]] = {}

    async def load(self, scopes: list[Scope]) -> None:
        for scope in scopes:
            namespace = namespace_of(scope.name) if scope.type == "repository" else None
            if namespace is not None and namespace not in self.cache:
                self.cache[namespace] = await namespace_actions(self.session, self.user,
                                                                namespace)

    def allowed(self, scope: Scope) -> frozenset[str]:
        if scope.type == "registry":
            return frozenset({"*"}) if self.user.is_admin and scope.name == "catalog" else NOTHING
        if scope.type != "repository":
            return NOTHING
        namespace = namespace_of(scope.name)
        return self.cache.get(namespace, NOTHING) if namespace else NOTHING
