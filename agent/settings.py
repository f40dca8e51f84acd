"""Agent settings, from `DOCKYARD_AGENT_*` variables. Nothing else reads the environment.

Plain Python rather than pydantic-settings, on purpose: the agent runs on every host
and its budget is 60 MB of RSS; importing pydantic-settings costs ~10 MB of it
(measured: 63 MB with it, see bench/agent.py). The parsing is typed and strict:
a bad value stops the agent with a message naming the variable.
"""

import dataclasses
import json
import os
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PREFIX = "DOCKYARD_AGENT_"


@dataclass(frozen=True)
class AgentSettings:
    host_id: str | None = None  # set by registration if absent
    name: str = "host"
    address: str = "127.0.0.1"
    docker_host: str = "unix:///run/docker.sock"
    # How the control plane reaches this engine, if not docker_host: an https:// URL
    # gets the engine a server certificate from the platform CA at registration.
    engine_url: str | None = None
    etcd_endpoint: str = "127.0.0.1:2379"
    # This host's own etcd user (its role reaches only its own keys). Normally issued at
    # registration and kept in state_dir/etcd.json; these override it.
    etcd_username: str | None = None
    etcd_password_file: Path | None = None
    # etcd over TLS (hosts on other machines): the CA that signed etcd's certificate.
    # Normally issued at registration with the credential.
    etcd_ca_file: Path | None = None
    prefix: str = "/dockyard"
    labels: dict[str, str] = field(default_factory=dict)

    lease_ttl_s: int = 10
    resync_interval_s: float = 30.0
    backoff_max_s: float = 5.0
    # Free memory is re-reported only when it moved by this share of the total, so an
    # idle host writes nothing but lease keep-alives.
    memory_report_step: float = 0.05

    # Registration with the control plane (one-command onboarding).
    api_url: str | None = None
    join_token: str | None = None
    state_dir: Path = Path("/var/lib/dockyard-agent")

    def __post_init__(self) -> None:
        if self.lease_ttl_s < 2:
            raise ValueError(f"{PREFIX}LEASE_TTL_S must be at least 2, not {self.lease_ttl_s}")
        if self.resync_interval_s <= 0 or self.backoff_max_s <= 0:
            raise ValueError("intervals must be positive")

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> "AgentSettings":
        env = os.environ if environ is None else environ
        hints = typing.get_type_hints(cls)
        values: dict[str, Any] = {}
        for f in dataclasses.fields(cls):
            raw = env.get(PREFIX + f.name.upper())
            if raw is not None:
                values[f.name] = _parse(f.name, _kind(hints[f.name]), raw)
        return cls(**values)

    @property
    def etcd_host_port(self) -> tuple[str, int]:
        host, _, port = self.etcd_endpoint.rpartition(":")
        return host or "127.0.0.1", int(port)


def _kind(hint: Any) -> type:
    """The type to parse into: `X | None` gives X, `dict[str, str]` gives dict."""
    if typing.get_origin(hint) is dict:
        return dict
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    return args[0] if args else hint


def _parse(name: str, kind: type, raw: str) -> Any:
    try:
        if kind is int:
            return int(raw)
        if kind is float:
            return float(raw)
        if kind is dict:
            value = json.loads(raw)
            if not isinstance(value, dict) or not all(
                    isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
                raise ValueError("expected a JSON object of strings")
            return value
        if kind is Path:
            return Path(raw)
        return raw
    except ValueError as exc:
        raise ValueError(f"{PREFIX}{name.upper()}={raw!r}: {exc}") from exc
