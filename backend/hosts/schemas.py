import uuid
from datetime import datetime
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from backend.core.names import Name
from backend.core.schemas import Input
from backend.hosts.etcd_users import HostEtcd
from backend.models import HostStatus

LabelKey = Annotated[str, Field(pattern=r"^[a-zA-Z0-9][a-zA-Z0-9._/-]{0,62}$")]
LabelValue = Annotated[str, Field(max_length=255)]
Labels = Annotated[dict[LabelKey, LabelValue], Field(max_length=32)]


def endpoint_error(endpoint: str) -> str | None:
    if endpoint.startswith("unix:///") and "\x00" not in endpoint:
        return None
    for scheme in ("tcp://", "https://"):
        if endpoint.startswith(scheme):
            hostport = endpoint[len(scheme):].rstrip("/")
            host, _, port = hostport.rpartition(":")
            if host and port.isdigit() and 1 <= int(port) <= 65535 and "/" not in host:
                return None
    return "docker_endpoint must be unix:///path, tcp://host:port or https://host:port"


def _valid_endpoint(value: str) -> str:
    if err := endpoint_error(value):
        raise ValueError(err)
    return value


# Where the platform reaches a host's Docker engine.
Endpoint = Annotated[str, Field(max_length=512, examples=["unix:///run/docker.sock"]),
                     AfterValidator(_valid_endpoint)]
# Where containers publish their ports (and how people reach the host).
Address = Annotated[str, Field(min_length=1, max_length=255, pattern=r"^[A-Za-z0-9.:-]+$",
                               description="Address containers publish their ports on.")]


class HostCreate(Input):

    name: Name
    address: Address
    docker_endpoint: Endpoint
    labels: Labels = {}


class HostUpdate(Input):

    labels: Labels | None = None
    cordoned: bool | None = None


class HostRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    cluster_id: uuid.UUID
    name: str
    address: str
    docker_endpoint: str
    labels: dict[str, str]
    status: HostStatus
    cordoned: bool
    facts: dict[str, Any]
    containers: int = Field(default=0, description="Live containers placed on the host.")
    last_seen_at: datetime | None
    created_at: datetime


class HostDrainStarted(BaseModel):
    """The host, now cordoned, and the job moving its containers (GET /jobs/{job_id})."""

    host: HostRead
    job_id: uuid.UUID


class JoinTokenCreate(Input):
    expires_in_s: int = Field(default=3600, ge=60, le=7 * 24 * 3600)
    max_uses: int | None = Field(default=1, ge=1, le=10000,
                                 description="null: any number of hosts until it expires.")


class JoinTokenCreated(BaseModel):
    id: uuid.UUID
    cluster_id: uuid.UUID
    token: str = Field(description="The secret. Shown once; only its hash is kept.")
    expires_at: datetime
    max_uses: int | None
    install_command: str


class HostRegister(Input):
    token: str = Field(min_length=1, max_length=128)
    tls: bool = Field(default=False, description="Issue a server certificate for the "
                      "engine (docker_endpoint https://…): the platform then reaches it "
                      "with a client certificate of its CA.")
    name: Name
    address: Address
    docker_endpoint: Endpoint
    labels: Labels = {}

    @model_validator(mode="after")
    def _tls_needs_https(self) -> "HostRegister":
        if self.tls != self.docker_endpoint.startswith("https://"):
            raise ValueError("an https:// docker_endpoint goes with tls=true, and only it")
        return self


class HostTLS(BaseModel):
    ca_pem: str
    cert_pem: str
    key_pem: str = Field(description="The engine's private key; sent once, not kept.")


class HostRegistered(BaseModel):
    host_id: uuid.UUID
    cluster_id: uuid.UUID
    tls: HostTLS | None = None
    etcd: HostEtcd | None = Field(default=None, description="The host's own etcd user "
                                  "(reaches only its own keys); shown once.")
