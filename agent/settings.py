"""Agent settings, from `DOCKYARD_AGENT_*` variables. Nothing else reads the environment."""

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class AgentSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="DOCKYARD_AGENT_", extra="ignore")

    host_id: str | None = Field(default=None, description="Set by registration if absent.")
    name: str = "host"
    address: str = "127.0.0.1"
    docker_host: str = "unix:///run/docker.sock"
    etcd_endpoint: str = "127.0.0.1:2379"
    prefix: str = "/dockyard"
    labels: dict[str, str] = {}

    lease_ttl_s: int = Field(default=10, ge=2)
    resync_interval_s: float = Field(default=30.0, gt=0)
    backoff_max_s: float = 5.0
    # Free memory is re-reported only when it moved by this share of the total, so an
    # idle host writes nothing but lease keep-alives.
    memory_report_step: float = 0.05

    # Registration with the control plane (one-command onboarding).
    api_url: str | None = None
    join_token: str | None = None
    state_dir: Path = Path("/var/lib/dockyard-agent")

    @property
    def etcd_host_port(self) -> tuple[str, int]:
        host, _, port = self.etcd_endpoint.rpartition(":")
        return host or "127.0.0.1", int(port)
