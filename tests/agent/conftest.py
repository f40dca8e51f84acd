"""Real etcd and real Docker engines for the agent's tests.

Each test gets its own etcd key prefix, so agents of different tests never meet.
"""

import asyncio
import concurrent.futures
import contextlib
import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

import aiodocker
import pytest

from backend.core.config import BackendSettings
from backend.registry.tokens import platform_auth
from livestate import auth, labels
from livestate.keys import Layout
from livestate.store import EtcdStore

ROOT = Path(__file__).resolve().parents[2]


def poll(check: Callable[[], Any], limit_s: float, every_s: float = 0.02) -> tuple[Any, float]:
    """Call `check` until it returns something truthy; (result, seconds it took)."""
    start = time.monotonic()
    while True:
        result = check()
        if result:
            return result, time.monotonic() - start
        if time.monotonic() - start > limit_s:
            raise AssertionError(f"not true within {limit_s}s")
        time.sleep(every_s)


async def apoll(check: Callable[[], Any], limit_s: float, every_s: float = 0.02
                ) -> tuple[Any, float]:
    start = time.monotonic()
    while True:
        result = await check()
        if result:
            return result, time.monotonic() - start
        if time.monotonic() - start > limit_s:
            raise AssertionError(f"not true within {limit_s}s")
        await asyncio.sleep(every_s)


@pytest.fixture(scope="session")
def stack() -> BackendSettings:
    return BackendSettings()


@pytest.fixture
def prefix() -> str:
    return f"/dyt-{uuid.uuid4().hex[:8]}"


@pytest.fixture
async def etcd(stack: BackendSettings, prefix: str) -> AsyncIterator[EtcdStore]:
    store = stack.etcd_root_store() or stack.etcd_store()
    yield store
    client = await store.connect()
    await client.delete_prefix(prefix.encode())
    await store.close()


@pytest.fixture(scope="session")
def image(stack: BackendSettings) -> str:
    return f"{stack.registry_url.removeprefix('http://')}/library/busybox:1.35"


class Containers:
    """Labelled busybox containers on one engine, removed at teardown."""

    def __init__(self, docker: aiodocker.Docker, image: str):
        self.docker, self.image, self.ids = docker, image, []

    async def pull(self) -> None:
        # The registry wants a token: the platform's, for this one repository.
        await self.docker.images.pull(self.image,
                                      auth=platform_auth(BackendSettings(), self.image))

    async def run(self, *, managed: bool = True, **extra_labels: str) -> str:
        container_labels = {labels.MANAGED: "true"} if managed else {}
        container_labels.update(extra_labels)
        container = await self.docker.containers.run(config={
            "Image": self.image, "Cmd": ["sleep", "3600"], "Labels": container_labels,
            "StopTimeout": 1, "HostConfig": {"Init": True}})
        self.ids.append(container.id)
        return str(container.id)

    async def remove(self, docker_id: str) -> None:
        await (await self.docker.containers.get(docker_id)).delete(force=True)

    async def cleanup(self) -> None:
        for docker_id in self.ids:
            with contextlib.suppress(aiodocker.DockerError):
                await (await self.docker.containers.get(docker_id)).delete(force=True)


@pytest.fixture
async def containers(stack: BackendSettings, image: str) -> AsyncIterator[Containers]:
    docker = aiodocker.Docker(url=stack.docker_host)
    made = Containers(docker, image)
    await made.pull()
    yield made
    await made.cleanup()
    await docker.close()


class AgentProcess:
    def __init__(self, proc: subprocess.Popen[bytes], host_id: str, log: Path):
        self.proc, self.host_id, self.log = proc, host_id, log

    def signal(self, sig: signal.Signals) -> None:
        self.proc.send_signal(sig)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGCONT)
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def host_credentials(stack: BackendSettings, prefix: str, host_id: str, tmp_path: Path
                     ) -> dict[str, str]:
    """An etcd user for the host whose role reaches only its keys under this test's prefix."""
    root = stack.etcd_root_store()
    if root is None:
        return {}
    password = auth.new_password()

    async def make() -> None:
        await auth.EtcdUsers(root).ensure_user(auth.host_user(host_id), password,
                                               auth.host_grants(Layout(prefix), host_id))
        await root.close()
    # start() is called from async tests: run the set-up on a loop of its own.
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, make()).result()
    secret = tmp_path / f"etcd-{host_id[:8]}"
    secret.write_text(password)
    return {"DOCKYARD_AGENT_ETCD_USERNAME": auth.host_user(host_id),
            "DOCKYARD_AGENT_ETCD_PASSWORD_FILE": str(secret)}


@pytest.fixture
def start_agent(stack: BackendSettings, prefix: str, tmp_path: Path
                ) -> Iterator[Callable[..., AgentProcess]]:
    started: list[AgentProcess] = []

    def start(host_id: str | None = None, *, ttl: int = 3, resync: float = 30.0,
              docker_host: str | None = None, etcd_endpoint: str | None = None
              ) -> AgentProcess:
        host_id = host_id or str(uuid.uuid4())
        env = {**os.environ, "DOCKYARD_AGENT_HOST_ID": host_id,
               "DOCKYARD_AGENT_PREFIX": prefix,
               "DOCKYARD_AGENT_NAME": f"h-{host_id[:8]}",
               "DOCKYARD_AGENT_ADDRESS": "127.0.2.1",
               "DOCKYARD_AGENT_DOCKER_HOST": docker_host or stack.docker_host,
               "DOCKYARD_AGENT_ETCD_ENDPOINT": etcd_endpoint or stack.etcd_endpoint,
               "DOCKYARD_AGENT_LEASE_TTL_S": str(ttl),
               "DOCKYARD_AGENT_RESYNC_INTERVAL_S": str(resync),
               "DOCKYARD_AGENT_BACKOFF_MAX_S": "1"}
        if etcd_endpoint is None:  # the stack's etcd: the host's own user, as registered
            env.update(host_credentials(stack, prefix, host_id, tmp_path))
        log = tmp_path / f"agent-{host_id[:8]}.log"
        with log.open("w") as out:
            proc = subprocess.Popen([sys.executable, "-m", "agent"], env=env, cwd=ROOT,
                                    stdout=out, stderr=subprocess.STDOUT)
        agent = AgentProcess(proc, host_id, log)
        started.append(agent)
        return agent

    yield start
    for agent in started:
        agent.stop()


# Fixtures of private services, shared by the recovery and watcher tests.
from tests.private_services import private_dockerd, private_etcd  # noqa: E402, F401
