import enum
import uuid
from datetime import datetime
from typing import Any

from sqlmodel import Field, SQLModel

from backend.models.base import created_at_field, enum_field, id_field, json_field, timestamp_field


class JobState(enum.StrEnum):
    queued = "queued"
    running = "running"
    succeeded = "succeeded"
    failed = "failed"


class Job(SQLModel, table=True):
    """A unit of queued work; the row is the truth, the arq message only a wake-up."""

    __tablename__ = "jobs"

    id: uuid.UUID = id_field()
    kind: str = Field(max_length=64, index=True)
    state: JobState = enum_field(JobState, JobState.queued, "job_state")
    progress: int = 0
    message: str = Field(default="", max_length=1000)
    group_id: uuid.UUID | None = Field(default=None, foreign_key="groups.id", index=True,
                                       ondelete="SET NULL")
    created_by: uuid.UUID | None = Field(default=None, foreign_key="users.id",
                                         ondelete="SET NULL")
    target_type: str = Field(default="", max_length=32)
    target_id: str = Field(default="", max_length=64)
    payload: dict[str, Any] = json_field()
    result: dict[str, Any] = json_field()
    attempts: int = 0
    created_at: datetime = created_at_field()
    started_at: datetime | None = timestamp_field()
    finished_at: datetime | None = timestamp_field()
