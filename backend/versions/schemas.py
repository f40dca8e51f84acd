import uuid
from datetime import datetime
from typing import Annotated, Literal

from pydantic import ConfigDict, Field, field_validator, model_validator

from backend.core.schemas import Input
from backend.versions import rules

PortNumber = Annotated[int, Field(ge=1, le=65535)]


class PortSpec(Input):

    container_port: PortNumber
    protocol: Literal["tcp", "udp"] = "tcp"


class VolumeSpec(Input):
    """A named Docker volume, or a directory inside the app's data directory on the host."""


    container_path: str = Field(max_length=1024, examples=["/data"])
    volume: str | None = Field(default=None, description="Named volume.", examples=["cache"])
    data_dir: str | None = Field(default=None, max_length=512, examples=["uploads"],
                                 description="Subdirectory of the app's data dir on the host.")
    read_only: bool = False

    @field_validator("container_path")
    @classmethod
    def _container_path(cls, v: str) -> str:
        if err := rules.container_path_error(v):
            raise ValueError(err)
        return v

    @model_validator(mode="after")
    def _one_source(self) -> "VolumeSpec":
        if (self.volume is None) == (self.data_dir is None):
            raise ValueError("give exactly one of volume or data_dir")
        if self.volume is not None and not rules.VOLUME_NAME.fullmatch(self.volume):
            raise ValueError(f"{self.volume!r} is not a valid volume name")
        if self.data_dir is not None and (err := rules.data_subpath_error(self.data_dir)):
            raise ValueError(err)
        return self


class HealthCheck(Input):

    type: Literal["http", "tcp", "command"]
    path: str | None = Field(default=None, max_length=1024, pattern=r"^/[^\s]*$",
                             description="HTTP path (type http).")
    port: PortNumber | None = Field(default=None, description="Defaults to the first port.")
    command: list[Annotated[str, Field(max_length=1024)]] | None = Field(
        default=None, max_length=64, description="Command run in the container (type command).")
    interval_s: int = Field(default=10, ge=1, le=300)
    timeout_s: int = Field(default=3, ge=1, le=60)
    retries: int = Field(default=3, ge=1, le=20)
    start_period_s: int = Field(default=0, ge=0, le=600)

    @model_validator(mode="after")
    def _fields_for_type(self) -> "HealthCheck":
        if self.type == "http" and self.path is None:
            self.path = "/"
        if self.type == "command" and not self.command:
            raise ValueError("a command health check needs a command")
        if self.type != "command" and self.command:
            raise ValueError(f"a {self.type} health check takes no command")
        if self.timeout_s > self.interval_s:
            raise ValueError("timeout_s must not exceed interval_s")
        return self


class VersionCreate(Input):

    image: str = Field(max_length=512, examples=["127.0.0.1:5000/library/busybox:1.35"])
    command: list[Annotated[str, Field(max_length=4096)]] | None = Field(default=None,
                                                                         max_length=256)
    env: dict[str, str] = Field(default_factory=dict, max_length=256)
    ports: list[PortSpec] = Field(default_factory=list, max_length=20)
    volumes: list[VolumeSpec] = Field(default_factory=list, max_length=20)
    memory_mb: int = Field(default=128, ge=1, le=1 << 22)
    cpu_shares: int = Field(default=1024, ge=2, le=262144)
    health_check: HealthCheck | None = None
    constraints: dict[Annotated[str, Field(max_length=63)],
                      Annotated[str, Field(max_length=255)]] = Field(default_factory=dict,
                                                                     max_length=20)
    note: str = Field(default="", max_length=1000)
    shell: str = Field(default="/bin/sh", max_length=64, pattern=r"^/[A-Za-z0-9._+/-]+$",
                       description="The shell a terminal opens in the container (an absolute "
                                   "path in the image), unless it asks for a command.")

    @field_validator("image")
    @classmethod
    def _image(cls, v: str) -> str:
        if not rules.IMAGE_REF.fullmatch(v):
            raise ValueError(f"{v!r} is not an image reference like registry/name:tag")
        return v

    @field_validator("env")
    @classmethod
    def _env(cls, env: dict[str, str]) -> dict[str, str]:
        for name, value in env.items():
            if err := rules.env_name_error(name) or rules.env_value_error(name, value):
                raise ValueError(err)
        if err := rules.env_size_error(env):
            raise ValueError(err)
        return env

    @model_validator(mode="after")
    def _unique(self) -> "VersionCreate":
        ports = [(p.container_port, p.protocol) for p in self.ports]
        if len(set(ports)) != len(ports):
            raise ValueError("a port and protocol may appear only once")
        paths = [v.container_path for v in self.volumes]
        if len(set(paths)) != len(paths):
            raise ValueError("each container_path may be mounted only once")
        hc = self.health_check
        if hc and hc.type in ("http", "tcp") and hc.port is None and not self.ports:
            raise ValueError(f"a {hc.type} health check needs a port or a published port")
        return self


class VersionRead(VersionCreate):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    app_id: uuid.UUID
    number: int
    config_revision: int
    created_by: uuid.UUID | None
    created_at: datetime
