"""A Docker engine per simulated host: own bridge, data root, exec root, socket, pid file.

Host 0 is part of every stack; scripts/hosts starts more with the same class
(DockerEngine(stack, stack.host(i))).
"""

from __future__ import annotations

import hashlib
import json
import signal
from pathlib import Path

from . import procs
from .base import Service
from .config import HostSpec, Stack


def bridge_mac(name: str) -> str:
    """A fixed MAC for bridge `name`: locally administered, unicast, the same every time.

    A Linux bridge whose address nobody set takes the lowest MAC among its ports and
    changes it whenever a container's veth joins or leaves. Containers keep the old
    gateway MAC in their ARP cache for seconds, so their answers to the host are flooded
    to other ports and lost: a request through docker-proxy to a healthy container then
    hangs while a neighbour on the same bridge starts or stops (seen as 1 request in
    ~10,000 at the edge). Docker pins the MAC of bridges it creates itself; we create ours,
    so we pin it too.
    """
    digest = hashlib.sha256(name.encode()).digest()
    return ":".join(f"{b:02x}" for b in (0x02, *digest[:5]))


def ensure_bridge(name: str, cidr: str) -> None:
    if not Path(f"/sys/class/net/{name}").exists():
        procs.run(["ip", "link", "add", name, "type", "bridge"])
    if Path(f"/sys/class/net/{name}/address").read_text().strip() != bridge_mac(name):
        # Only when it differs: setting even the same address makes the kernel flush the
        # host's ARP entries on the bridge, and a second `make up` should change nothing.
        procs.run(["ip", "link", "set", "dev", name, "address", bridge_mac(name)])
    if cidr not in procs.run(["ip", "-4", "-o", "addr", "show", "dev", name]).stdout:
        procs.run(["ip", "addr", "add", cidr, "dev", name])
    procs.run(["ip", "link", "set", name, "up"])


def delete_bridge(name: str) -> None:
    if Path(f"/sys/class/net/{name}").exists():
        procs.run(["ip", "link", "delete", name, "type", "bridge"])


class DockerEngine(Service):
    # dockerd first stops its containers, each within its own stop timeout (10 s unless
    # created with another): containers that ignore SIGTERM make `down` that slow.
    stop_timeout = 30.0

    def __init__(self, stack: Stack, host: HostSpec) -> None:
        super().__init__(stack)
        self.host = host
        self.name = "docker" if host.index == 0 else f"docker{host.index}"

    @property
    def exec_root(self) -> Path:
        return self.host.run_dir / "exec"

    @property
    def namespace(self) -> str:
        # Own containerd namespace: engines sharing a system containerd never mix.
        return f"dockyard-{self.stack.key}-h{self.host.index}"

    @property
    def config_file(self) -> Path:
        return self.host.data_root.parent / f"daemon-host{self.host.index}.json"

    @property
    def own_pidfile(self) -> Path:
        return self.host.run_dir / "dockerd.pid"

    def address(self) -> str:
        return f"{self.host.docker_host} (publishes on {self.host.address})"

    def occupied(self) -> bool:
        return self.ready()

    def command(self) -> list[str]:
        h = self.host
        return [
            "dockerd",
            "--host", h.docker_host,
            # Our own (empty) config: /etc/docker/daemon.json must not leak in.
            "--config-file", str(self.config_file),
            "--data-root", str(h.data_root),
            "--exec-root", str(self.exec_root),
            "--pidfile", str(self.own_pidfile),
            "--bridge", h.bridge,
            "--ip", h.address,  # default address for published ports
            "--default-address-pool", f"base={h.address_pool},size=24",
            "--containerd-namespace", self.namespace,
            "--containerd-plugins-namespace", f"{self.namespace}-plugins",
        ]

    def identity(self) -> list[str]:
        return [f"--host {self.host.docker_host}"]

    def prepare(self) -> None:
        ensure_bridge(self.host.bridge, self.host.bridge_cidr)
        for path in (self.host.data_root, self.exec_root):
            path.mkdir(parents=True, exist_ok=True)
        self.config_file.write_text(json.dumps({}) + "\n")
        procs.clear_stale_pidfile(self.own_pidfile, self.identity())
        procs.clear_stale_pidfile(self.exec_root / "containerd" / "containerd.pid",
                                  [str(self.exec_root)])

    def ready(self) -> bool:
        answer = procs.http_get("", 0, "/_ping", unix=str(self.host.socket))
        return answer == (200, b"OK")

    def after_stop(self) -> None:
        if self.ready():
            # An engine still answers on our socket, though its pid file was lost: its
            # processes and mounts are in use, so leave them (and say so).
            print(f"{self.name}: still answering on {self.host.socket}; not cleaned up")
            return
        self._sweep_leftovers()
        for root in (self.host.data_root, self.exec_root):
            procs.unmount_under(root)
        delete_bridge(self.host.bridge)

    def _sweep_leftovers(self) -> None:
        """containerd, shims and proxies outlive a dockerd that had to be killed."""
        tokens = (str(self.exec_root), f"-namespace {self.namespace}",
                  f"-host-ip {self.host.address} ")
        for token in tokens:
            for pid in procs.pids_with(token):
                procs.terminate(pid, signal.SIGTERM, 5)
