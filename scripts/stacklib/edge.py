"""The edge: nginx runs the config lbgen renders from the routes in etcd.

nginx (a service) starts on lbgen's empty config the first time, or on the last one lbgen
applied (the live file is only ever a config `nginx -t` accepted); lbgen (an app process,
`python -m lbgen`) watches etcd, renders, tests, reloads nginx by its pid file.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from . import procs
from .config import REPO, VENV_BIN, Stack
from .services import LOOPBACK, AppProcess, Nginx

# Fixed per profile, below 32768 (the ephemeral range); HTTP is the profile's nginx port.
TLS_PORTS = {"dev": 8443, "test": 28443}
PROBE_HOST = "lbgen.dockyard.invalid"


def tls_port(stack: Stack) -> int:
    return TLS_PORTS.get(stack.profile.name, TLS_PORTS["dev"])


def cert_dir(stack: Stack) -> Path:
    """Uploaded certificates: <dir>/<app_id>/<domain>.crt|.key (API writes, lbgen reads)."""
    return stack.home / "certs"


def edge_env(stack: Stack) -> dict[str, str]:
    """lbgen's settings and the backend's view of the edge, for the stack's env file."""
    nginx = EdgeNginx(stack)
    return {
        "LBGEN_INSTANCE": f"{stack.profile.name}-edge",
        "LBGEN_NGINX_CONF": str(nginx.conf),
        "LBGEN_NGINX_PID_FILE": str(nginx.pidfile),
        "LBGEN_NGINX_ACCESS_LOG": str(nginx.access_log),
        "LBGEN_NGINX_TEMP_DIR": str(nginx.temp_dir),
        "LBGEN_NGINX_WORKERS": "1",
        "LBGEN_HTTP_LISTEN": nginx.address(),
        "LBGEN_TLS_LISTEN": f"{LOOPBACK}:{tls_port(stack)}",
        "LBGEN_CERT_DIR": str(cert_dir(stack)),
        "DOCKYARD_EDGE_CERT_DIR": str(cert_dir(stack)),
        "DOCKYARD_EDGE_HTTP_PORT": str(stack.ports.nginx),
        "DOCKYARD_EDGE_TLS_PORT": str(tls_port(stack)),
    }


class EdgeNginx(Nginx):
    """The stack's nginx, running lbgen's config."""

    @property
    def temp_dir(self) -> Path:
        # Workers run as nobody, who may not traverse the home (/root is 700).
        return self.stack.run_dir / "nginx"

    @property
    def access_log(self) -> Path:
        return self.stack.log_dir / "nginx-access.log"

    def prepare(self) -> None:
        for path in (self.conf_d, self.stack.nginx_dir / "logs", self.temp_dir):
            path.mkdir(parents=True, exist_ok=True)
        cert_dir(self.stack).mkdir(mode=0o700, exist_ok=True)
        if self.conf.exists() and self.conf.read_text().startswith("# Rendered by lbgen"):
            return  # the last config lbgen applied (and nginx -t accepted)
        sys.path.insert(0, str(REPO))  # lbgen's model and renderer are stdlib only
        from lbgen import model, render
        layout = render.Layout(
            http_listen=self.address(), tls_listen=f"{LOOPBACK}:{tls_port(self.stack)}",
            pid_file=str(self.pidfile), access_log=str(self.access_log),
            temp_dir=str(self.temp_dir), worker_processes="1")
        self.conf.write_text(render.render(model.build([]), layout)[0])


class Lbgen(AppProcess):
    name = "lbgen"
    module = "lbgen"
    settle = 1.0  # alive this long and nginx answering: ready

    _started: float | None = None

    def command(self) -> list[str]:
        return [str(VENV_BIN / "python"), "-m", self.module]

    def identity(self) -> list[str]:
        return ["-m lbgen", f"DOCKYARD_DATA_DIR={self.stack.home}"]

    def address(self) -> str:
        return f"nginx {LOOPBACK}:{self.stack.ports.nginx}"

    def start(self) -> subprocess.Popen[bytes] | None:
        proc = super().start()
        if proc is not None:
            self._started = time.monotonic()
        return proc

    def ready(self) -> bool:
        if self._started is not None and time.monotonic() - self._started < self.settle:
            return False
        answer = procs.http_get(LOOPBACK, self.stack.ports.nginx, "/nginx-health")
        return bool(answer and answer[0] == 200)
