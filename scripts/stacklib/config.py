"""Profiles (ports, bridges, addresses) and the paths of one stack."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
VENV_BIN = REPO / ".venv" / "bin"

# PostgreSQL refuses to run as root, and the postgres user must traverse every parent of
# its data dir: keep it (and Unix sockets, which must stay under 108 chars) outside the
# checkout, in directories named after the stack.
STATE_ROOT = Path("/var/lib/dockyard")
RUN_ROOT = Path("/run/dockyard")


@dataclass(frozen=True)
class Ports:
    pg: int
    redis: int
    etcd: int
    etcd_peer: int
    etcd_tls: int  # etcd's TLS listener, for hosts on other machines
    registry: int
    nginx: int
    api: int


@dataclass(frozen=True)
class Profile:
    name: str
    ports: Ports
    default_home: str
    bridge_prefix: str  # host i gets bridge f"{bridge_prefix}{i}"
    subnet_octet: int  # host i gets 172.31.{subnet_octet + i}.1/24
    pool_octet: int  # host i allocates user networks from 10.{pool_octet + i}.0.0/16
    address_prefix: str  # host i publishes container ports on f"{address_prefix}.{i + 1}"
    durable: bool  # dev keeps data across crashes; test trades that for speed
    agents: bool  # every host runs an agent (dev); tests start their own agents


PROFILES = {
    "dev": Profile(
        name="dev",
        ports=Ports(pg=15432, redis=16379, etcd=12379, etcd_peer=12380, etcd_tls=12381,
                    registry=5000,
                    nginx=8080, api=8000),
        default_home=".dockyard",
        bridge_prefix="dydev",
        subnet_octet=0,
        pool_octet=200,
        address_prefix="127.0.1",
        durable=True,
        agents=True,
    ),
    "test": Profile(
        name="test",
        ports=Ports(pg=25532, redis=26479, etcd=22479, etcd_peer=22480, etcd_tls=22481,
                    registry=25000,
                    nginx=28080, api=28000),
        default_home=".dockyard-test",
        bridge_prefix="dytest",
        subnet_octet=64,
        pool_octet=232,
        address_prefix="127.0.2",
        durable=False,
        agents=False,
    ),
}


# Host i uses 172.31.{subnet_octet + i} and 10.{pool_octet + i}: past this many hosts
# the dev hosts' subnets would run into the test profile's.
MAX_HOSTS = 16


@dataclass(frozen=True)
class HostSpec:
    """One simulated Docker host: its own bridge, address pool, loopback address, dirs."""

    index: int
    bridge: str
    bridge_cidr: str
    address_pool: str
    address: str
    data_root: Path
    run_dir: Path

    @property
    def socket(self) -> Path:
        return self.run_dir / "docker.sock"

    @property
    def docker_host(self) -> str:
        return f"unix://{self.socket}"


@dataclass(frozen=True)
class Stack:
    """Where one stack (a profile at a home directory) keeps everything."""

    profile: Profile
    home: Path

    @property
    def ports(self) -> Ports:
        return self.profile.ports

    @property
    def key(self) -> str:
        digest = hashlib.sha256(str(self.home).encode()).hexdigest()[:8]
        return f"{self.profile.name}-{digest}"

    @property
    def state_dir(self) -> Path:
        return STATE_ROOT / self.key

    @property
    def run_dir(self) -> Path:
        return RUN_ROOT / self.key

    @property
    def log_dir(self) -> Path:
        return self.home / "log"

    @property
    def pid_dir(self) -> Path:
        return self.home / "run"

    @property
    def env_file(self) -> Path:
        return self.home / "env"

    @property
    def marker_file(self) -> Path:
        return self.home / "profile"

    @property
    def nginx_dir(self) -> Path:
        return self.home / "nginx"

    def host(self, index: int) -> HostSpec:
        p = self.profile
        return HostSpec(
            index=index,
            bridge=f"{p.bridge_prefix}{index}",
            bridge_cidr=f"172.31.{p.subnet_octet + index}.1/24",
            address_pool=f"10.{p.pool_octet + index}.0.0/16",
            address=f"{p.address_prefix}.{index + 1}",
            data_root=self.home / "docker" / f"host{index}",
            run_dir=self.run_dir / f"host{index}",
        )


def resolve_home(profile: Profile, home: str | None) -> Path:
    path = Path(home) if home else REPO / profile.default_home
    return path.expanduser().resolve()
