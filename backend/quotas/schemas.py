import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from backend.core.schemas import Input


class QuotaSet(Input):
    """Limits of one group on one public cluster; null means no limit on that resource."""

    memory_mb: int | None = Field(default=None, ge=0, le=1 << 30,
                                  description="Sum of the memory limits of its containers.")
    containers: int | None = Field(default=None, ge=0, le=100_000)


class QuotaRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    cluster_id: uuid.UUID
    group_id: uuid.UUID
    memory_mb: int | None
    containers: int | None
    updated_at: datetime | None


class QuotaUsage(QuotaRead):
    """A quota beside what the group uses of it now."""

    used_memory_mb: int
    used_containers: int
