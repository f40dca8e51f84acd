"""Settings of the control plane (API and worker). Nothing else reads the environment."""

from functools import lru_cache
from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class BackendSettings(BaseSettings):
    """Everything the API and the worker need, from `DOCKYARD_*` variables."""

    model_config = SettingsConfigDict(env_prefix="DOCKYARD_", extra="ignore")

    data_dir: Path = Path(".dockyard")
    database_url: str = "postgresql+asyncpg://dockyard@127.0.0.1:55432/dockyard"
    db_pool_size: int = Field(default=20, ge=1)
    db_pool_overflow: int = Field(default=5, ge=0)
    db_pool_timeout_s: float = 10.0
    redis_url: str = "redis://127.0.0.1:56379/0"
    etcd_endpoint: str = "127.0.0.1:52379"
    registry_url: str = "http://127.0.0.1:5000"
    # Hosts pull with these when an image lives in our registry (once it requires auth).
    registry_username: str | None = None
    registry_password: SecretStr | None = None
    docker_host: str = "unix:///run/docker.sock"
    nginx_url: str = "http://127.0.0.1:8080"
    frontend_dist: Path = Path("frontend/dist")

    admin_password: SecretStr | None = None
    allow_signup: bool = False
    session_token_hours: int = Field(default=24 * 7, ge=1)

    # Version limits: a container below 4 MiB cannot even start busybox.
    min_memory_mb: int = 4
    max_memory_mb: int = Field(default=16 * 1024, ge=4)
    max_cpu_shares: int = 262144
    # Host directories a version may mount live under <app_data_root>/<app id>/.
    app_data_root: Path = Path("/var/lib/dockyard/apps")

    # What hosts outside this machine use to reach us (install.sh); defaults to the
    # address a request came in on, and to etcd_endpoint for the agents' etcd.
    public_url: str | None = None
    agent_etcd_endpoint: str | None = None

    # Scheduling: allocatable memory = total * overcommit - limits already placed.
    memory_overcommit: float = Field(default=1.0, gt=0, le=10)
    reconcile_interval_s: float = Field(default=3.0, gt=0)
    # A host NotReady for this long loses its containers to other hosts.
    host_grace_s: float = Field(default=30.0, ge=0)
    # A container job still running after this long is presumed lost (its worker died)
    # and the reconciler drives the container again; creates are idempotent.
    stuck_job_s: float = Field(default=45.0, gt=0)
    # arq's own retry of a job whose worker died comes only after its timeout.
    container_job_timeout_s: int = Field(default=120, ge=5)
    # Upper bound on waiting for a new container to turn healthy in an upgrade.
    upgrade_health_timeout_s: float = Field(default=120.0, gt=0)

    # Terminals (web and ssh): who may open how many, for how long.
    terminal_idle_s: float = Field(default=900.0, gt=0)
    terminal_recheck_s: float = Field(default=5.0, gt=0)
    terminal_max_per_user: int = Field(default=8, ge=1)
    terminal_max_per_container: int = Field(default=16, ge=1)
    # Browser origins allowed on the exec websocket besides the API's own (comma list).
    terminal_origins: str = ""
    terminal_ssh_host: str = "127.0.0.1"
    terminal_ssh_port: int = Field(default=2222, ge=1, le=65535)
    # The host name shown in the ssh command (default: terminal_ssh_host).
    terminal_ssh_public_host: str | None = None

    health_timeout_s: float = 2.0
    job_queue_name: str = "arq:queue"

    @property
    def pki_dir(self) -> Path:
        """The platform CA for Docker engines reached over TLS."""
        return self.data_dir / "pki"

    @property
    def etcd_host_port(self) -> tuple[str, int]:
        host, _, port = self.etcd_endpoint.rpartition(":")
        return host or "127.0.0.1", int(port)


@lru_cache
def get_settings() -> BackendSettings:
    return BackendSettings()
