"""Pure reading of the agents' etcd records into what PostgreSQL should say."""

import json
import uuid
from dataclasses import dataclass
from typing import Any

from backend.models import HostStatus

CONTAINER_LABEL = "dockyard.container"


@dataclass(frozen=True)
class HostKey:
    host_id: uuid.UUID


@dataclass(frozen=True)
class ContainerKey:
    host_id: uuid.UUID
    docker_id: str


def parse_key(prefix: str, key: str) -> HostKey | ContainerKey | None:
    """`<prefix>/hosts/<uuid>` or `<prefix>/containers/<uuid>/<docker id>`; else None."""
    if not key.startswith(prefix + "/"):
        return None
    parts = key[len(prefix) + 1:].split("/")
    try:
        if parts[0] == "hosts" and len(parts) == 2:
            return HostKey(uuid.UUID(parts[1]))
        if parts[0] == "containers" and len(parts) == 3 and parts[2]:
            return ContainerKey(uuid.UUID(parts[1]), parts[2])
    except ValueError:
        return None
    return None


def decode(value: bytes | None) -> dict[str, Any] | None:
    if value is None:
        return None
    try:
        record = json.loads(value)
    except (ValueError, UnicodeDecodeError):
        return None
    return record if isinstance(record, dict) else None


def host_status(record: dict[str, Any] | None) -> HostStatus:
    """A host is Ready while its key lives (lease kept) and its Docker engine answers."""
    if record is None or not record.get("docker_ok", True):
        return HostStatus.not_ready
    return HostStatus.ready


def host_facts(record: dict[str, Any]) -> dict[str, Any]:
    keys = ("memory_total", "memory_free", "cpus", "engine_version", "agent_version",
            "docker_ok")
    return {k: record.get(k) for k in keys}


def container_id(record: dict[str, Any]) -> uuid.UUID | None:
    raw = (record.get("labels") or {}).get(CONTAINER_LABEL)
    try:
        return uuid.UUID(raw) if raw else None
    except ValueError:
        return None
