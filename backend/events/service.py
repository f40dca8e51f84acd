import uuid
from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from backend.core.access import my_group_ids
from backend.core.pagination import PageParams, paginate
from backend.groups.service import get_group
from backend.models import Event, User


def visible_events(user: User) -> Any:
    """Events of the groups you are in now, your own actions outside any group, and (for
    platform admins) platform events. A removed member sees nothing more of the group."""
    conds = [Event.group_id.in_(my_group_ids(user)),
             and_(Event.group_id.is_(None), Event.actor_id == user.id)]
    if user.is_admin:
        conds.append(Event.group_id.is_(None))
    return or_(*conds)


async def list_events(session: AsyncSession, user: User, params: PageParams, *,
                      target_type: str | None, target_id: str | None,
                      group_id: uuid.UUID | None, action: str | None = None,
                      actor_id: uuid.UUID | None = None, outcome: str | None = None
                      ) -> tuple[list[Event], str | None]:
    if group_id is not None:
        await get_group(session, user, group_id)  # 404 for a group you are not in
    filters = [visible_events(user)]
    if action is not None:  # a prefix: "app." gives every app action
        filters.append(col(Event.action).startswith(action, autoescape=True))
    if actor_id is not None:
        filters.append(Event.actor_id == actor_id)
    if outcome is not None:
        filters.append(Event.outcome == outcome)
    if target_type is not None:
        filters.append(Event.target_type == target_type)
    if target_id is not None:
        filters.append(Event.target_id == target_id)
    if group_id is not None:
        filters.append(Event.group_id == group_id)
    stmt = select(Event).where(and_(*filters))
    return await paginate(session, stmt, [Event.created_at, Event.id], params, descending=True)
