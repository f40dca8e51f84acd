"""Requests to a container while a neighbour's port joins and leaves its bridge: the
shared part of tests/test_stack_bridges.py and bench/bridge.py (see the bench's doc)."""

import http.client
import json
import os
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from backend.core.config import BackendSettings
from tests.private_services import Dockerd

IMAGE = BackendSettings().registry_url.removeprefix("http://") + "/library/busybox:1.35"
LOW_MAC = "00:00:00:00:00:01"


@dataclass
class Figures:
    requests: int = 0
    unanswered: int = 0
    slowest_s: float = 0.0
    macs: set[str] = field(default_factory=set)


def docker(url: str, *args: str, stdin: bytes | None = None) -> str:
    done = subprocess.run(["docker", "-H", url, *args], input=stdin, capture_output=True,
                          check=True)
    return done.stdout.decode().strip()


def ip(*args: str) -> None:
    subprocess.run(["ip", *args], check=True, capture_output=True)


def serve(url: str, address: str) -> tuple[str, int]:
    """A busybox httpd published on `address`: its id and host port, once it answers."""
    # /cgi-bin/slow answers after 0.2 s: a request is nearly always in flight, as on a
    # busy app, where the same window is a few milliseconds wide.
    cgi = '#!/bin/sh\nsleep 0.2\necho "Content-Type: text/plain"\necho\necho ok\n'
    cid = docker(url, "run", "-d", "-p", f"{address}::8080", "-e", f"CGI={cgi}", IMAGE,
                 "sh", "-c", 'mkdir -p /www/cgi-bin && printf "%s" "$CGI" > /www/cgi-bin/slow'
                 ' && chmod +x /www/cgi-bin/slow && exec httpd -f -p 8080 -h /www')
    ports = json.loads(docker(url, "inspect", cid))[0]["NetworkSettings"]["Ports"]
    port = int(ports["8080/tcp"][0]["HostPort"])
    end = time.monotonic() + 20
    while time.monotonic() < end:
        if ask(address, port, 1)[0]:
            return cid, port
        time.sleep(0.1)
    raise RuntimeError("the container never answered")


def ask(address: str, port: int, timeout: float) -> tuple[bool, float]:
    start = time.monotonic()
    conn = http.client.HTTPConnection(address, port, timeout=timeout)
    try:
        conn.request("GET", "/cgi-bin/slow")
        ok = conn.getresponse().read().strip() == b"ok"
    except (OSError, http.client.HTTPException):
        ok = False
    finally:
        conn.close()
    return ok, time.monotonic() - start


def busybox_image() -> bytes:
    """The busybox image from the stack's engine, for a private engine to load."""
    return subprocess.run(["docker", "-H", BackendSettings().docker_host, "save", IMAGE],
                          capture_output=True, check=True).stdout


def measure(pin_mac: bool, index: int, cycles: int, hold: float, timeout: float,
            image: bytes) -> Figures:
    """Requests through docker-proxy to one container on a private engine's bridge while,
    `cycles` times, a low-MAC port joins for 1 s and leaves, then `hold` s of requests."""
    with tempfile.TemporaryDirectory(prefix="dy-bench-bridge-") as tmp:
        engine = Dockerd(Path(tmp) / "engine", index, pin_mac=pin_mac)
        veth = f"dybv{os.getpid() % 10000}{index}"
        figures, cid = Figures(), ""
        try:
            engine.start()
            docker(engine.url, "load", stdin=image)
            cid, port = serve(engine.url, engine.address)
            stop = threading.Event()

            def load() -> None:
                while not stop.is_set():
                    ok, took = ask(engine.address, port, timeout)
                    figures.requests += 1
                    figures.unanswered += not ok
                    figures.slowest_s = max(figures.slowest_s, took)

            mac_file = Path(f"/sys/class/net/{engine.bridge}/address")
            worker = threading.Thread(target=load, daemon=True)
            worker.start()
            for _ in range(cycles):
                ip("link", "add", veth, "address", LOW_MAC, "type", "veth",
                   "peer", "name", veth + "p")
                ip("link", "set", veth, "master", engine.bridge)
                ip("link", "set", veth, "up")
                figures.macs.add(mac_file.read_text().strip())
                time.sleep(1)  # new connections: the container learns this gateway MAC
                ip("link", "del", veth)  # ... which leaves with the port, mid-request
                figures.macs.add(mac_file.read_text().strip())
                time.sleep(hold)
            stop.set()
            worker.join(timeout + 5)
        finally:
            subprocess.run(["ip", "link", "del", veth], capture_output=True)
            if cid:  # httpd as pid 1 ignores SIGTERM: without this, stopping dockerd waits 10 s
                subprocess.run(["docker", "-H", engine.url, "rm", "-f", cid],
                               capture_output=True)
            engine.destroy()
        return figures
