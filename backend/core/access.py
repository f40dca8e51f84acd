"""Group isolation, enforced where objects are queried.

Every object that belongs to a group is loaded through `load_scoped` or listed through
`only_visible`: both join the caller's membership, so a non-member's query finds no
row and the caller gets 404, exactly as for an object that does not exist. A member
whose role is too low gets 403: they may already see that the object exists.
"""

import uuid
from typing import Any, TypeVar

from sqlalchemy import Select, and_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from backend.core.errors import Forbidden, NotFound
from backend.models import Member, Role, User

T = TypeVar("T")


def member_join(group_col: Any, user: User) -> Any:
    return and_(Member.group_id == group_col, Member.user_id == user.id)


def only_visible(stmt: Select[Any], group_col: InstrumentedAttribute[Any], user: User
                 ) -> Select[Any]:
    """Restrict a select to rows whose group the user is a member of."""
    return stmt.join(Member, member_join(group_col, user))


def my_group_ids(user: User) -> Select[tuple[uuid.UUID]]:
    return select(Member.group_id).where(Member.user_id == user.id)


def check_role(role: Role, need: Role, what: str) -> None:
    if not role.allows(need):
        raise Forbidden(f"This needs the {need.value} role in the group that owns the "
                        f"{what}; you are {role.value}.")


async def load_scoped_row(session: AsyncSession, stmt: Select[Any],
                          group_col: InstrumentedAttribute[Any], user: User, need: Role,
                          what: str) -> tuple[Any, Role]:
    """Like load_scoped, for a select of several columns: returns the whole row."""
    row = (await session.execute(
        stmt.add_columns(Member.role).join(Member, member_join(group_col, user)).limit(1)
    )).first()
    if row is None:
        raise NotFound(f"No {what} with that id.")
    check_role(row[-1], need, what)
    return row[:-1], row[-1]


async def load_scoped(session: AsyncSession, stmt: Select[Any],
                      group_col: InstrumentedAttribute[Any], user: User, need: Role,
                      what: str) -> tuple[Any, Role]:
    """Load the first entity of `stmt` if the user is a member of its group.

    Returns (entity, role); raises NotFound for non-members, Forbidden below `need`.
    """
    row, role = await load_scoped_row(session, stmt, group_col, user, need, what)
    return row[0], role


async def role_in_group(session: AsyncSession, user: User, group_id: uuid.UUID) -> Role | None:
    return (await session.execute(
        select(Member.role).where(Member.group_id == group_id, Member.user_id == user.id)
    )).scalar_one_or_none()
