import uuid
from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, Field, StringConstraints, field_validator

from backend.core.schemas import Input
from backend.registry.scopes import COMPONENT
from backend.repositories import rules
from backend.versions.rules import IMAGE_REF

# One path component of Docker's repository-name grammar: `<namespace>/<name>`.
RepositoryName = Annotated[str, StringConstraints(pattern=rf"^{COMPONENT}$", min_length=1,
                                                  max_length=128)]
Script = Annotated[str, Field(max_length=rules.MAX_SCRIPT)]


def _check(err: str | None) -> None:
    if err:
        raise ValueError(err)


class RepositoryPort(Input):

    container_port: int = Field(ge=1, le=65535)


class RepositoryVolume(Input):

    container_path: str = Field(max_length=1024, examples=["/data"])

    @field_validator("container_path")
    @classmethod
    def _path(cls, v: str) -> str:
        _check(rules.volume_path_error(v))
        return v


Ports = Annotated[list[RepositoryPort], Field(max_length=20)]
Volumes = Annotated[list[RepositoryVolume], Field(max_length=20)]
BuildEnv = Annotated[dict[Annotated[str, Field(max_length=255)], str], Field(max_length=100)]


class _Fields(Input):
    """Checks shared by create and update, each run only on the fields given."""

    @field_validator("git_url", check_fields=False)
    @classmethod
    def _git_url(cls, v: str | None) -> str | None:
        if v is not None:
            _check(rules.git_url_error(v))
        return v

    @field_validator("branch", check_fields=False)
    @classmethod
    def _branch(cls, v: str | None) -> str | None:
        if v is not None:
            _check(rules.ref_name_error(v))
        return v

    @field_validator("base_image", check_fields=False)
    @classmethod
    def _base_image(cls, v: str | None) -> str | None:
        if v is not None and not IMAGE_REF.fullmatch(v):
            raise ValueError(f"{v!r} is not an image reference like registry/name:tag")
        return v

    @field_validator("build_script", "start_script", check_fields=False)
    @classmethod
    def _script(cls, v: str | None) -> str | None:
        if v is not None:
            _check(rules.script_error("script", v))
        return v

    @field_validator("build_env", check_fields=False)
    @classmethod
    def _env(cls, v: dict[str, str] | None) -> dict[str, str] | None:
        if v is not None:
            _check(rules.build_env_error(v))
        return v

    @field_validator("ports", check_fields=False)
    @classmethod
    def _ports(cls, v: list[RepositoryPort] | None) -> list[RepositoryPort] | None:
        if v is not None:
            _check(rules.ports_error([p.container_port for p in v]))
        return v

    @field_validator("volumes", check_fields=False)
    @classmethod
    def _volumes(cls, v: list[RepositoryVolume] | None) -> list[RepositoryVolume] | None:
        if v is not None:
            _check(rules.volumes_error([x.container_path for x in v]))
        return v

class RepositoryCreate(_Fields):

    name: RepositoryName
    git_url: str = Field(max_length=rules.MAX_GIT_URL,
                         examples=["https://git.example.com/team/shop.git"])
    branch: str = Field(default="main", max_length=255)
    base_image: str = Field(max_length=512, examples=["127.0.0.1:5000/library/python:3-bookworm"])
    build_script: Script = Field(default="", examples=["pip install -r requirements.txt"])
    start_script: Script = Field(default="", examples=["exec python app.py"])
    ports: Ports = []
    volumes: Volumes = []
    build_env: BuildEnv = {}
    build_on_push: bool = True
    build_on_tag: bool = True


class RepositoryUpdate(_Fields):
    """Fields left out stay as they are."""

    git_url: str | None = Field(default=None, max_length=rules.MAX_GIT_URL)
    branch: str | None = Field(default=None, max_length=255)
    base_image: str | None = Field(default=None, max_length=512)
    build_script: Script | None = None
    start_script: Script | None = None
    ports: Ports | None = None
    volumes: Volumes | None = None
    build_env: BuildEnv | None = None
    build_on_push: bool | None = None
    build_on_tag: bool | None = None


class RepositoryRead(BaseModel):
    id: uuid.UUID
    namespace: str
    name: str
    image: str = Field(description="Where builds push: <registry>/<namespace>/<name>.")
    git_url: str
    branch: str
    base_image: str
    build_script: str
    start_script: str
    ports: list[RepositoryPort]
    volumes: list[RepositoryVolume]
    build_env: dict[str, str]
    build_on_push: bool
    build_on_tag: bool
    config_revision: int
    webhook_url: str
    webhook_secret: str | None = Field(
        description="Shared secret of the webhook; only for the group's developers and up.")
    deploy_key_public: str | None = Field(
        description="For ssh:// URLs: add it to the git host as a read-only deploy key.")
    can_write: bool = Field(description="Whether you may change it and start builds.")
    created_at: datetime
    updated_at: datetime | None
