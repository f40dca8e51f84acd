import uuid
from datetime import datetime

from pydantic import BaseModel, Field

from backend.core.schemas import Input

VersionNumber = Field(ge=1, le=2**31 - 1)


class DeployRequest(Input):
    version: int = VersionNumber
    cluster_id: uuid.UUID
    replicas: int = Field(ge=0, le=500)  # MAX_REPLICAS


class ScaleRequest(Input):
    cluster_id: uuid.UUID
    replicas: int = Field(ge=0, le=500)  # MAX_REPLICAS


class UpgradeRequest(Input):
    version: int = VersionNumber
    cluster_id: uuid.UUID | None = Field(
        default=None, description="Needed only when the app runs in several clusters.")
    container_ids: list[uuid.UUID] | None = Field(
        default=None, max_length=500,
        description="Replace exactly these (grayscale); omit to upgrade all the rest.")


MAX_REPLICAS = 500


class AddContainerRequest(Input):
    cluster_id: uuid.UUID
    version: int = VersionNumber


class RollbackRequest(Input):
    version: int = VersionNumber
    cluster_id: uuid.UUID | None = None


class HealthResult(BaseModel):
    exit_code: int | None
    end: str
    output: str


class ContainerRead(BaseModel):
    id: uuid.UUID
    app_id: uuid.UUID
    version: int
    cluster_id: uuid.UUID
    host_id: uuid.UUID | None
    host_name: str | None
    name: str
    docker_id: str | None
    desired_state: str
    state: str
    health: str | None
    serving: bool
    ports: dict[str, str]
    last_error: str
    # As its host last reported: why it stopped, how often it restarted, and Docker's
    # last health-check results (exit code, output) so "unhealthy" comes with a reason.
    exit_code: int | None = None
    restart_count: int = 0
    health_log: list[HealthResult] = Field(default_factory=list)
    created_at: datetime
    updated_at: datetime | None


class DeploymentRead(BaseModel):
    id: uuid.UUID
    app_id: uuid.UUID
    cluster_id: uuid.UUID
    version: int
    replicas: int


class DeployResult(BaseModel):
    deployment: DeploymentRead
    started: list[ContainerRead]
    removed: list[uuid.UUID]
    job_ids: list[uuid.UUID]


class JobAccepted(BaseModel):
    job_id: uuid.UUID


class TopologyContainer(BaseModel):
    id: uuid.UUID
    name: str
    host_id: uuid.UUID | None
    host_name: str | None
    desired_state: str
    last_error: str
    state: str
    health: str | None
    serving: bool
    ports: dict[str, str]


class TopologyVersion(BaseModel):
    number: int
    image: str
    containers: list[TopologyContainer]


class TopologyCluster(BaseModel):
    id: uuid.UUID
    name: str
    desired_version: int | None
    replicas: int
    versions: list[TopologyVersion]


class Topology(BaseModel):
    app_id: uuid.UUID
    name: str
    domains: list[str]
    clusters: list[TopologyCluster]
