import uuid
from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from backend.core.access import my_group_ids
from backend.core.pagination import PageParams, paginate
from backend.models import Event, User


def visible_events(user: User) -> Any:
    """Your groups' events, your own actions, and (for platform admins) platform events."""
    conds = [Event.group_id.in_(my_group_ids(user)), Event.actor_id == user.id]
    if user.is_admin:
        conds.append(Event.group_id.is_(None))
    return or_(*conds)


async def list_events(session: AsyncSession, user: User, params: PageParams, *,
                      target_type: str | None, target_id: str | None,
                      group_id: uuid.UUID | None) -> tuple[list[Event], str | None]:
    filters = [visible_events(user)]
    if target_type is not None:
        filters.append(Event.target_type == target_type)
    if target_id is not None:
        filters.append(Event.target_id == target_id)
    if group_id is not None:
        filters.append(Event.group_id == group_id)
    stmt = select(Event).where(and_(*filters))
    return await paginate(session, stmt, [Event.created_at, Event.id], params, descending=True)
