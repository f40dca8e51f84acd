import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from backend.models.base import created_at_field, id_field, json_field


class Version(SQLModel, table=True):
    """An immutable, numbered configuration of an app. Never updated after insert."""

    __tablename__ = "versions"
    __table_args__ = (UniqueConstraint("app_id", "number"),)

    id: uuid.UUID = id_field()
    app_id: uuid.UUID = Field(foreign_key="apps.id", index=True, ondelete="CASCADE")
    number: int
    config_revision: int
    image: str = Field(max_length=512)
    command: list[str] | None = json_field(default_factory=lambda: None, nullable=True)
    env: dict[str, str] = json_field()
    ports: list[dict[str, Any]] = json_field(list)
    volumes: list[dict[str, Any]] = json_field(list)
    memory_mb: int
    cpu_shares: int = 1024
    health_check: dict[str, Any] | None = json_field(default_factory=lambda: None, nullable=True)
    constraints: dict[str, str] = json_field()
    note: str = Field(default="", max_length=1000)
    # What a terminal opens in the container (web or ssh) unless it asks for a command.
    shell: str = Field(default="/bin/sh", max_length=64)
    created_by: uuid.UUID | None = Field(default=None, foreign_key="users.id",
                                         ondelete="SET NULL")
    created_at: datetime = created_at_field()
