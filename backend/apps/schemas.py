import uuid
from datetime import datetime
from typing import Annotated

from pydantic import AfterValidator, BaseModel, Field

from backend.core.names import Description, Name
from backend.core.schemas import Input

_LABEL = r"[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?"
DOMAIN_PATTERN = rf"^{_LABEL}(\.{_LABEL})+$"


def _unique(domains: list[str]) -> list[str]:
    if len(set(domains)) != len(domains):
        raise ValueError("domains must not repeat")
    return domains


Domain = Annotated[str, Field(pattern=DOMAIN_PATTERN, max_length=253,
                              examples=["shop.example.com"])]
Domains = Annotated[list[Domain], Field(max_length=50), AfterValidator(_unique)]


class AppCreate(Input):

    name: Name
    description: Description = ""
    domains: Domains = []


class AppUpdate(Input):

    description: Description | None = None
    domains: Domains | None = None


class AppRead(BaseModel):
    id: uuid.UUID
    group_id: uuid.UUID
    name: str
    description: str
    domains: list[str]
    config_revision: int
    latest_version: int | None
    created_at: datetime
    updated_at: datetime | None
