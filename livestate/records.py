"""The records in etcd: how the agent writes them, and how a reader takes them back.

A reader never trusts a record: a host's agent (or whoever holds its credential) wrote
it. `read_container` and `read_host` return either a bounded, typed report or `Invalid`
with a reason a person can act on; nothing a host writes can make them raise.
"""

import ipaddress
import json
from dataclasses import dataclass, field
from typing import Any

from livestate import labels

MAX_VALUE_BYTES = 64 * 1024
# Docker's own container states and health values; anything else is a forgery or a bug.
STATES = frozenset({"created", "running", "paused", "restarting", "removing", "exited",
                    "dead", "unknown"})
HEALTH = frozenset({"starting", "healthy", "unhealthy"})
MAX_LABELS = 32
MAX_LABEL_LEN = 256
MAX_PORTS = 64
MAX_NAME = 255
HEALTH_LOG_ENTRIES = 5
HEALTH_OUTPUT_CHARS = 1024


def encode(record: dict[str, Any]) -> bytes:
    """Deterministic bytes: equal records give equal bytes, so 'write on change' works."""
    return json.dumps(record, sort_keys=True, separators=(",", ":")).encode()


# --- writing (the agent) ------------------------------------------------------------------


def published_ports(inspect: dict[str, Any]) -> dict[str, str]:
    ports = (inspect.get("NetworkSettings") or {}).get("Ports") or {}
    out = {}
    for container_port, bindings in sorted(ports.items()):
        if bindings:
            b = bindings[0]
            out[container_port] = f"{b.get('HostIp') or '0.0.0.0'}:{b.get('HostPort')}"  # noqa: S104
    return out


def health_log(state: dict[str, Any]) -> list[dict[str, Any]]:
    """Docker's last health-check results, newest last, output cut to a readable size."""
    entries = ((state.get("Health") or {}).get("Log") or [])[-HEALTH_LOG_ENTRIES:]
    return [{"exit_code": e.get("ExitCode"), "end": e.get("End"),
             "output": str(e.get("Output") or "")[-HEALTH_OUTPUT_CHARS:]} for e in entries]


def container_record(inspect: dict[str, Any]) -> dict[str, Any]:
    state = inspect.get("State") or {}
    config = inspect.get("Config") or {}
    return {
        "docker_id": inspect["Id"],
        "name": str(inspect.get("Name", "")).lstrip("/"),
        "image": config.get("Image"),
        "labels": labels.ours(config.get("Labels")),
        "state": state.get("Status", "unknown"),
        "health": (state.get("Health") or {}).get("Status"),
        "health_log": health_log(state),
        "exit_code": state.get("ExitCode"),
        "restart_count": inspect.get("RestartCount", 0),
        "ports": published_ports(inspect),
    }


def host_record(*, host_id: str, name: str, address: str, docker_endpoint: str,
                info: dict[str, Any], memory_free: int, host_labels: dict[str, str],
                agent_version: str) -> dict[str, Any]:
    return {
        "host_id": host_id, "name": name, "address": address,
        "docker_endpoint": docker_endpoint,
        "memory_total": info.get("MemTotal"), "memory_free": memory_free,
        "cpus": info.get("NCPU"), "engine_version": info.get("ServerVersion"),
        "labels": dict(sorted(host_labels.items())), "agent_version": agent_version,
    }


# --- reading (the backend) ----------------------------------------------------------------


@dataclass(frozen=True)
class Invalid:
    reason: str


@dataclass(frozen=True)
class ContainerReport:
    name: str
    state: str
    health: str | None
    labels: dict[str, str]
    ports: dict[str, str]  # "8080/tcp" -> "ip:port"
    exit_code: int | None = None
    restart_count: int = 0
    health_log: list[dict[str, Any]] = field(default_factory=list)

    @property
    def container_id(self) -> str | None:
        return self.labels.get(labels.CONTAINER)


@dataclass(frozen=True)
class HostReport:
    docker_ok: bool
    facts: dict[str, Any]


def _load(value: bytes) -> dict[str, Any] | Invalid:
    if len(value) > MAX_VALUE_BYTES:
        return Invalid(f"value of {len(value)} bytes exceeds {MAX_VALUE_BYTES}")
    try:
        record = json.loads(value.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        return Invalid(f"not JSON: {type(exc).__name__}")
    if not isinstance(record, dict):
        return Invalid("not a JSON object")
    return record


def _small_int(value: Any, low: int, high: int) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        return None
    return value


def _labels(raw: Any) -> dict[str, str] | Invalid:
    if raw is None:
        return {}
    if not isinstance(raw, dict) or len(raw) > MAX_LABELS:
        return Invalid("labels must be an object of at most 32 strings")
    if not all(isinstance(k, str) and isinstance(v, str) and len(k) <= MAX_LABEL_LEN
               and len(v) <= MAX_LABEL_LEN for k, v in raw.items()):
        return Invalid("labels must map short strings to short strings")
    return dict(raw)


def _port_binding(binding: Any) -> bool:
    if not isinstance(binding, str):
        return False
    address, _, port = binding.rpartition(":")
    try:
        ipaddress.ip_address(address.strip("[]"))
    except ValueError:
        return False
    return port.isdigit() and 0 < int(port) < 65536


def _ports(raw: Any) -> dict[str, str] | Invalid:
    if raw is None:
        return {}
    if not isinstance(raw, dict) or len(raw) > MAX_PORTS:
        return Invalid("ports must be an object of at most 64 bindings")
    for key, binding in raw.items():
        port, _, proto = str(key).partition("/")
        if not (port.isdigit() and proto in ("tcp", "udp", "sctp") and _port_binding(binding)):
            return Invalid(f"bad port binding {str(key)[:32]!r}")
    return dict(raw)


def _health_log(raw: Any) -> list[dict[str, Any]]:
    """Best effort: the log only explains a verdict, so bad entries are dropped, not fatal."""
    if not isinstance(raw, list):
        return []
    out = []
    for entry in raw[-HEALTH_LOG_ENTRIES:]:
        if isinstance(entry, dict):
            out.append({"exit_code": _small_int(entry.get("exit_code"), -1, 255),
                        "end": str(entry.get("end") or "")[:64],
                        "output": str(entry.get("output") or "")[-HEALTH_OUTPUT_CHARS:]})
    return out


def read_container(value: bytes) -> ContainerReport | Invalid:
    record = _load(value)
    if isinstance(record, Invalid):
        return record
    state, health, name = record.get("state"), record.get("health"), record.get("name", "")
    if state not in STATES:
        return Invalid(f"unknown state {str(state)[:32]!r}")
    if health is not None and health not in HEALTH:
        return Invalid(f"unknown health {str(health)[:32]!r}")
    if not isinstance(name, str) or len(name) > MAX_NAME:
        return Invalid("name must be a string of at most 255 characters")
    found_labels, ports = _labels(record.get("labels")), _ports(record.get("ports"))
    if isinstance(found_labels, Invalid):
        return found_labels
    if isinstance(ports, Invalid):
        return ports
    return ContainerReport(
        name=name, state=state, health=health, labels=found_labels, ports=ports,
        exit_code=_small_int(record.get("exit_code"), -(2**31), 2**31 - 1),
        restart_count=_small_int(record.get("restart_count"), 0, 2**31 - 1) or 0,
        health_log=_health_log(record.get("health_log")))


HOST_FACTS = {"memory_total": (0, 2**62), "memory_free": (0, 2**62), "cpus": (0, 65536)}


def read_host(value: bytes) -> HostReport | Invalid:
    record = _load(value)
    if isinstance(record, Invalid):
        return record
    facts: dict[str, Any] = {k: _small_int(record.get(k), *bounds)
                             for k, bounds in HOST_FACTS.items()}
    for key in ("engine_version", "agent_version"):
        raw = record.get(key)
        facts[key] = raw[:64] if isinstance(raw, str) else None
    docker_ok = record.get("docker_ok", True)
    facts["docker_ok"] = docker_ok is True
    return HostReport(docker_ok=docker_ok is True, facts=facts)

