import enum
import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import UniqueConstraint
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
    __tablename__ = "image_repositories"
    __table_args__ = (UniqueConstraint("namespace_id", "name"),)

    id: uuid.UUID = id_field()
    namespace_id: uuid.UUID = Field(foreign_key="registry_namespaces.id", index=True,
                                    ondelete="RESTRICT")
    name: str = Field(max_length=128)
    git_url: str = Field(default="", max_length=1024)
    branch: str = Field(default="main", max_length=255)
    base_image: str = Field(default="", max_length=512)
    build_script: str = Field(default="")
    start_script: str = Field(default="")
    ports: list[dict[str, Any]] = json_field(list)
    volumes: list[dict[str, Any]] = json_field(list)
    auto_build: bool = False
    # Shared secret for webhook signatures; never returned by the API.
    webhook_secret: str = Field(default="", max_length=128)
    config_revision: int = 0
    created_at: datetime = created_at_field()
    updated_at: datetime | None = timestamp_field()


class Build(SQLModel, table=True):
    __tablename__ = "builds"

    id: uuid.UUID = id_field()
    repository_id: uuid.UUID = Field(foreign_key="image_repositories.id", index=True,
                                     ondelete="CASCADE")
    git_ref: str = Field(max_length=255)
    commit: str | None = Field(default=None, max_length=64)
    config_revision: int = 0
    state: str = Field(default="queued", max_length=16)
    tag: str | None = Field(default=None, max_length=128)
    log: str = Field(default="")
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
