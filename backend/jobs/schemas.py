import uuid
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict

from backend.models import JobState


class JobRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    kind: str
    state: JobState
    progress: int
    message: str
    group_id: uuid.UUID | None
    target_type: str
    target_id: str
    result: dict[str, Any]
    attempts: int
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
