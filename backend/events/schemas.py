import uuid
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict


class EventRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    created_at: datetime
    actor_id: uuid.UUID | None
    actor_name: str
    group_id: uuid.UUID | None
    action: str
    target_type: str
    target_id: str
    outcome: str
    detail: dict[str, Any]
