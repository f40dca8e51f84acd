import uuid

from sqlalchemy import delete, exists, select
from sqlalchemy.ext.asyncio import AsyncSession

from backend.core import events
from backend.core.access import check_role, load_scoped, only_visible
from backend.core.errors import NotFound
from backend.core.pagination import PageParams, paginate
from backend.groups.errors import (
    GroupNameTaken,
    GroupNotEmpty,
    MemberExists,
    MemberNotFound,
    OwnerImmutable,
)
from backend.models import App, Cluster, Group, Member, RegistryNamespace, Role, User


async def get_group(session: AsyncSession, user: User, group_id: uuid.UUID,
                    need: Role = Role.viewer) -> tuple[Group, Role]:
    group, role = await load_scoped(session, select(Group).where(Group.id == group_id),
                                    Group.id, user, need, "group")
    return group, role


async def list_groups(session: AsyncSession, user: User, params: PageParams
                      ) -> tuple[list[tuple[Group, Role]], str | None]:
    stmt = only_visible(select(Group), Group.id, user)
    groups, cursor = await paginate(session, stmt, [Group.name], params)
    role_rows = await session.execute(select(Member.group_id, Member.role).where(
        Member.user_id == user.id, Member.group_id.in_([g.id for g in groups])))
    roles: dict[uuid.UUID, Role] = dict(role_rows.all())
    return [(g, roles[g.id]) for g in groups], cursor


async def create_group(session: AsyncSession, user: User, name: str, description: str) -> Group:
    if await session.scalar(select(Group.id).where(Group.name == name)) is not None:
        raise GroupNameTaken(f"A group named {name!r} exists already.")
    group = Group(name=name, description=description)
    session.add(group)
    await session.flush()
    session.add(Member(group_id=group.id, user_id=user.id, role=Role.owner))
    events.record(session, user, "group.create", "group", group.id, group_id=group.id, name=name)
    return group


async def update_group(session: AsyncSession, user: User, group_id: uuid.UUID,
                       changes: dict[str, object]) -> tuple[Group, Role]:
    group, role = await get_group(session, user, group_id, Role.admin)
    for key, value in changes.items():
        setattr(group, key, value)
    events.record(session, user, "group.update", "group", group.id, group_id=group.id,
                  fields=sorted(changes))
    return group, role


async def delete_group(session: AsyncSession, user: User, group_id: uuid.UUID) -> None:
    group, _ = await get_group(session, user, group_id, Role.owner)
    for model, what in ((App, "apps"), (Cluster, "clusters"),
                        (RegistryNamespace, "registry namespaces")):
        if await session.scalar(select(exists().where(model.group_id == group.id))):
            raise GroupNotEmpty(f"The group still has {what}; delete them first.")
    events.record(session, user, "group.delete", "group", group.id, name=group.name)
    await session.delete(group)


async def list_members(session: AsyncSession, user: User, group_id: uuid.UUID,
                       params: PageParams) -> tuple[list[tuple[Member, str]], str | None]:
    await get_group(session, user, group_id)
    stmt = (select(Member).where(Member.group_id == group_id))
    members, cursor = await paginate(session, stmt, [Member.created_at, Member.user_id], params)
    names: dict[uuid.UUID, str] = dict((await session.execute(select(User.id, User.username).where(
        User.id.in_([m.user_id for m in members])))).all())
    return [(m, names[m.user_id]) for m in members], cursor


async def _target_user(session: AsyncSession, user_id: uuid.UUID | None,
                       username: str | None) -> User:
    cond = User.id == user_id if user_id is not None else User.username == username
    target = (await session.execute(select(User).where(cond))).scalar_one_or_none()
    if target is None or not target.is_active:
        raise NotFound("No active user with that id or username.")
    return target


async def _member(session: AsyncSession, group_id: uuid.UUID, user_id: uuid.UUID) -> Member:
    member = await session.get(Member, (group_id, user_id))
    if member is None:
        raise MemberNotFound("That user is not a member of this group.")
    return member


async def add_member(session: AsyncSession, user: User, group_id: uuid.UUID,
                     user_id: uuid.UUID | None, username: str | None, role: Role
                     ) -> tuple[Member, str]:
    await get_group(session, user, group_id, Role.admin)
    target = await _target_user(session, user_id, username)
    if await session.get(Member, (group_id, target.id)) is not None:
        raise MemberExists(f"{target.username} is already a member; change the role with PATCH.")
    member = Member(group_id=group_id, user_id=target.id, role=role)
    session.add(member)
    await session.flush()
    events.record(session, user, "member.add", "group", group_id, group_id=group_id,
                  member=target.username, role=role.value)
    return member, target.username


async def update_member(session: AsyncSession, user: User, group_id: uuid.UUID,
                        user_id: uuid.UUID, role: Role) -> tuple[Member, str]:
    await get_group(session, user, group_id, Role.admin)
    member = await _member(session, group_id, user_id)
    if member.role == Role.owner:
        raise OwnerImmutable("Transfer ownership to someone else first.")
    member.role = role
    target = await session.get(User, user_id)
    assert target is not None
    events.record(session, user, "member.update", "group", group_id, group_id=group_id,
                  member=target.username, role=role.value)
    return member, target.username


async def remove_member(session: AsyncSession, user: User, group_id: uuid.UUID,
                        user_id: uuid.UUID) -> None:
    # Anyone may leave a group; removing someone else needs admin.
    need = Role.viewer if user_id == user.id else Role.admin
    await get_group(session, user, group_id, need)
    member = await _member(session, group_id, user_id)
    if member.role == Role.owner:
        raise OwnerImmutable("The owner cannot leave or be removed; transfer ownership first.")
    await session.execute(delete(Member).where(Member.group_id == group_id,
                                               Member.user_id == user_id))
    events.record(session, user, "member.remove", "group", group_id, group_id=group_id,
                  member=str(user_id))


async def transfer(session: AsyncSession, user: User, group_id: uuid.UUID,
                   new_owner_id: uuid.UUID) -> Group:
    # The group row's lock serialises transfers: each re-reads the caller's role after
    # the one before it committed, so concurrent calls can never leave two owners.
    await session.execute(select(Group.id).where(Group.id == group_id).with_for_update())
    group, role = await get_group(session, user, group_id, Role.owner)
    check_role(role, Role.owner, "group")
    if new_owner_id == user.id:
        raise OwnerImmutable("You own this group already.")
    target = await _member(session, group_id, new_owner_id)
    owner = await _member(session, group_id, user.id)
    owner.role, target.role = Role.admin, Role.owner
    events.record(session, user, "group.transfer", "group", group_id, group_id=group_id,
                  new_owner=str(new_owner_id))
    return group
