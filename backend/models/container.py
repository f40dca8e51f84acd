import uuid
from datetime import datetime
from typing import Any

from sqlmodel import Field, SQLModel

from backend.models.base import created_at_field, id_field, json_field, timestamp_field


class Container(SQLModel, table=True):
    """One running copy of one version on one host: desired here, actual from etcd."""

    __tablename__ = "containers"

    id: uuid.UUID = id_field()
    app_id: uuid.UUID = Field(foreign_key="apps.id", index=True, ondelete="CASCADE")
    version_id: uuid.UUID = Field(foreign_key="versions.id", index=True, ondelete="RESTRICT")
    cluster_id: uuid.UUID = Field(foreign_key="clusters.id", index=True, ondelete="RESTRICT")
    host_id: uuid.UUID | None = Field(default=None, foreign_key="hosts.id", index=True,
                                      ondelete="SET NULL")
    name: str = Field(max_length=128, unique=True)
    docker_id: str | None = Field(default=None, max_length=64)
    desired_state: str = Field(default="running", max_length=16)
    state: str = Field(default="pending", max_length=16)
    health: str | None = Field(default=None, max_length=16)
    ports: dict[str, str] = json_field()
    # As the host last reported them: why a container stopped or is unwell.
    exit_code: int | None = None
    restart_count: int = 0
    health_log: list[dict[str, Any]] = json_field(list)
    last_error: str = Field(default="", max_length=2000)
    # Out of the route while a job restarts it (its desired state stays running): set
    # before the drain, cleared once it serves again or the restart fails.
    draining: bool = False
    # Set when a grayscale upgrade or a reschedule replaces this container.
    replaced_by: uuid.UUID | None = Field(default=None)
    created_at: datetime = created_at_field()
    updated_at: datetime | None = timestamp_field()
