"""The event log: every mutation writes its event in the same transaction."""

import uuid
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from backend.models import Event, User


def record(session: AsyncSession, actor: User | None, action: str, target_type: str,
           target_id: uuid.UUID | str, *, group_id: uuid.UUID | None = None,
           outcome: str = "success", **detail: Any) -> Event:
    event = Event(actor_id=actor.id if actor else None,
                  actor_name=actor.username if actor else "system",
                  group_id=group_id, action=action, target_type=target_type,
                  target_id=str(target_id), outcome=outcome, detail=detail)
    session.add(event)
    return event
