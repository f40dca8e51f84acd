"""etcd's key layout, spelled once.

/dockyard/hosts/<host_id>                    host facts, written by that host's agent
/dockyard/containers/<host_id>/<docker_id>   one container's state, same writer
/dockyard/routes/<app_id>                    domains + upstreams, written by the backend
/dockyard/lb/status/<instance>               what one lbgen serves, written by lbgen
"""

import uuid
from dataclasses import dataclass

DEFAULT_PREFIX = "/dockyard"


@dataclass(frozen=True)
class HostKey:
    host_id: uuid.UUID


@dataclass(frozen=True)
class ContainerKey:
    host_id: uuid.UUID
    docker_id: str


@dataclass(frozen=True)
class RouteKey:
    app_id: uuid.UUID


Key = HostKey | ContainerKey | RouteKey

# Docker ids are 64 hex characters; be a little lenient but never accept a path.
_MAX_DOCKER_ID = 128


@dataclass(frozen=True)
class Layout:
    prefix: str = DEFAULT_PREFIX

    @property
    def root(self) -> str:
        return self.prefix + "/"

    @property
    def hosts(self) -> str:
        return f"{self.prefix}/hosts/"

    @property
    def containers(self) -> str:
        return f"{self.prefix}/containers/"

    @property
    def routes(self) -> str:
        return f"{self.prefix}/routes/"

    @property
    def lb_status(self) -> str:
        return f"{self.prefix}/lb/status/"

    def host(self, host_id: uuid.UUID | str) -> str:
        return f"{self.hosts}{host_id}"

    def host_containers(self, host_id: uuid.UUID | str) -> str:
        """The prefix of one host's container keys (ends with '/')."""
        return f"{self.containers}{host_id}/"

    def container(self, host_id: uuid.UUID | str, docker_id: str) -> str:
        return f"{self.host_containers(host_id)}{docker_id}"

    def route(self, app_id: uuid.UUID | str) -> str:
        return f"{self.routes}{app_id}"

    def lb_instance(self, instance: str) -> str:
        return f"{self.lb_status}{instance}"

    def parse(self, key: str) -> Key | None:
        """The key's meaning, or None for anything malformed (never raises)."""
        if not key.startswith(self.root):
            return None
        parts = key[len(self.root):].split("/")
        kind, ids = parts[0], [_uuid(p) for p in parts[1:2]]
        if not ids or ids[0] is None:
            return None
        if kind == "hosts" and len(parts) == 2:
            return HostKey(ids[0])
        if kind == "containers" and len(parts) == 3 and _docker_id_ok(parts[2]):
            return ContainerKey(ids[0], parts[2])
        if kind == "routes" and len(parts) == 2:
            return RouteKey(ids[0])
        return None


def _uuid(text: str) -> uuid.UUID | None:
    """Only the canonical spelling: etcd's roles grant prefixes of exactly that text."""
    try:
        value = uuid.UUID(text)
    except ValueError:
        return None
    return value if str(value) == text else None


def _docker_id_ok(docker_id: str) -> bool:
    return 0 < len(docker_id) <= _MAX_DOCKER_ID and docker_id.isalnum() and docker_id.isascii()


DEFAULT = Layout()
