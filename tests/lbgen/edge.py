"""A private edge for tests and bench/lb.py: nginx on free ports run from lbgen's config,
and tiny HTTP backends that answer their own name."""

from __future__ import annotations

import contextlib
import http.server
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from pathlib import Path

from lbgen import model, render
from lbgen.nginx import Nginx
from lbgen.settings import LbgenSettings


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class EdgeNginx:
    """nginx started on lbgen's empty config; lbgen (or a test) reloads it."""

    def __init__(self, tls: bool = False):
        # nginx workers run as nobody: every dir they use must be traversable.
        self.root = Path(tempfile.mkdtemp(prefix="lbgen-", dir="/tmp"))
        self.root.chmod(0o755)
        (self.root / "tmp").mkdir(mode=0o755)
        self.http_port = free_port()
        self.tls_port = free_port() if tls else None
        self.layout = render.Layout(
            http_listen=f"127.0.0.1:{self.http_port}",
            tls_listen=f"127.0.0.1:{self.tls_port}" if self.tls_port else None,
            pid_file=str(self.root / "nginx.pid"), access_log=str(self.root / "access.log"),
            temp_dir=str(self.root / "tmp"), worker_processes="1")
        self.conf = self.root / "nginx.conf"
        self.nginx = Nginx("nginx", self.conf, self.root / "nginx.pid",
                           ("127.0.0.1", self.http_port))
        self.proc: subprocess.Popen[bytes] | None = None

    def settings(self, etcd_endpoint: str, prefix: str, **more: object) -> LbgenSettings:
        return LbgenSettings(
            etcd_endpoint=etcd_endpoint, etcd_prefix=prefix, instance="test",
            nginx_conf=self.conf, nginx_pid_file=self.root / "nginx.pid",
            nginx_access_log=self.root / "access.log", nginx_temp_dir=self.root / "tmp",
            nginx_workers="1", http_listen=self.layout.http_listen,
            tls_listen=self.layout.tls_listen or "", cert_dir=self.root / "certs",
            **more)  # type: ignore[arg-type]

    def start(self) -> None:
        """Start nginx on the live config; an empty one the first time."""
        if not self.conf.exists():
            self.conf.write_text(render.render(model.build([]), self.layout)[0])
        with (self.root / "error.log").open("ab") as log:
            self.proc = subprocess.Popen(
                ["nginx", "-p", f"{self.root}/", "-c", str(self.conf), "-g", "daemon off;"],
                stdout=log, stderr=subprocess.STDOUT)
        end = time.monotonic() + 10
        while time.monotonic() < end:
            if self.get("/nginx-health", "localhost")[0] == 200:
                return
            time.sleep(0.05)
        raise RuntimeError(f"nginx did not start: {(self.root / 'error.log').read_text()}")

    def get(self, path: str, host: str, timeout: float = 5) -> tuple[int, str]:
        """(status, body) over a new connection; (0, reason) when none answered."""
        import http.client
        conn = http.client.HTTPConnection("127.0.0.1", self.http_port, timeout=timeout)
        try:
            conn.request("GET", path, headers={"Host": host})
            answer = conn.getresponse()
            return answer.status, answer.read().decode(errors="replace")
        except OSError as exc:
            return 0, str(exc)
        finally:
            conn.close()

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def rss_kb(self) -> int:
        """Resident memory of the master and its workers."""
        assert self.proc is not None
        total = 0
        for pid in [self.proc.pid, *_children(self.proc.pid)]:
            with contextlib.suppress(OSError):
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
        return total


def _children(pid: int) -> list[int]:
    found = []
    for status in Path("/proc").glob("[0-9]*/status"):
        with contextlib.suppress(OSError):
            for line in status.read_text().splitlines():
                if line.startswith("PPid:") and int(line.split()[1]) == pid:
                    found.append(int(status.parent.name))
    return found


class Backend:
    """An HTTP server on 127.0.0.1 answering every GET with its name (and the request id)."""

    def __init__(self, name: str):
        self.name, self.port = name, free_port()
        backend = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                body = f"{backend.name} {self.headers.get('X-Request-ID', '')}".encode()
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    def start(self) -> Backend:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def cleanup(edge: EdgeNginx) -> None:
    edge.stop()
    shutil.rmtree(edge.root, ignore_errors=True)
