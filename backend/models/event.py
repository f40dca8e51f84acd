import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Index
from sqlmodel import Field, SQLModel

from backend.models.base import created_at_field, id_field, json_field


class Event(SQLModel, table=True):
    """Who did what to which resource, when, with what result. Append-only."""

    __tablename__ = "events"
    __table_args__ = (Index("ix_events_target", "target_type", "target_id"),
                      Index("ix_events_group_created", "group_id", "created_at"))

    id: uuid.UUID = id_field()
    created_at: datetime = created_at_field()
    actor_id: uuid.UUID | None = Field(default=None, foreign_key="users.id", ondelete="SET NULL")
    actor_name: str = Field(default="", max_length=64)
    group_id: uuid.UUID | None = Field(default=None, foreign_key="groups.id",
                                       ondelete="SET NULL")
    action: str = Field(max_length=64)
    target_type: str = Field(max_length=32)
    target_id: str = Field(max_length=64)
    outcome: str = Field(default="success", max_length=16)
    detail: dict[str, Any] = json_field()
