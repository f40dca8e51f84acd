import uuid
from datetime import datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from backend.models.base import created_at_field, id_field, timestamp_field


class Deployment(SQLModel, table=True):
    """What should run of one app in one cluster: a version and a replica count."""

    __tablename__ = "deployments"
    __table_args__ = (UniqueConstraint("app_id", "cluster_id"),)

    id: uuid.UUID = id_field()
    app_id: uuid.UUID = Field(foreign_key="apps.id", index=True, ondelete="CASCADE")
    cluster_id: uuid.UUID = Field(foreign_key="clusters.id", index=True, ondelete="RESTRICT")
    version_id: uuid.UUID = Field(foreign_key="versions.id", ondelete="RESTRICT")
    replicas: int = 0
    created_at: datetime = created_at_field()
    updated_at: datetime | None = timestamp_field()
