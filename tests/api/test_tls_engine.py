"""An engine reached over the network: TLS both ways, certificates from the platform CA."""

import os
import ssl
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from backend.core.config import BackendSettings
from tests.conftest import ROOT, Live, free_port
from tests.deploy.conftest import wait_for
from tests.deploy.helpers import make_app, make_version, scale_to_zero, serving
from tests.factories import uniq
from tests.private_services import Dockerd

ADDRESS = "127.0.2.77"


def test_tls_engine_is_driven_with_a_platform_client_certificate(
        live: Live, admin_token: str, tmp_path: Path) -> None:
    c = httpx.Client(base_url=live.api(""), timeout=30,
                     headers={"Authorization": f"Bearer {admin_token}"})
    cluster = c.post("/clusters", json={"name": uniq("tls")}).json()["id"]
    token = c.post(f"/clusters/{cluster}/join-tokens", json={}).json()["token"]
    port = free_port()
    endpoint = f"https://{ADDRESS}:{port}"
    engine_dir = tmp_path / "engine"
    engine_sock = f"unix:///run/dockyard-agt-{os.getpid()}-5/docker.sock"
    env = {**os.environ, "DOCKYARD_AGENT_API_URL": live.url, "DOCKYARD_AGENT_JOIN_TOKEN": token,
           "DOCKYARD_AGENT_STATE_DIR": str(tmp_path / "state"),
           "DOCKYARD_AGENT_NAME": uniq("tlsh"), "DOCKYARD_AGENT_ADDRESS": ADDRESS,
           "DOCKYARD_AGENT_DOCKER_HOST": engine_sock, "DOCKYARD_AGENT_ENGINE_URL": endpoint,
           "DOCKYARD_AGENT_ETCD_ENDPOINT": BackendSettings().etcd_endpoint,
           "DOCKYARD_AGENT_LEASE_TTL_S": "3"}
    # Registration (as install.sh does it) brings the engine's certificates.
    done = subprocess.run([sys.executable, "-m", "agent.register_cli"], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=30)
    assert done.returncode == 0, done.stderr
    tls = tmp_path / "state" / "tls"
    assert all((tls / n).stat().st_mode & 0o077 == 0
               for n in ("ca.pem", "server-cert.pem", "server-key.pem"))
    host_id = (tmp_path / "state" / "host.json").read_text().split('"host_id": "')[1][:36]
    engine = Dockerd(engine_dir, 5, extra_args=[
        "-H", f"tcp://{ADDRESS}:{port}", "--tlsverify", f"--tlscacert={tls / 'ca.pem'}",
        f"--tlscert={tls / 'server-cert.pem'}", f"--tlskey={tls / 'server-key.pem'}"])
    assert engine.url == engine_sock
    agent = None
    try:
        engine.start()
        # Without a client certificate of the platform's CA, the engine refuses.
        ctx = ssl.create_default_context(cafile=str(tls / "ca.pem"))
        with pytest.raises(httpx.HTTPError):
            httpx.get(f"{endpoint}/_ping", verify=ctx, timeout=5)
        # The host's agent talks to its engine locally and reports it Ready.
        agent = subprocess.Popen([sys.executable, "-m", "agent"], env=env, cwd=ROOT,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for(lambda: c.get(f"/hosts/{host_id}").json()["status"] == "Ready", 15)
        # The worker creates and starts containers there over TLS.
        group = c.post("/groups", json={"name": uniq("tg")}).json()["id"]
        app = make_app(c, group)
        v1 = make_version(c, app, "over-tls")
        assert c.post(f"/apps/{app}/deploy", json={"version": v1, "cluster_id": cluster,
                                                   "replicas": 1}).status_code == 202
        (container,) = serving(c, app, 1, v1)
        assert container["ports"]["8080/tcp"].startswith(ADDRESS)
        assert httpx.get(f"http://{container['ports']['8080/tcp']}/").text.strip() == "over-tls"
        scale_to_zero(c, app, cluster)
    finally:
        if agent is not None:
            agent.terminate()
            agent.wait(timeout=10)
        engine.destroy()
        c.close()
