"""Settings of the control plane (API and worker). Nothing else reads the environment."""

from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict
from sqlalchemy.engine import make_url

from livestate.store import EtcdStore


class BackendSettings(BaseSettings):
    """Everything the API and the worker need, from `DOCKYARD_*` variables."""

    model_config = SettingsConfigDict(env_prefix="DOCKYARD_", extra="ignore")

    data_dir: Path = Path(".dockyard")
    database_url: str = "postgresql+asyncpg://dockyard@127.0.0.1:15432/dockyard"
    # Passwords of PostgreSQL and Redis, from files (mode 600) when the URLs carry none.
    database_password_file: Path | None = None
    redis_password_file: Path | None = None
    db_pool_size: int = Field(default=20, ge=1)
    db_pool_overflow: int = Field(default=5, ge=0)
    db_pool_timeout_s: float = 10.0
    redis_url: str = "redis://127.0.0.1:16379/0"
    etcd_endpoint: str = "127.0.0.1:12379"
    # The control plane's own etcd user (read-write on /dockyard/), and root, used only
    # to create and delete the hosts' users. Passwords live in files (mode 600).
    etcd_username: str | None = None
    etcd_password_file: Path | None = None
    etcd_root_password_file: Path | None = None
    registry_url: str = "http://127.0.0.1:5000"
    # The registry's address in image names (what engines pull from), if not registry_url's.
    registry_host: str | None = None
    # Token auth (the registry's auth.token): must match its `service` and `issuer`.
    registry_service: str = "dockyard-registry"
    registry_issuer: str = "dockyard"
    registry_token_ttl_s: int = Field(default=300, ge=60, le=3600)
    docker_host: str = "unix:///run/docker.sock"
    nginx_url: str = "http://127.0.0.1:8080"
    # The edge (lbgen + nginx): certificates uploaded per domain live in cert_dir
    # (<app_id>/<domain>.crt|.key, mode 600 in 700 dirs), which lbgen reads.
    edge_cert_dir: Path | None = None
    edge_http_port: int = 8080
    edge_tls_port: int = 8443
    # Before a container stops, it leaves the route and the worker waits (at most this
    # long) until every lbgen serves that route, then this grace for in-flight requests.
    edge_drain_timeout_s: float = Field(default=5.0, ge=0)
    edge_drain_grace_s: float = Field(default=1.0, ge=0)
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
    # etcd's TLS listener (certificate from the platform CA), for hosts on other machines:
    # set agent_etcd_endpoint to its routable address and agent_etcd_tls to true, and
    # registration hands agents the CA to check it with.
    etcd_tls_endpoint: str | None = None
    agent_etcd_tls: bool = False

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
    # Builds: their own arq queue (the builder worker reads it); git hosts that resolve
    # to loopback or private addresses only when allowed (all-in-one and tests).
    build_queue_name: str = "dockyard:builds"
    git_allow_private_hosts: bool = False
    # The builder (builder/): concurrent builds per builder process, and the time a build
    # may take before the builder stops it (failed, step and reason recorded).
    build_concurrency: int = Field(default=2, ge=1, le=32)
    build_timeout_s: float = Field(default=1800.0, gt=0)

    @model_validator(mode="after")
    def _passwords_from_files(self) -> "BackendSettings":
        db_password = _read_secret(self.database_password_file)
        if db_password and make_url(self.database_url).password is None:
            url = make_url(self.database_url).set(password=db_password)
            self.database_url = url.render_as_string(hide_password=False)
        redis_password = _read_secret(self.redis_password_file)
        if redis_password and urlsplit(self.redis_url).password is None:
            parts = urlsplit(self.redis_url)
            netloc = f":{redis_password}@{parts.netloc}"  # arq does not unquote it
            self.redis_url = urlunsplit(parts._replace(netloc=netloc))
        return self

    @property
    def pki_dir(self) -> Path:
        """The platform CA for Docker engines reached over TLS."""
        return self.data_dir / "pki"

    @property
    def registry_auth_dir(self) -> Path:
        """The key that signs registry tokens and the certificate the registry trusts."""
        return self.data_dir / "registry-auth"

    @property
    def registry_address(self) -> str:
        return self.registry_host or self.registry_url.split("://", 1)[-1].rstrip("/")

    @property
    def etcd_host_port(self) -> tuple[str, int]:
        host, _, port = self.etcd_endpoint.rpartition(":")
        return host or "127.0.0.1", int(port)

    def etcd_store(self) -> EtcdStore:
        """A client logged in as the control plane (anonymous if no user is set)."""
        password = _read_secret(self.etcd_password_file)
        return EtcdStore(*self.etcd_host_port, username=self.etcd_username if password
                         else None, password=password)

    def etcd_root_store(self) -> EtcdStore | None:
        """A root client for user management; None when etcd runs without auth."""
        password = _read_secret(self.etcd_root_password_file)
        return EtcdStore(*self.etcd_host_port, "root", password) if password else None


def _read_secret(path: Path | None) -> str | None:
    return path.read_text().strip() if path is not None else None


@lru_cache
def get_settings() -> BackendSettings:
    return BackendSettings()
