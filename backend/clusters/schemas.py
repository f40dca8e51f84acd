import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict

from backend.core.names import Description, Name


class ClusterCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Name
    description: Description = ""
    group_id: uuid.UUID | None = None  # None: a public cluster (platform admins only)


class ClusterUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    description: Description | None = None


class ClusterRead(BaseModel):
    id: uuid.UUID
    name: str
    description: str
    group_id: uuid.UUID | None
    public: bool
    hosts_total: int
    hosts_ready: int
    created_at: datetime
