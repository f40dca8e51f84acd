"""lbgen settings, from `LBGEN_*` variables. Nothing else in lbgen reads the environment."""

from __future__ import annotations

import dataclasses
import os
import socket
import typing
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PREFIX = "LBGEN_"


@dataclass(frozen=True)
class LbgenSettings:
    etcd_endpoint: str = "127.0.0.1:2379"
    # lbgen's own etcd user: read-only on /dockyard/routes/, read-write on /dockyard/lb/status/.
    etcd_username: str | None = None
    etcd_password_file: Path | None = None
    etcd_prefix: str = "/dockyard"
    instance: str = socket.gethostname()
    nginx_binary: str = "nginx"
    nginx_conf: Path = Path("/etc/dockyard/nginx/nginx.conf")
    nginx_pid_file: Path = Path("/run/dockyard-nginx.pid")
    nginx_access_log: Path = Path("/var/log/dockyard/nginx-access.log")
    nginx_temp_dir: Path = Path("/var/cache/dockyard-nginx")
    nginx_workers: str = "auto"
    http_listen: str = "127.0.0.1:8080"
    tls_listen: str = ""  # "" : no TLS port
    cert_dir: Path | None = None  # <cert_dir>/<app_id>/<domain>.crt and .key
    debounce_s: float = 0.05
    max_delay_s: float = 0.6
    status_ttl_s: int = 10
    confirm_timeout_s: float = 10.0

    def __post_init__(self) -> None:
        if not 0 < self.debounce_s <= self.max_delay_s:
            raise ValueError(f"{PREFIX}DEBOUNCE_S must be > 0 and <= {PREFIX}MAX_DELAY_S")
        if self.status_ttl_s < 2:
            raise ValueError(f"{PREFIX}STATUS_TTL_S must be at least 2")
        if "/" in self.instance or not self.instance:
            raise ValueError(f"{PREFIX}INSTANCE must be a non-empty name without '/'")

    @property
    def etcd_host_port(self) -> tuple[str, int]:
        host, _, port = self.etcd_endpoint.rpartition(":")
        return host or "127.0.0.1", int(port)

    @property
    def http_host_port(self) -> tuple[str, int]:
        host, _, port = self.http_listen.rpartition(":")
        anywhere = ("", "0.0.0.0", "*")  # noqa: S104 - where to probe, not a bind
        return host if host not in anywhere else "127.0.0.1", int(port)

    def etcd_password(self) -> str | None:
        if self.etcd_password_file is None:
            return None
        return self.etcd_password_file.read_text().strip()

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> LbgenSettings:
        env = os.environ if environ is None else environ
        hints = typing.get_type_hints(cls)
        values: dict[str, Any] = {}
        for f in dataclasses.fields(cls):
            raw = env.get(PREFIX + f.name.upper())
            if raw is None:
                continue
            kind = hints[f.name]
            try:
                values[f.name] = _parse(kind, raw)
            except ValueError as exc:
                raise ValueError(f"{PREFIX}{f.name.upper()}: {exc}") from exc
        return cls(**values)


def _parse(kind: Any, raw: str) -> Any:
    args = [a for a in typing.get_args(kind) if a is not type(None)]
    if args:  # X | None: empty means None
        return None if raw == "" else _parse(args[0], raw)
    if kind is Path:
        return Path(raw)
    if kind in (int, float):
        return kind(raw)
    return raw
