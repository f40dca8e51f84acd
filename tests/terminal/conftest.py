"""A running busybox container on a real engine, reached through the live API.

One private engine (index 3) with its own agent, a one-host cluster, a group with a
developer, a viewer and a stranger (member of another group), and one deployed
container that sleeps. Its Docker exec ids are counted to prove refusals create none.
"""

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.conftest import ROOT, Live, free_port
from tests.deploy.conftest import wait_for
from tests.deploy.helpers import IMAGE
from tests.factories import uniq
from tests.private_services import Dockerd

PASSWORD = "terminal-pass-1"


@dataclass
class TermEnv:
    live: Live
    admin: httpx.Client
    engine: Dockerd
    group: str
    app: str
    container: str
    tokens: dict[str, str] = field(default_factory=dict)
    usernames: dict[str, str] = field(default_factory=dict)

    def exec_ids(self) -> list[str]:
        sock = self.engine.url.removeprefix("unix://")
        with httpx.Client(transport=httpx.HTTPTransport(uds=sock), timeout=10) as docker:
            info = docker.get(f"http://d/containers/dy-{self.container}/json").json()
        return list(info.get("ExecIDs") or [])

    def client(self, who: str) -> httpx.Client:
        return httpx.Client(base_url=self.live.api(""), timeout=30,
                            headers={"Authorization": f"Bearer {self.tokens[who]}"})

    def events(self, **params: Any) -> list[dict[str, Any]]:
        r = self.admin.get("/events", params={"target_type": "container",
                                              "target_id": self.container, "limit": 200,
                                              **params})
        return [e for e in r.json()["items"] if e["action"] == "container.terminal"]


def login(live: Live, username: str) -> str:
    r = httpx.post(live.api("/auth/login"), json={"username": username, "password": PASSWORD})
    r.raise_for_status()
    return str(r.json()["access_token"])


def make_user(env: TermEnv, who: str, group: str | None, role: str | None) -> None:
    name = uniq(who)
    r = env.admin.post("/users", json={"username": name, "password": PASSWORD})
    assert r.status_code == 201, r.text
    if group and role:
        r = env.admin.post(f"/groups/{group}/members", json={"username": name, "role": role})
        assert r.status_code == 201, r.text
    env.usernames[who] = name
    env.tokens[who] = login(env.live, name)


def _agent(live: Live, engine: Dockerd, root: Path, token: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "DOCKYARD_AGENT_API_URL": live.url,
           "DOCKYARD_AGENT_JOIN_TOKEN": token, "DOCKYARD_AGENT_STATE_DIR": str(root / "agent"),
           "DOCKYARD_AGENT_NAME": uniq("term"), "DOCKYARD_AGENT_ADDRESS": engine.address,
           "DOCKYARD_AGENT_DOCKER_HOST": engine.url,
           "DOCKYARD_AGENT_ETCD_ENDPOINT": live.env.get("DOCKYARD_ETCD_ENDPOINT", ""),
           "DOCKYARD_AGENT_LEASE_TTL_S": "3"}
    env = {k: v for k, v in env.items() if v}
    with (root / "agent.log").open("w") as log:
        return subprocess.Popen([sys.executable, "-m", "agent"], env=env, cwd=ROOT,
                                stdout=log, stderr=subprocess.STDOUT)


@pytest.fixture(scope="session")
def term(live: Live, admin_token: str, tmp_path_factory: pytest.TempPathFactory
         ) -> Iterator[TermEnv]:
    root = tmp_path_factory.mktemp("terminal")
    engine = Dockerd(root / "engine", 3)
    admin = httpx.Client(base_url=live.api(""), timeout=30,
                         headers={"Authorization": f"Bearer {admin_token}"})
    agent = None
    try:
        engine.start()
        cluster = admin.post("/clusters", json={"name": uniq("term")}).json()["id"]
        token = admin.post(f"/clusters/{cluster}/join-tokens", json={"max_uses": 1}
                           ).json()["token"]
        agent = _agent(live, engine, root, token)
        wait_for(lambda: [h for h in admin.get(f"/clusters/{cluster}/hosts").json()["items"]
                          if h["status"] == "Ready"], 30)
        group = admin.post("/groups", json={"name": uniq("tg")}).json()["id"]
        other = admin.post("/groups", json={"name": uniq("other")}).json()["id"]
        app = admin.post(f"/groups/{group}/apps", json={"name": uniq("shell")}).json()["id"]
        r = admin.post(f"/apps/{app}/versions", json={
            "image": IMAGE, "memory_mb": 32,
            "command": ["sh", "-c", "trap 'exit 0' TERM; while :; do sleep 1; done"]})
        assert r.status_code == 201, r.text
        r = admin.post(f"/apps/{app}/deploy", json={"version": 1, "cluster_id": cluster,
                                                    "replicas": 1})
        assert r.status_code == 202, r.text
        running = wait_for(lambda: [c for c in admin.get(f"/apps/{app}/containers").json()
                                    ["items"] if c["state"] == "running"], 90)
        env = TermEnv(live, admin, engine, group, app, running[0]["id"])
        for who, grp, role in [("dev", group, "developer"), ("dev2", group, "developer"),
                               ("viewer", group, "viewer"), ("stranger", other, "admin")]:
            make_user(env, who, grp, role)
        yield env
    finally:
        if agent is not None:
            agent.terminate()
            agent.wait(timeout=10)
        engine.destroy()
        admin.close()


@pytest.fixture(scope="session")
def gateway(live: Live, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """The SSH gateway as `make up` runs it, on a free port, with its own data dir."""
    data = tmp_path_factory.mktemp("gateway")
    port = free_port()
    env = {**live.env, "DOCKYARD_TERMINAL_SSH_PORT": str(port), "DOCKYARD_DATA_DIR": str(data)}
    log = (data / "gateway.log").open("a")
    info: dict[str, Any] = {"port": port, "data": data, "env": env, "log": log}

    def start() -> subprocess.Popen[bytes]:
        proc = subprocess.Popen([sys.executable, "-m", "backend.terminal.ssh_gateway"],
                                env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
        wait_for(lambda: _listening(port) or proc.poll() is not None, 30)
        assert proc.poll() is None, (data / "gateway.log").read_text()
        return proc

    info["start"] = start
    info["proc"] = start()
    try:
        yield info
    finally:
        info["proc"].terminate()
        info["proc"].wait(timeout=10)
        log.close()


def _listening(port: int) -> bool:
    import socket

    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


def dumps(obj: Any) -> str:
    return json.dumps(obj)
