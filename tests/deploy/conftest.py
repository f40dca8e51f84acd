"""A cluster of three real Docker hosts, each with its agent, behind the live API.

Host 0 is the test stack's engine; hosts 1 and 2 are private engines started here
(own bridge, data root and loopback address), so a test may stop one of them.
"""

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

from backend.core.config import BackendSettings
from tests.conftest import ROOT, Live
from tests.factories import uniq
from tests.private_services import Dockerd


def wait_for(check: Callable[[], Any], limit_s: float, every_s: float = 0.25) -> Any:
    end = time.monotonic() + limit_s
    last = None
    while time.monotonic() < end:
        last = check()
        if last:
            return last
        time.sleep(every_s)
    raise AssertionError(f"not true within {limit_s}s (last: {last!r})")


@dataclass
class HostInfo:
    id: str
    name: str
    docker_url: str
    address: str
    engine: Dockerd | None  # None: the test stack's own engine (never stopped here)
    state_dir: Path | None = None  # the agent's: host id and its own etcd credential

    def etcd_credential(self) -> tuple[str, str]:
        assert self.state_dir is not None
        saved = json.loads((self.state_dir / "etcd.json").read_text())
        return str(saved["username"]), str(saved["password"])


@dataclass
class Cluster3:
    id: str
    hosts: list[HostInfo]
    client: httpx.Client
    agents: list[subprocess.Popen[bytes]] = field(default_factory=list)

    def docker_containers(self, app_id: str) -> dict[str, list[dict[str, Any]]]:
        """host name -> containers labelled with this app, as each engine lists them."""
        out = {}
        for host in self.hosts:
            sock = host.docker_url.removeprefix("unix://")
            with httpx.Client(transport=httpx.HTTPTransport(uds=sock), timeout=5) as docker:
                try:
                    listed = docker.get("http://d/containers/json", params={
                        "all": "1",
                        "filters": json.dumps({"label": [f"dockyard.app={app_id}"]})}).json()
                except httpx.HTTPError:
                    listed = []  # a stopped engine lists nothing
            out[host.name] = listed
        return out


@pytest.fixture(scope="session")
def cluster3(live: Live, admin_token: str, tmp_path_factory: pytest.TempPathFactory
             ) -> Iterator[Cluster3]:
    settings = BackendSettings()
    root = tmp_path_factory.mktemp("hosts")
    engines = [Dockerd(root / f"engine{i}", i) for i in (1, 2)]
    client = httpx.Client(base_url=live.api(""), timeout=30,
                          headers={"Authorization": f"Bearer {admin_token}"})
    agents: list[subprocess.Popen[bytes]] = []
    try:
        for engine in engines:
            engine.start()
        slots = [(settings.docker_host, "127.0.2.1", None)] + [
            (e.url, e.address, e) for e in engines]
        cluster = client.post("/clusters", json={"name": uniq("three")}).json()
        token = client.post(f"/clusters/{cluster['id']}/join-tokens",
                            json={"max_uses": 3}).json()["token"]
        names = []
        for i, (url, address, _) in enumerate(slots):
            names.append(uniq(f"h{i}"))
            env = {**os.environ, "DOCKYARD_AGENT_API_URL": live.url,
                   "DOCKYARD_AGENT_JOIN_TOKEN": token,
                   "DOCKYARD_AGENT_STATE_DIR": str(root / f"agent{i}"),
                   "DOCKYARD_AGENT_NAME": names[-1], "DOCKYARD_AGENT_ADDRESS": address,
                   "DOCKYARD_AGENT_DOCKER_HOST": url,
                   "DOCKYARD_AGENT_ETCD_ENDPOINT": settings.etcd_endpoint,
                   "DOCKYARD_AGENT_LEASE_TTL_S": "3"}
            with (root / f"agent{i}.log").open("w") as log:
                agents.append(subprocess.Popen([sys.executable, "-m", "agent"], env=env,
                                               cwd=ROOT, stdout=log, stderr=subprocess.STDOUT))

        def ready() -> list[dict[str, Any]] | None:
            hosts = client.get(f"/clusters/{cluster['id']}/hosts").json()["items"]
            ok = [h for h in hosts if h["status"] == "Ready"]
            return hosts if len(ok) == 3 else None

        hosts = {h["name"]: h for h in wait_for(ready, 30)}
        yield Cluster3(id=cluster["id"], client=client, agents=agents, hosts=[
            HostInfo(id=hosts[n]["id"], name=n, docker_url=url, address=address, engine=e,
                     state_dir=root / f"agent{i}")
            for i, (n, (url, address, e)) in enumerate(zip(names, slots, strict=True))])
    finally:
        _remove_cluster_containers(settings.docker_host, cluster["id"] if agents else "")
        for agent in agents:
            agent.terminate()
        for agent in agents:
            agent.wait(timeout=10)
        for engine in engines:
            engine.destroy()
        client.close()


def _remove_cluster_containers(docker_url: str, cluster_id: str) -> None:
    """Leave the shared test engine as we found it, whatever a failed test left behind."""
    if not cluster_id:
        return
    sock = docker_url.removeprefix("unix://")
    with httpx.Client(transport=httpx.HTTPTransport(uds=sock), timeout=30) as docker:
        listed = docker.get("http://d/containers/json", params={
            "all": "1", "filters": json.dumps({"label": [f"dockyard.cluster={cluster_id}"]})})
        for container in listed.json():
            docker.delete(f"http://d/containers/{container['Id']}", params={"force": "1"})


@pytest.fixture
def group(cluster3: Cluster3) -> str:
    return str(cluster3.client.post("/groups", json={"name": uniq("dg")}).json()["id"])


def page_text(address: str) -> str:
    return httpx.get(f"http://{address}/", timeout=3).text.strip()


