"""etcd over TLS, as hosts on other machines reach it: the platform CA signs etcd's
certificate, an agent checks it with the CA it got at registration."""

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from backend.core.config import BackendSettings
from backend.hosts.pki import PlatformCA
from livestate.endpoints import host_port
from livestate.keys import Layout
from livestate.store import EtcdError, EtcdStore
from tests.agent.conftest import ROOT, AgentProcess, apoll, host_credentials


@pytest.fixture(scope="module")
def tls() -> tuple[str, int, bytes]:
    settings = BackendSettings()
    assert settings.etcd_tls_endpoint, "the test stack's etcd has a TLS listener"
    return (*host_port(settings.etcd_tls_endpoint), PlatformCA(settings.pki_dir).ca_pem())


class TestTlsStore:
    async def test_the_platform_ca_verifies_etcd(self, tls: tuple[str, int, bytes]) -> None:
        host, port, ca = tls
        settings = BackendSettings()
        password = (settings.etcd_password_file or Path("/nonexistent")).read_text().strip()
        store = EtcdStore(host, port, settings.etcd_username, password, ca_pem=ca)
        try:
            await store.get("/dockyard/anything")  # logged in over TLS
        finally:
            await store.close()

    async def test_another_ca_is_refused(self, tls: tuple[str, int, bytes],
                                         tmp_path: Path) -> None:
        host, port, _ = tls
        stranger = PlatformCA(tmp_path / "other-ca").ca_pem()
        store = EtcdStore(host, port, timeout=3, ca_pem=stranger)
        with pytest.raises((EtcdError, OSError, TimeoutError)):
            await store.get("/dockyard/anything")
        await store.close()

    async def test_plaintext_to_the_tls_port_fails(self, tls: tuple[str, int, bytes]) -> None:
        host, port, _ = tls
        store = EtcdStore(host, port, timeout=3)
        with pytest.raises((EtcdError, OSError, TimeoutError)):
            await store.get("/dockyard/anything")
        await store.close()


def spawn_agent(env: dict[str, str], host_id: str, log: Path) -> AgentProcess:
    with log.open("w") as out:
        proc = subprocess.Popen([sys.executable, "-m", "agent"], env=env, cwd=ROOT,
                                stdout=out, stderr=subprocess.STDOUT)
    return AgentProcess(proc, host_id, log)


async def test_an_agent_reports_over_tls(tls: tuple[str, int, bytes], etcd: EtcdStore,
                                        prefix: str, tmp_path: Path,
                                        stack: BackendSettings) -> None:
    host, port, ca = tls
    host_id = str(uuid.uuid4())
    (tmp_path / "ca.pem").write_bytes(ca)
    env = {**os.environ, **host_credentials(stack, prefix, host_id, tmp_path),
           "DOCKYARD_AGENT_HOST_ID": host_id, "DOCKYARD_AGENT_PREFIX": prefix,
           "DOCKYARD_AGENT_NAME": f"tls-{host_id[:8]}", "DOCKYARD_AGENT_ADDRESS": "127.0.2.1",
           "DOCKYARD_AGENT_DOCKER_HOST": stack.docker_host,
           "DOCKYARD_AGENT_ETCD_ENDPOINT": f"{host}:{port}",
           "DOCKYARD_AGENT_ETCD_CA_FILE": str(tmp_path / "ca.pem"),
           "DOCKYARD_AGENT_LEASE_TTL_S": "3"}
    agent = spawn_agent(env, host_id, tmp_path / "agent.log")
    try:
        await apoll(lambda: etcd.get(Layout(prefix).host(host_id)), 10)
    finally:
        agent.stop()
