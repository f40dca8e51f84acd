import uuid
from datetime import datetime

from sqlmodel import Field, SQLModel

from backend.models.base import timestamp_field


class ClusterQuota(SQLModel, table=True):
    """What one group may use of one public cluster (None: no limit on that resource)."""

    __tablename__ = "cluster_quotas"

    cluster_id: uuid.UUID = Field(foreign_key="clusters.id", primary_key=True,
                                  ondelete="CASCADE")
    group_id: uuid.UUID = Field(foreign_key="groups.id", primary_key=True, index=True,
                                ondelete="CASCADE")
    memory_mb: int | None = None
    containers: int | None = None
    updated_at: datetime | None = timestamp_field()
