"""The backing services (PostgreSQL, Redis, etcd, registry, nginx) and the app processes."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import time
from pathlib import Path

from . import credentials, envfile, procs
from .base import Service
from .config import REPO, VENV_BIN

LOOPBACK = "127.0.0.1"


class TcpService(Service):
    """A service listening on one loopback TCP port."""

    def port(self) -> int:
        raise NotImplementedError

    def address(self) -> str:
        return f"{LOOPBACK}:{self.port()}"

    def occupied(self) -> bool:
        return procs.port_taken(LOOPBACK, self.port())

    def holder(self) -> str | None:
        return procs.port_holder(self.port())

    def http_ok(self, path: str) -> bytes | None:
        answer = procs.http_get(LOOPBACK, self.port(), path)
        return answer[1] if answer and answer[0] == 200 else None


def _pg_bin(data: Path) -> Path:
    """The bin dir of the PostgreSQL that made data, or else of the newest one installed
    (Debian keeps major versions side by side, and a cluster only runs on its own)."""
    root = Path("/usr/lib/postgresql")
    version_file = data / "PG_VERSION"
    if version_file.exists():
        found = [root / version_file.read_text().strip() / "bin" / "postgres"]
    else:
        found = sorted(root.glob("*/bin/postgres"), key=lambda p: int(p.parent.parent.name))
    if not found or not found[-1].exists():
        raise procs.StackError("PostgreSQL (its version for this cluster) is not installed: "
                               "run scripts/bootstrap")
    return found[-1].parent


class Postgres(TcpService):
    name = "pg"
    user = "postgres"  # PostgreSQL refuses to run as root
    stop_signal = signal.SIGINT  # "fast" shutdown: does not wait for clients to leave

    @property
    def data(self) -> Path:
        return self.stack.state_dir / "pg"

    @property
    def bin(self) -> Path:
        return _pg_bin(self.data)

    def port(self) -> int:
        return self.stack.ports.pg

    def command(self) -> list[str]:
        settings = [
            f"port={self.port()}",
            f"listen_addresses={LOOPBACK}",
            f"unix_socket_directories={self.data}",
        ]
        if not self.stack.profile.durable:
            settings += ["fsync=off", "synchronous_commit=off", "full_page_writes=off"]
        return [str(self.bin / "postgres"), "-D", str(self.data)] + [
            arg for setting in settings for arg in ("-c", setting)
        ]

    def identity(self) -> list[str]:
        return [f"-D {self.data}"]

    def cwd(self) -> Path:
        return self.data

    def prepare(self) -> None:
        for parent in (self.stack.state_dir.parent, self.stack.state_dir):
            parent.mkdir(mode=0o755, exist_ok=True)
            parent.chmod(0o755)  # the postgres user must traverse it
        if not (self.data / "PG_VERSION").exists():
            self.data.mkdir(mode=0o700, exist_ok=True)
            shutil.chown(self.data, "postgres", "postgres")
            subprocess.run(
                [str(self.bin / "initdb"), "-D", str(self.data), "-U", "dockyard",
                 "-E", "UTF8", "--no-locale"],
                check=True, capture_output=True, user="postgres", group="postgres",
                extra_groups=[], cwd=self.data,
            )
        self._write_auth_files()
        for lock in ("postmaster.pid", f".s.PGSQL.{self.port()}.lock"):
            procs.clear_stale_pidfile(self.data / lock, self.identity())
        link = self.stack.home / "pg"
        if not link.is_symlink() or link.readlink() != self.data:
            link.unlink(missing_ok=True)
            link.symlink_to(self.data)

    # TCP needs the password (scram-sha-256); the stack itself uses the unix socket in
    # the data dir, which only the postgres user can reach, as that user mapped to
    # `dockyard` (peer). So the stack can always set the password the secrets file holds,
    # even for a cluster made before credentials, or with an older secret.
    HBA = ("local all dockyard peer map=stack\n"
           "host all all 127.0.0.1/32 scram-sha-256\n"
           "host all all ::1/128 scram-sha-256\n")
    IDENT = "stack postgres dockyard\n"

    def _write_auth_files(self) -> bool:
        """Whether a file changed (a running server must then reload)."""
        changed = False
        for name, text in (("pg_hba.conf", self.HBA), ("pg_ident.conf", self.IDENT)):
            path = self.data / name
            if not path.exists() or path.read_text() != text:
                path.write_text(text)
                shutil.chown(path, "postgres", "postgres")
                path.chmod(0o600)
                changed = True
        return changed

    def _psql(self, sql: str) -> str:
        argv = [str(self.bin / "psql"), "-h", str(self.data), "-p", str(self.port()),
                "-U", "dockyard", "-d", "postgres", "-v", "ON_ERROR_STOP=1", "-tAc", sql]
        result = subprocess.run(argv, capture_output=True, text=True, check=False,
                                user="postgres", group="postgres", extra_groups=[],
                                cwd=self.data)
        if result.returncode != 0:
            raise procs.StackError(f"psql failed ({result.returncode}): "
                                   f"{(result.stdout + result.stderr).strip()}")
        return result.stdout.strip()

    def _sync_password(self) -> None:
        """The role's password is the secret's, whatever it was before (idempotent)."""
        pid = self.pid()
        if self._write_auth_files() and pid is not None:
            os.kill(pid, signal.SIGHUP)  # a server started before these files: reload
        deadline = time.monotonic() + 10
        while True:  # a reload takes effect a moment after the signal
            try:
                self._psql("SELECT 1")
                break
            except procs.StackError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        password = credentials.read(self.stack, "pg").replace("'", "''")
        self._psql(f"SET password_encryption = 'scram-sha-256'; "
                   f"ALTER USER dockyard PASSWORD '{password}'")

    def ready(self) -> bool:
        argv = [str(self.bin / "pg_isready"), "-q", "-h", LOOPBACK, "-p", str(self.port()),
                "-U", "dockyard", "-d", "postgres"]
        return subprocess.run(argv, check=False).returncode == 0

    def ensure(self) -> None:
        self._sync_password()
        if not self._psql("SELECT 1 FROM pg_database WHERE datname = 'dockyard'"):
            self._psql("CREATE DATABASE dockyard")


class Redis(TcpService):
    name = "redis"

    def port(self) -> int:
        return self.stack.ports.redis

    @property
    def config(self) -> Path:
        return self.stack.home / "redis" / "redis.conf"

    def command(self) -> list[str]:
        # dev keeps its queue across restarts (dump on shutdown); test keeps nothing
        save = "60 1" if self.stack.profile.durable else ""
        return ["redis-server", str(self.config), "--bind", LOOPBACK,
                "--port", str(self.port()), "--dir", str(self.stack.home / "redis"),
                "--save", save, "--appendonly", "no", "--daemonize", "no", "--logfile", ""]

    def identity(self) -> list[str]:
        return ["redis-server", self.address()]  # redis retitles itself "redis-server ADDR"

    def prepare(self) -> None:
        (self.stack.home / "redis").mkdir(parents=True, exist_ok=True)
        # The password goes in a mode-600 file, not argv (ps shows argv to everyone).
        fd = os.open(self.config, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(f"requirepass {credentials.read(self.stack, 'redis')}\n")

    def ready(self) -> bool:
        hello = f"AUTH {credentials.read(self.stack, 'redis')}\r\nPING\r\n".encode()
        return b"+PONG" in (procs.tcp_exchange(self.port(), hello, until=b"\r\n+") or b"")


class Etcd(TcpService):
    name = "etcd"

    @property
    def data(self) -> Path:
        return self.stack.home / "etcd"

    def port(self) -> int:
        return self.stack.ports.etcd

    def tls_files(self) -> list[str]:
        """etcd's server certificate from the platform CA, made by the backend (one
        implementation of the CA); hosts on other machines check it against the CA."""
        python = VENV_BIN / "python"
        if not python.exists():
            raise procs.StackError(f"{python} is missing: run scripts/bootstrap first")
        env = {**os.environ, **envfile.read(self.stack.env_file)}
        result = subprocess.run(
            [str(python), "-m", "backend.cli", "etcd-tls", "--name", LOOPBACK], env=env,
            cwd=REPO, check=False, capture_output=True, text=True)
        if result.returncode != 0:
            raise procs.StackError(f"etcd TLS certificate: {result.stderr.strip()}")
        return result.stdout.split()

    def prepare(self) -> None:
        self.cert, self.key = self.tls_files()

    def command(self) -> list[str]:
        cert, key = self.cert, self.key
        client = f"http://{self.address()}"
        tls = f"https://{LOOPBACK}:{self.stack.ports.etcd_tls}"
        peer = f"http://{LOOPBACK}:{self.stack.ports.etcd_peer}"
        return ["etcd", "--name", "dockyard", "--data-dir", str(self.data),
                "--listen-client-urls", f"{client},{tls}",
                "--advertise-client-urls", f"{client},{tls}",
                "--cert-file", cert, "--key-file", key,
                "--listen-peer-urls", peer, "--initial-advertise-peer-urls", peer,
                "--initial-cluster", f"dockyard={peer}", "--logger", "zap",
                # One member never loses its leader, so short timeouts are safe and
                # cut the first election from ~1 s to ~0.1 s.
                "--heartbeat-interval", "10", "--election-timeout", "100",
                # Auth is on (ensure-etcd-auth); clients log in again when a token lapses.
                "--auth-token", "simple", "--auth-token-ttl", "3600"]

    def identity(self) -> list[str]:
        return [f"--data-dir {self.data}"]

    def ready(self) -> bool:
        body = self.http_ok("/health")
        return body is not None and json.loads(body).get("health") == "true"


REGISTRY_SERVICE, REGISTRY_ISSUER = "dockyard-registry", "dockyard"


class Registry(TcpService):
    name = "registry"

    @property
    def config(self) -> Path:
        return self.stack.home / "registry" / "config.yml"

    def port(self) -> int:
        return self.stack.ports.registry

    def command(self) -> list[str]:
        return ["docker-registry", "serve", str(self.config)]

    def identity(self) -> list[str]:
        return [str(self.config)]

    @property
    def auth_dir(self) -> Path:
        """Where the backend keeps its token key and the certificate trusted here."""
        return self.stack.home / "registry-auth"

    def ensure_token_cert(self) -> Path:
        """The backend makes the key (one implementation, shared with the API's first
        start); the registry refuses to start without the certificate."""
        python = VENV_BIN / "python"
        if not python.exists():
            raise procs.StackError(f"{python} is missing: run scripts/bootstrap first")
        env = {**os.environ, **envfile.read(self.stack.env_file),
               "DOCKYARD_DATA_DIR": str(self.stack.home)}
        result = subprocess.run([str(python), "-m", "backend.cli", "registry-keys"], env=env,
                                cwd=REPO, check=False, capture_output=True, text=True)
        if result.returncode != 0:
            raise procs.StackError(f"registry token key: {result.stderr.strip()}")
        return Path(result.stdout.strip())

    def prepare(self) -> None:
        # Token auth: Distribution itself refuses whatever the API's token does not grant.
        # The realm is the API of this stack; `service` and `issuer` are the backend's
        # defaults (BackendSettings.registry_service / registry_issuer).
        cert = self.ensure_token_cert()
        realm = f"http://{LOOPBACK}:{self.stack.ports.api}/api/v1/registry/token"
        self.config.parent.mkdir(parents=True, exist_ok=True)
        self.config.write_text(
            "version: 0.1\n"
            "log:\n  level: info\n"
            "storage:\n"
            f"  filesystem:\n    rootdirectory: {self.config.parent / 'data'}\n"
            "  delete:\n    enabled: true\n"
            "http:\n"
            f"  addr: {self.address()}\n"
            "  headers:\n    X-Content-Type-Options: [nosniff]\n"
            "auth:\n"
            "  token:\n"
            f"    realm: {realm}\n"
            f"    service: {REGISTRY_SERVICE}\n"
            f"    issuer: {REGISTRY_ISSUER}\n"
            f"    rootcertbundle: {cert}\n"
        )

    def ready(self) -> bool:
        answer = procs.http_get(LOOPBACK, self.port(), "/v2/")
        return answer is not None and answer[0] in (200, 401)  # 401: it wants a token


NGINX_TEMPLATE = REPO / "deploy" / "nginx" / "nginx.conf.template"


def render_template(template: str, values: dict[str, str]) -> str:
    """Replace ${NAME} for the given names only, as envsubst does with a variable list."""
    return re.sub(r"\$\{(\w+)\}", lambda m: values.get(m[1], m[0]), template)


class Nginx(TcpService):
    name = "nginx"

    @property
    def conf(self) -> Path:
        return self.stack.nginx_dir / "nginx.conf"

    @property
    def conf_d(self) -> Path:
        return self.stack.nginx_dir / "conf.d"

    def port(self) -> int:
        return self.stack.ports.nginx

    def command(self) -> list[str]:
        return ["nginx", "-p", f"{self.stack.nginx_dir}/", "-c", str(self.conf),
                "-g", "daemon off;"]

    def identity(self) -> list[str]:
        return [f"-c {self.conf}"]  # the master retitles itself but keeps its arguments

    def prepare(self) -> None:
        tmp = self.stack.run_dir / "nginx"
        for path in (self.conf_d, self.stack.nginx_dir / "logs", tmp):
            path.mkdir(parents=True, exist_ok=True)
        self.conf.write_text(render_template(NGINX_TEMPLATE.read_text(), {
            "DOCKYARD_NGINX_PID_FILE": str(self.pidfile),
            "DOCKYARD_NGINX_ACCESS_LOG": str(self.stack.log_dir / "nginx-access.log"),
            # Workers run as nobody, who may not traverse the home (/root is 700).
            "DOCKYARD_NGINX_TEMP_DIR": str(tmp),
            "DOCKYARD_NGINX_LISTEN": self.address(),
            "DOCKYARD_NGINX_CONF_DIR": str(self.conf_d),
        }))

    def ready(self) -> bool:
        return self.http_ok("/nginx-health") is not None


class AppProcess(Service):
    """The API and the worker: they read the stack's env file and run from the repo."""

    module = ""

    def env(self) -> dict[str, str]:
        return {**os.environ, **envfile.read(self.stack.env_file)}

    def cwd(self) -> Path:
        return REPO

    def identity(self) -> list[str]:
        return [self.module, f"DOCKYARD_DATA_DIR={self.stack.home}"]


class Api(AppProcess, TcpService):
    name = "api"
    module = "backend.main:create_app"
    start_timeout = 60.0

    def port(self) -> int:
        return self.stack.ports.api

    def command(self) -> list[str]:
        return [str(VENV_BIN / "uvicorn"), self.module, "--factory",
                "--host", LOOPBACK, "--port", str(self.port())]

    def ready(self) -> bool:
        answer = procs.http_get(LOOPBACK, self.port(), "/api/v1/health", timeout=5)
        if not answer or answer[0] != 200:
            return False
        try:
            return json.loads(answer[1]).get("status") == "ok"
        except ValueError:
            return False


class Worker(AppProcess):
    name = "worker"
    module = "backend.worker.WorkerSettings"
    settle = 1.5  # no port to probe: alive this long after start counts as ready

    _started: float | None = None

    def command(self) -> list[str]:
        return [str(VENV_BIN / "arq"), self.module]

    def address(self) -> str:
        return f"redis {LOOPBACK}:{self.stack.ports.redis}"

    def start(self) -> subprocess.Popen[bytes] | None:
        proc = super().start()
        if proc is not None:
            self._started = time.monotonic()
        return proc

    def ready(self) -> bool:
        return self._started is None or time.monotonic() - self._started > self.settle


class Builder(Worker):
    """The image builder: its own arq worker on the builds queue (builder/worker.py)."""

    name = "builder"
    module = "builder.worker.WorkerSettings"
