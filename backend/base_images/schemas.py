import enum
import re
import uuid
from typing import Annotated

from pydantic import BaseModel, StringConstraints, field_validator

from backend.core.schemas import Input
from backend.registry.scopes import valid_repository

TAG_RE = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$")  # Docker's tag grammar


class BaseImageKind(enum.StrEnum):
    platform = "platform"
    business = "business"


class BaseImageCreate(Input):
    """Offer a tag of this namespace as a base image: `<namespace>/<repository>:<tag>`."""

    image: Annotated[str, StringConstraints(max_length=400)]
    name: Annotated[str, StringConstraints(min_length=1, max_length=100)]
    description: Annotated[str, StringConstraints(max_length=1000)] = ""

    @field_validator("image")
    @classmethod
    def _reference(cls, value: str) -> str:
        repository, sep, tag = value.rpartition(":")
        if not sep or "/" in tag or not valid_repository(repository) or "/" not in repository:
            raise ValueError("must be <namespace>/<repository>:<tag> (Docker's name grammar)")
        if not TAG_RE.match(tag):
            raise ValueError(f"{tag!r} is not a valid Docker tag")
        return value


class BaseImageRead(BaseModel):
    id: uuid.UUID | None = None  # business images only: the handle to remove them
    image: str  # what a build's FROM names: registry address included
    name: str
    kind: BaseImageKind
    namespace: str
    description: str
