import enum
import secrets
import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, Column, Enum, UniqueConstraint
from sqlmodel import Field, SQLModel

from backend.models.base import created_at_field, enum_field, id_field, json_field, timestamp_field


class RegistryNamespace(SQLModel, table=True):
    __tablename__ = "registry_namespaces"

    id: uuid.UUID = id_field()
    name: str = Field(max_length=63, unique=True, index=True)
    group_id: uuid.UUID = Field(foreign_key="groups.id", index=True, ondelete="RESTRICT")
    # Public: any signed-in user may pull (never anonymous); push stays with the owners.
    public: bool = Field(default=False, sa_column_kwargs={"server_default": "false"})
    created_at: datetime = created_at_field()


class RegistryAccess(enum.StrEnum):
    pull = "pull"
    push = "push"


class NamespaceMember(SQLModel, table=True):
    __tablename__ = "namespace_members"

    namespace_id: uuid.UUID = Field(foreign_key="registry_namespaces.id", primary_key=True,
                                    ondelete="CASCADE")
    user_id: uuid.UUID = Field(foreign_key="users.id", primary_key=True, ondelete="CASCADE")
    access: RegistryAccess = enum_field(RegistryAccess, RegistryAccess.pull, "registry_access")


class ImageRepository(SQLModel, table=True):
    """A git source the builder turns into images of `<namespace>/<name>`."""

    __tablename__ = "image_repositories"
    __table_args__ = (UniqueConstraint("namespace_id", "name"),)

    id: uuid.UUID = id_field()
    namespace_id: uuid.UUID = Field(foreign_key="registry_namespaces.id", index=True,
                                    ondelete="CASCADE")
    name: str = Field(max_length=128)
    git_url: str = Field(default="", max_length=1024)
    branch: str = Field(default="main", max_length=255)
    base_image: str = Field(default="", max_length=512)  # a full image reference
    build_script: str = Field(default="")
    start_script: str = Field(default="")
    ports: list[dict[str, Any]] = json_field(list)  # [{container_port: int}]
    volumes: list[dict[str, Any]] = json_field(list)  # [{container_path: str}]
    build_env: dict[str, str] = json_field()
    build_on_push: bool = True
    build_on_tag: bool = True
    # Incremented by every change to the build configuration: part of the tag (c<revision>).
    config_revision: int = 1
    # Shared secret for webhook signatures; returned to developers and up only.
    webhook_secret: str = Field(default_factory=lambda: secrets.token_urlsafe(32),
                                max_length=128)
    # Ed25519 deploy key (OpenSSH format) for ssh:// sources; the private half never leaves.
    deploy_key_private: str | None = Field(default=None)
    deploy_key_public: str | None = Field(default=None, max_length=1024)
    created_by: uuid.UUID | None = Field(default=None, foreign_key="users.id",
                                         ondelete="SET NULL")
    created_at: datetime = created_at_field()
    updated_at: datetime | None = timestamp_field()


class BuildStatus(enum.StrEnum):
    queued = "queued"
    running = "running"
    succeeded = "succeeded"
    failed = "failed"
    cancelled = "cancelled"

    @property
    def finished(self) -> bool:
        return self in (BuildStatus.succeeded, BuildStatus.failed, BuildStatus.cancelled)


class BuildStep(enum.StrEnum):
    clone = "clone"
    render = "render"
    build = "build"
    push = "push"


class Build(SQLModel, table=True):
    __tablename__ = "builds"
    # A replayed webhook delivery cannot build twice (NULLs never collide in PostgreSQL).
    __table_args__ = (UniqueConstraint("repository_id", "delivery_id",
                                       name="uq_builds_repository_delivery"),)

    id: uuid.UUID = id_field()
    repository_id: uuid.UUID = Field(foreign_key="image_repositories.id", index=True,
                                     ondelete="CASCADE")
    status: BuildStatus = enum_field(BuildStatus, BuildStatus.queued, "build_status")
    step: BuildStep | None = Field(default=None, sa_column=Column(
        Enum(BuildStep, name="build_step", values_callable=lambda e: [m.value for m in e]),
        nullable=True))
    trigger: str = Field(max_length=16)  # manual | push | tag
    ref: str = Field(max_length=255)  # branch or tag name, e.g. "main" or "v1.4.0"
    ref_type: str = Field(default="branch", max_length=16)  # branch | tag
    commit: str | None = Field(default=None, max_length=64)  # full sha
    # Snapshot of the repository's build configuration at queue time.
    config_revision: int
    config: dict[str, Any] = json_field()
    tag: str | None = Field(default=None, max_length=128)
    image: str | None = Field(default=None, max_length=512)
    digest: str | None = Field(default=None, max_length=128)
    size: int | None = Field(default=None, sa_type=BigInteger)
    dockerfile: str | None = Field(default=None)
    reason: str | None = Field(default=None)
    log: str | None = Field(default=None)
    cancel_requested: bool = False
    delivery_id: str | None = Field(default=None, max_length=255)
    worker: str | None = Field(default=None, max_length=255)
    created_by: uuid.UUID | None = Field(default=None, foreign_key="users.id",
                                         ondelete="SET NULL")
    created_at: datetime = created_at_field()
    started_at: datetime | None = timestamp_field()
    finished_at: datetime | None = timestamp_field()


class ImageTag(SQLModel, table=True):
    __tablename__ = "image_tags"
    __table_args__ = (UniqueConstraint("repository_id", "tag"),)

    id: uuid.UUID = id_field()
    repository_id: uuid.UUID = Field(foreign_key="image_repositories.id", index=True,
                                     ondelete="CASCADE")
    tag: str = Field(max_length=128)
    digest: str | None = Field(default=None, max_length=128)
    size: int | None = Field(default=None, sa_type=BigInteger)
    commit: str | None = Field(default=None, max_length=64)
    config_revision: int | None = None
    build_id: uuid.UUID | None = Field(default=None, foreign_key="builds.id",
                                       ondelete="SET NULL")
    created_at: datetime = created_at_field()


class BaseImage(SQLModel, table=True):
    """A business base image: a tag in a namespace its team offers to build from."""

    __tablename__ = "base_images"
    __table_args__ = (UniqueConstraint("namespace_id", "image"),)

    id: uuid.UUID = id_field()
    namespace_id: uuid.UUID = Field(foreign_key="registry_namespaces.id", index=True,
                                    ondelete="CASCADE")
    image: str = Field(max_length=512)  # "<namespace>/<repository>:<tag>", no registry host
    name: str = Field(max_length=100)
    description: str = Field(default="", max_length=1000)
    created_by: uuid.UUID | None = Field(default=None, foreign_key="users.id",
                                         ondelete="SET NULL")
    created_at: datetime = created_at_field()
