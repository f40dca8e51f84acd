"""Private etcd and dockerd processes that a test may stop and restart at will."""

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import ROOT, free_port

sys.path.insert(0, str(ROOT / "scripts"))
from stacklib.engine import ensure_bridge  # the stack's own bridge set-up


def kill_quietly(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)


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


class Dockerd:
    """A throw-away engine with its own bridge, data root, exec root and socket."""

    def __init__(self, root: Path, index: int = 0, extra_args: list[str] | None = None,
                 pin_mac: bool = True):
        # Index i: bridge dyagt<i> on 172.31.<250+i>.0/24, publishing on 127.0.2.<250+i>.
        # pin_mac=False leaves the bridge's MAC to the kernel: only bench/bridge.py's
        # baseline wants that (see stacklib.engine.bridge_mac for why nothing else does).
        self.root, self.index, self.extra_args = root, index, extra_args or []
        self.pin_mac = pin_mac
        self.bridge, self.cidr = f"dyagt{index}", f"172.31.{250 + index}.1/24"
        self.address = f"127.0.2.{250 + index}"
        self.run_dir = Path(f"/run/dockyard-agt-{os.getpid()}-{index}")
        self.socket = self.run_dir / "docker.sock"
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"unix://{self.socket}"

    def start(self) -> None:
        if self.pin_mac:
            ensure_bridge(self.bridge, self.cidr)
        else:
            subprocess.run(["ip", "link", "add", self.bridge, "type", "bridge"],
                           capture_output=True)
            subprocess.run(["ip", "addr", "add", self.cidr, "dev", self.bridge],
                           capture_output=True)
            subprocess.run(["ip", "link", "set", self.bridge, "up"], check=True)
        self.run_dir.mkdir(parents=True, exist_ok=True)
        self.root.mkdir(parents=True, exist_ok=True)
        with (self.root / "dockerd.log").open("a") as log:
            self.proc = subprocess.Popen([
                "dockerd", "-H", self.url, "--data-root", str(self.root / "data"),
                "--exec-root", str(self.run_dir / "exec"),
                "--pidfile", str(self.run_dir / "docker.pid"), "-b", self.bridge,
                "--ip", self.address, "--containerd-namespace", f"dyagt{self.index}",
                "--containerd-plugins-namespace", f"dyagt{self.index}-plugins",
                *self.extra_args],
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
        subprocess.run(["ip", "link", "del", self.bridge], capture_output=True)
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
