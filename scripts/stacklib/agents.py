"""One agent per simulated host (`python -m agent`), registered through the stack's API.

Each agent keeps its state (the host id it was given) in <home>/agent<i>/, so a second
`make up` finds the host registered and never asks for another; only an agent without
that file gets a join token. Agents stop with SIGTERM, on which they revoke their lease
and their host turns NotReady at once rather than after the TTL.
"""

from __future__ import annotations

import base64
import json
import os
from pathlib import Path

from . import procs
from .base import Service
from .config import REPO, VENV_BIN, HostSpec, Stack

LOOPBACK = "127.0.0.1"
PREFIX = "/dockyard"


def etcd_has_key(port: int, key: str, credential: dict[str, str] | None = None) -> bool:
    """Whether etcd holds key, asked through its JSON gateway (no client library here),
    logged in as the given user (etcd runs with auth)."""
    headers = {}
    if credential:
        login = json.dumps({"name": credential["username"], "password": credential["password"]})
        answer = procs.http_post(LOOPBACK, port, "/v3/auth/authenticate", login.encode())
        if answer is None or answer[0] != 200:
            return False
        headers["Authorization"] = json.loads(answer[1])["token"]
    body = json.dumps({"key": base64.b64encode(key.encode()).decode(), "count_only": True})
    answer = procs.http_post(LOOPBACK, port, "/v3/kv/range", body.encode(), headers=headers)
    if answer is None or answer[0] != 200:
        return False
    return int(json.loads(answer[1]).get("count", 0)) > 0


class Agent(Service):
    start_timeout = 30.0
    stop_timeout = 10.0  # a clean stop revokes the lease in well under a second

    def __init__(self, stack: Stack, host: HostSpec) -> None:
        super().__init__(stack)
        self.host = host
        self.name = f"agent{host.index}"
        self.join_token: str | None = None  # only for a host that is not registered yet

    @property
    def state_dir(self) -> Path:
        return self.stack.home / self.name

    def host_id(self) -> str | None:
        try:
            return str(json.loads((self.state_dir / "host.json").read_text())["host_id"])
        except (OSError, ValueError, KeyError):
            return None

    def address(self) -> str:
        host_id = self.host_id()
        who = f"host {host_id}" if host_id else "not registered"
        return f"{who} ({self.host.docker_host}, publishes on {self.host.address})"

    def command(self) -> list[str]:
        return [str(VENV_BIN / "python"), "-m", "agent"]

    def identity(self) -> list[str]:
        return ["-m agent", f"DOCKYARD_AGENT_STATE_DIR={self.state_dir}"]

    def cwd(self) -> Path:
        return REPO

    def env(self) -> dict[str, str]:
        # Nothing of the caller's agent settings leaks in: a stray HOST_ID would make
        # every agent of the stack claim the same host.
        env = {k: v for k, v in os.environ.items() if not k.startswith("DOCKYARD_AGENT_")}
        ports = self.stack.ports
        env.update({
            "DOCKYARD_AGENT_NAME": f"host{self.host.index}",
            "DOCKYARD_AGENT_ADDRESS": self.host.address,
            "DOCKYARD_AGENT_DOCKER_HOST": self.host.docker_host,
            "DOCKYARD_AGENT_ETCD_ENDPOINT": f"{LOOPBACK}:{ports.etcd}",
            "DOCKYARD_AGENT_STATE_DIR": str(self.state_dir),
            "DOCKYARD_AGENT_API_URL": f"http://{LOOPBACK}:{ports.api}",
        })
        if self.join_token and self.host_id() is None:
            env["DOCKYARD_AGENT_JOIN_TOKEN"] = self.join_token
        return env

    def prepare(self) -> None:
        self.state_dir.mkdir(parents=True, exist_ok=True)
        if self.host_id() is None and not self.join_token:
            raise procs.StackError(f"{self.name}: not registered and no join token given")

    def ready(self) -> bool:
        host_id = self.host_id()
        return host_id is not None and etcd_has_key(self.stack.ports.etcd,
                                                    f"{PREFIX}/hosts/{host_id}",
                                                    self.etcd_credential())

    def etcd_credential(self) -> dict[str, str] | None:
        """The host's own etcd user, as the agent keeps it from its registration."""
        try:
            return dict(json.loads((self.state_dir / "etcd.json").read_text()))
        except (OSError, ValueError):
            return None


def agent_indexes(stack: Stack) -> list[int]:
    """Hosts that have (or had) an agent in this stack: by pid file or state dir."""
    found = set()
    for pattern in ("run/agent*.pid", "agent*/"):
        for path in stack.home.glob(pattern):
            suffix = path.stem[len("agent"):]
            if suffix.isdigit():
                found.add(int(suffix))
    return sorted(found)


def known_agents(stack: Stack) -> list[Agent]:
    return [Agent(stack, stack.host(i)) for i in agent_indexes(stack)]
