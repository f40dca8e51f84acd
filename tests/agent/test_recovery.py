"""The agent survives its etcd and its Docker engine restarting, without a restart itself.

Both run privately here (own etcd data dir, own dockerd with its own bridge), so
restarting them disturbs no other test.
"""

import asyncio
import contextlib
import json
import os
import shutil
import signal
import subprocess
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import aiodocker
import httpx
import pytest

from agent.etcd_store import EtcdStore
from tests.agent.conftest import Containers, apoll, kill_quietly
from tests.conftest import free_port


class Etcd:
    def __init__(self, root: Path):
        self.root, self.port, self.peer = root, free_port(), free_port()
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def endpoint(self) -> str:
        return f"127.0.0.1:{self.port}"

    def start(self) -> None:
        peer = f"http://127.0.0.1:{self.peer}"
        with (self.root / "etcd.log").open("a") as log:
            self.proc = subprocess.Popen([
                "etcd", "--name", "t", "--data-dir", str(self.root / "data"),
                "--listen-client-urls", f"http://{self.endpoint}",
                "--advertise-client-urls", f"http://{self.endpoint}",
                "--listen-peer-urls", peer, "--initial-advertise-peer-urls", peer,
                "--initial-cluster", f"t={peer}", "--heartbeat-interval", "50",
                "--election-timeout", "250"], stdout=log, stderr=subprocess.STDOUT)
        end = time.monotonic() + 15
        while time.monotonic() < end:
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"http://{self.endpoint}/health", timeout=1).status_code == 200:
                    return
            time.sleep(0.1)
        raise RuntimeError("private etcd did not start")

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


@pytest.fixture
def private_etcd(tmp_path: Path) -> Iterator[Etcd]:
    etcd = Etcd(tmp_path)
    etcd.start()
    yield etcd
    etcd.stop()


BRIDGE, CIDR = "dyagt0", "172.31.250.1/24"


class Dockerd:
    """A throw-away engine with its own bridge, data root, exec root and socket."""

    def __init__(self, root: Path):
        self.root = root
        self.run_dir = Path(f"/run/dockyard-agt-{os.getpid()}")
        self.socket = self.run_dir / "docker.sock"
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"unix://{self.socket}"

    def start(self) -> None:
        subprocess.run(["ip", "link", "add", BRIDGE, "type", "bridge"], capture_output=True)
        subprocess.run(["ip", "addr", "add", CIDR, "dev", BRIDGE], capture_output=True)
        subprocess.run(["ip", "link", "set", BRIDGE, "up"], check=True)
        self.run_dir.mkdir(parents=True, exist_ok=True)
        with (self.root / "dockerd.log").open("a") as log:
            self.proc = subprocess.Popen([
                "dockerd", "-H", self.url, "--data-root", str(self.root / "data"),
                "--exec-root", str(self.run_dir / "exec"),
                "--pidfile", str(self.run_dir / "docker.pid"), "-b", BRIDGE,
                "--ip", "127.0.2.250", "--containerd-namespace", "dyagt",
                "--containerd-plugins-namespace", "dyagt-plugins"],
                stdout=log, stderr=subprocess.STDOUT)
        end = time.monotonic() + 30
        while time.monotonic() < end:
            try:
                transport = httpx.HTTPTransport(uds=str(self.socket))
                with httpx.Client(transport=transport) as c:
                    if c.get("http://d/_ping", timeout=1).status_code == 200:
                        return
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        raise RuntimeError("private dockerd did not start")

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                kill_quietly(self.proc.pid)
                self.proc.wait()

    def destroy(self) -> None:
        self.stop()
        subprocess.run(["ip", "link", "del", BRIDGE], capture_output=True)
        for mount in Path("/proc/mounts").read_text().splitlines():
            target = mount.split()[1]
            if target.startswith((str(self.root), str(self.run_dir))):
                subprocess.run(["umount", "-l", target], capture_output=True)
        shutil.rmtree(self.run_dir, ignore_errors=True)


@pytest.fixture
def private_dockerd(tmp_path: Path) -> Iterator[Dockerd]:
    engine = Dockerd(tmp_path)
    engine.start()
    yield engine
    engine.destroy()


async def host_record(etcd: EtcdStore, key: str) -> dict | None:
    kv = await etcd.get(key)
    return json.loads(kv.value) if kv else None


async def test_survives_etcd_restart(start_agent, private_etcd: Etcd, prefix: str,
                                     containers: Containers) -> None:
    store = EtcdStore("127.0.0.1", private_etcd.port)
    agent = start_agent(ttl=3, etcd_endpoint=private_etcd.endpoint)
    key = f"{prefix}/hosts/{agent.host_id}"
    await apoll(lambda: store.get(key), 5)
    private_etcd.stop()
    await store.close()
    during = await containers.run()  # happens while etcd is down
    await asyncio.sleep(2)
    private_etcd.start()
    try:
        await apoll(lambda: store.get(f"{prefix}/containers/{agent.host_id}/{during}"), 15)
        assert await store.get(key) is not None
        assert agent.proc.poll() is None, "the agent must not have exited"
    finally:
        await store.close()


async def test_survives_dockerd_restart(start_agent, private_dockerd: Dockerd, prefix: str,
                                        etcd: EtcdStore, image: str) -> None:
    agent = start_agent(ttl=3, docker_host=private_dockerd.url)
    key = f"{prefix}/hosts/{agent.host_id}"
    await apoll(lambda: etcd.get(key), 5)
    private_dockerd.stop()

    async def docker_down() -> bool:
        rec = await host_record(etcd, key)
        return rec is not None and rec["docker_ok"] is False

    await apoll(docker_down, 10, every_s=0.1)  # the host stays, saying its engine is away
    private_dockerd.start()

    async def docker_up() -> bool:
        rec = await host_record(etcd, key)
        return rec is not None and rec["docker_ok"] is True

    await apoll(docker_up, 15, every_s=0.1)
    docker = aiodocker.Docker(url=private_dockerd.url)
    made = Containers(docker, image)
    try:
        await made.pull()
        docker_id = await made.run()
        await apoll(lambda: etcd.get(f"{prefix}/containers/{agent.host_id}/{docker_id}"), 5)
        assert agent.proc.poll() is None
    finally:
        await made.cleanup()
        await docker.close()
