import enum
import uuid
from datetime import datetime
from typing import Any

from sqlmodel import Field, SQLModel

from backend.models.base import created_at_field, enum_field, id_field, json_field, timestamp_field


class Cluster(SQLModel, table=True):
    """A set of Docker hosts. Public when group_id is null (run by platform admins)."""

    __tablename__ = "clusters"

    id: uuid.UUID = id_field()
    name: str = Field(max_length=63, unique=True, index=True)
    description: str = Field(default="", max_length=1000)
    group_id: uuid.UUID | None = Field(default=None, foreign_key="groups.id", index=True,
                                       ondelete="RESTRICT")
    created_at: datetime = created_at_field()


class HostStatus(enum.StrEnum):
    ready = "Ready"
    not_ready = "NotReady"
    cordoned = "Cordoned"


class Host(SQLModel, table=True):
    __tablename__ = "hosts"

    id: uuid.UUID = id_field()
    cluster_id: uuid.UUID = Field(foreign_key="clusters.id", index=True, ondelete="RESTRICT")
    name: str = Field(max_length=63, unique=True)
    address: str = Field(max_length=255)
    docker_endpoint: str = Field(max_length=512)
    labels: dict[str, str] = json_field()
    status: HostStatus = enum_field(HostStatus, HostStatus.not_ready, "host_status")
    cordoned: bool = False
    facts: dict[str, Any] = json_field()
    last_seen_at: datetime | None = timestamp_field()
    created_at: datetime = created_at_field()
