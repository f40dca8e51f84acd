"""Pure translation of Docker's view into the records the agent writes to etcd."""

import json
from typing import Any

from agent import __version__, labels


def encode(record: dict[str, Any]) -> bytes:
    """Deterministic bytes: equal records give equal bytes, so 'write on change' works."""
    return json.dumps(record, sort_keys=True, separators=(",", ":")).encode()


def published_ports(inspect: dict[str, Any]) -> dict[str, str]:
    ports = (inspect.get("NetworkSettings") or {}).get("Ports") or {}
    out = {}
    for container_port, bindings in sorted(ports.items()):
        if bindings:
            b = bindings[0]
            out[container_port] = f"{b.get('HostIp') or '0.0.0.0'}:{b.get('HostPort')}"  # noqa: S104
    return out


def container_record(inspect: dict[str, Any]) -> dict[str, Any]:
    state = inspect.get("State") or {}
    config = inspect.get("Config") or {}
    health = (state.get("Health") or {}).get("Status")
    return {
        "docker_id": inspect["Id"],
        "name": str(inspect.get("Name", "")).lstrip("/"),
        "image": config.get("Image"),
        "labels": labels.ours(config.get("Labels")),
        "state": state.get("Status", "unknown"),
        "health": health,
        "exit_code": state.get("ExitCode"),
        "ports": published_ports(inspect),
    }


def host_record(*, host_id: str, name: str, address: str, docker_endpoint: str,
                info: dict[str, Any], memory_free: int, host_labels: dict[str, str]
                ) -> dict[str, Any]:
    return {
        "host_id": host_id, "name": name, "address": address,
        "docker_endpoint": docker_endpoint,
        "memory_total": info.get("MemTotal"), "memory_free": memory_free,
        "cpus": info.get("NCPU"), "engine_version": info.get("ServerVersion"),
        "labels": dict(sorted(host_labels.items())), "agent_version": __version__,
    }


def memory_to_report(last: int | None, now: int, total: int, step: float) -> int:
    """Hysteresis: keep the last figure until free memory moves by `step` of the total."""
    if last is None or abs(now - last) >= step * max(total, 1):
        return now
    return last


def read_mem_available(meminfo: str) -> int:
    for line in meminfo.splitlines():
        if line.startswith("MemAvailable:"):
            return int(line.split()[1]) * 1024
    return 0
