import uuid
from datetime import datetime
from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, BaseModel, Field, SecretStr

from backend.core.names import Description, Name
from backend.core.schemas import Input

_LABEL = r"[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?"
# RFC 1123 host names; a leading "*." (one whole label) only by platform admins.
DOMAIN_PATTERN = rf"^(\*\.)?{_LABEL}(\.{_LABEL})+$"


def _unique(domains: list[str]) -> list[str]:
    if len(set(domains)) != len(domains):
        raise ValueError("domains must not repeat")
    return domains


Domain = Annotated[str, Field(pattern=DOMAIN_PATTERN, max_length=253,
                              examples=["shop.example.com"])]
Domains = Annotated[list[Domain], Field(max_length=50), AfterValidator(_unique)]


class AutoVersion(Input):
    """A successful build of this repository whose branch or tag matches the pattern makes
    a new version from the app's latest one, with the built image."""

    repository_id: uuid.UUID
    branch_or_tag_pattern: str = Field(min_length=1, max_length=255, pattern=r"^[^\s\x00]+$",
                                       examples=["main", "v*", "release/*"],
                                       description="fnmatch-style: *, ?, [abc].")


class AppCreate(Input):

    name: Name
    description: Description = ""
    domains: Domains = []


class AppUpdate(Input):

    description: Description | None = None
    domains: Domains | None = None
    auto_version: AutoVersion | None = Field(
        default=None, description="Versions from builds; null turns them off.")


class AppRead(BaseModel):
    id: uuid.UUID
    group_id: uuid.UUID
    name: str
    description: str
    domains: list[str]
    config_revision: int
    latest_version: int | None
    auto_version: AutoVersion | None = None
    created_at: datetime
    updated_at: datetime | None


class DomainState(StrEnum):
    routed = "routed"  # nginx sends it to `serving` containers
    no_serving_container = "no_serving_container"  # deployed, none serves: nginx says 503
    not_deployed = "not_deployed"  # no container at all


class CertificateRead(BaseModel):
    """The uploaded certificate's public facts (the key is never returned)."""

    names: list[str]
    issuer: str
    not_before: datetime
    expires_at: datetime
    fingerprint_sha256: str


class DomainRead(BaseModel):
    domain: str
    url: str
    state: DomainState
    serving: int
    certificate: CertificateRead | None


class CertificateUpload(Input):
    certificate: str = Field(min_length=1, max_length=65536,
                             description="PEM: the certificate, then its chain.")
    private_key: SecretStr = Field(min_length=1, max_length=16384,
                                   description="PEM, unencrypted. Never returned or logged.")
