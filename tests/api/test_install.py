"""`curl …/install.sh?token=… | sh` on this machine: registers a host that turns Ready."""

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx

from backend.core.config import BackendSettings
from tests.conftest import Live
from tests.factories import uniq


def test_install_script_registers_and_starts_an_agent(live: Live, admin_token: str,
                                                      tmp_path: Path) -> None:
    h = {"Authorization": f"Bearer {admin_token}"}
    cluster = httpx.post(live.api("/clusters"), json={"name": uniq("inst")}, headers=h).json()
    token = httpx.post(live.api(f"/clusters/{cluster['id']}/join-tokens"), json={},
                       headers=h).json()
    script = httpx.get(live.api("/install.sh"), params={"token": token["token"]})
    assert script.status_code == 200
    name = uniq("node")
    prefix = tmp_path / "agent"
    # Docker is already here, and the project's interpreter has the agent's libraries,
    # so the script skips apt and pip; everything else runs as on a new host.
    env = {**os.environ, "DOCKYARD_INSTALL_PREFIX": str(prefix),
           "DOCKYARD_AGENT_PYTHON": sys.executable, "DOCKYARD_AGENT_NAME": name,
           "DOCKYARD_AGENT_ADDRESS": "127.0.2.1",
           "DOCKYARD_AGENT_DOCKER_HOST": BackendSettings().docker_host}
    done = subprocess.run(["sh", "-s"], input=script.text, env=env, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "registered as host" in done.stdout
    pid = int((prefix / "agent.pid").read_text())
    try:
        end, hosts = time.monotonic() + 10, []
        while time.monotonic() < end:
            hosts = httpx.get(live.api(f"/clusters/{cluster['id']}/hosts"),
                              headers=h).json()["items"]
            if hosts and hosts[0]["status"] == "Ready":
                break
            time.sleep(0.2)
        assert [(x["name"], x["status"]) for x in hosts] == [(name, "Ready")]
        assert (prefix / "agent.env").stat().st_mode & 0o077 == 0
        assert token["token"] not in (prefix / "agent.env").read_text()
        # The token was single-use: running the script again cannot add a host.
        again = subprocess.run(["sh", "-s"], input=script.text,
                               env={**env, "DOCKYARD_INSTALL_PREFIX": str(tmp_path / "b")},
                               capture_output=True, text=True, timeout=60)
        assert again.returncode != 0
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGTERM)
