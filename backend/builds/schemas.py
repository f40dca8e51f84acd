import enum
import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field, field_validator

from backend.core.schemas import Input
from backend.models import BuildStatus, BuildStep
from backend.repositories import rules


class Trigger(enum.StrEnum):
    manual = "manual"
    push = "push"
    tag = "tag"


class RefType(enum.StrEnum):
    branch = "branch"
    tag = "tag"
    # A manual build of a name that is neither `refs/…` nor the configured branch: the
    # builder looks it up (branches first, then tags) and records what it found.
    auto = "auto"


class BuildCreate(Input):

    ref: str | None = Field(default=None, max_length=255, examples=["main", "refs/tags/v1.4.0"],
                            description="Branch or tag to build; the repository's branch if "
                                        "left out. `refs/tags/x` builds the tag x.")

    @field_validator("ref")
    @classmethod
    def _ref(cls, v: str | None) -> str | None:
        if v is None:
            return v
        name = v.removeprefix("refs/tags/").removeprefix("refs/heads/")
        if err := rules.ref_name_error(v, "ref") or rules.ref_name_error(name, "ref"):
            raise ValueError(err)
        return v


class BuildRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    repository_id: uuid.UUID
    status: BuildStatus
    step: BuildStep | None
    trigger: str
    ref: str
    ref_type: str
    commit: str | None
    config_revision: int
    tag: str | None
    image: str | None
    digest: str | None
    size: int | None
    dockerfile: str | None
    reason: str | None
    cancel_requested: bool
    created_by: uuid.UUID | None
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    duration_s: float | None = Field(default=None, description="From start to finish.")


class ImageTagRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    tag: str
    image: str
    digest: str | None
    size: int | None
    commit: str | None
    config_revision: int | None
    build_id: uuid.UUID | None
    created_at: datetime
