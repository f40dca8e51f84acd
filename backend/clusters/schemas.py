import uuid
from datetime import datetime

from pydantic import BaseModel

from backend.core.names import Description, Name
from backend.core.schemas import Input


class ClusterCreate(Input):

    name: Name
    description: Description = ""
    group_id: uuid.UUID | None = None  # None: a public cluster (platform admins only)


class ClusterUpdate(Input):

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
