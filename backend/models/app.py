import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from backend.models.base import created_at_field, id_field, json_field, timestamp_field


class App(SQLModel, table=True):
    __tablename__ = "apps"
    __table_args__ = (UniqueConstraint("group_id", "name"),)

    id: uuid.UUID = id_field()
    group_id: uuid.UUID = Field(foreign_key="groups.id", index=True, ondelete="RESTRICT")
    name: str = Field(max_length=63)
    description: str = Field(default="", max_length=1000)
    # Incremented with every new version: part of the image tag (c<revision>).
    config_revision: int = 0
    # Opt-in: {repository_id, branch_or_tag_pattern}; a successful matching build makes a
    # new version from the latest one with the built image.
    auto_version: dict[str, Any] | None = json_field(default_factory=lambda: None,
                                                     nullable=True)
    created_at: datetime = created_at_field()
    updated_at: datetime | None = timestamp_field()


class AppDomain(SQLModel, table=True):
    """A domain routed to one app; globally unique, since nginx can route it only once."""

    __tablename__ = "app_domains"

    domain: str = Field(primary_key=True, max_length=253)
    app_id: uuid.UUID = Field(foreign_key="apps.id", index=True, ondelete="CASCADE")
