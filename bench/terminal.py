"""Terminal benchmark: session set-up and keystroke echo through the websocket and the
SSH gateway, beside raw Docker exec on the same engine in the same run; API memory
with 50 idle sessions beside none.

    .venv/bin/python bench/terminal.py [--rounds 30] [--keys 200]   (test stack's env)

A fresh database holds one developer, one app and one container row for a busybox
container started here on the test stack's engine; the API and the gateway run as
`make up` runs them. Rounds alternate between Dockyard and the baseline so drift hits
both alike. Read the ratios: absolute figures move with the machine's load.
"""

import argparse
import asyncio
import contextlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import aiodocker
import asyncssh
import httpx
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from agent.runtime import docker_url  # noqa: E402
from backend.core.config import BackendSettings  # noqa: E402
from backend.core.security import hash_token, new_token  # noqa: E402
from backend.models import (  # noqa: E402
    AccessToken,
    App,
    Cluster,
    Container,
    Group,
    Host,
    HostStatus,
    Member,
    Role,
    User,
    Version,
)
from tests.terminal.wsclient import Term  # noqa: E402

BENCH_DB = "dockyard_bench_terminal"
PROMPT = b"# "
IMAGE = BackendSettings().registry_address + "/library/busybox:1.35"


def free_port() -> int:
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def prepare(settings: BackendSettings, docker_id: str, container_id: uuid.UUID
                  ) -> tuple[str, str]:
    base = make_url(settings.database_url)
    admin = create_async_engine(base.set(database="postgres"), isolation_level="AUTOCOMMIT")
    async with admin.connect() as conn:
        await conn.execute(text(f'DROP DATABASE IF EXISTS "{BENCH_DB}" WITH (FORCE)'))
        await conn.execute(text(f'CREATE DATABASE "{BENCH_DB}"'))
    await admin.dispose()
    url = base.set(database=BENCH_DB).render_as_string(hide_password=False)
    subprocess.run([sys.executable, "-m", "backend.cli", "migrate"],  # noqa: ASYNC221
                   env={**os.environ, "DOCKYARD_DATABASE_URL": url}, cwd=ROOT, check=True,
                   capture_output=True)
    engine = create_async_engine(url)
    token = new_token()
    async with async_sessionmaker(engine)() as s:
        user = User(username="bench", password_hash="x")
        group = Group(name="bench")
        s.add_all([user, group])
        await s.flush()
        cluster = Cluster(name="bench")
        app = App(group_id=group.id, name="shell")
        s.add_all([AccessToken(user_id=user.id, name="bench", token_hash=hash_token(token),
                               prefix=token[:8]),
                   Member(group_id=group.id, user_id=user.id, role=Role.developer),
                   cluster, app])
        await s.flush()
        host = Host(cluster_id=cluster.id, name="bench", address="127.0.0.1",
                    docker_endpoint=settings.docker_host, status=HostStatus.ready)
        version = Version(app_id=app.id, number=1, config_revision=1, image=IMAGE,
                          memory_mb=32)
        s.add_all([host, version])
        await s.flush()
        s.add(Container(id=container_id, app_id=app.id, version_id=version.id,
                        cluster_id=cluster.id, host_id=host.id, name=f"dy-{container_id}",
                        docker_id=docker_id, state="running"))
        await s.commit()
    await engine.dispose()
    return url, token


def start(argv: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    with log.open("w") as out:
        return subprocess.Popen(argv, env=env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)


def wait_port(port: int) -> None:
    import socket
    end = time.monotonic() + 30
    while time.monotonic() < end:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError(f"nothing listens on {port}")


def rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


# --- one session of each kind: set-up time, and an object to type into ---------------

class Raw:
    """Docker exec straight from aiodocker: what Dockyard adds its work to."""

    def __init__(self, docker: aiodocker.Docker, name: str) -> None:
        self.docker, self.name, self.buf = docker, name, b""

    async def open(self) -> None:
        container = self.docker.containers.container(self.name)
        self.exec = await container.exec(["/bin/sh"], stdin=True, tty=True)
        self.stream = self.exec.start()
        await self.stream.__aenter__()
        await self.until(PROMPT)

    async def until(self, needle: bytes) -> None:
        while needle not in self.buf:
            message = await self.stream.read_out()
            if message is None:
                raise RuntimeError("exec ended")
            self.buf += message.data

    async def key(self, ch: str, expect: bytes | None = None) -> None:
        self.buf = b""
        await self.stream.write_in(ch.encode())
        await self.until(expect or ch.encode())

    async def close(self) -> None:
        await self.stream.write_in(b"\nexit\n")
        while await self.stream.read_out() is not None:
            pass
        await self.stream.close()


class Web:
    def __init__(self, url: str, token: str, container: str) -> None:
        self.url, self.token, self.container = url, token, container

    async def open(self) -> None:
        self.term = await Term.open(self.url, self.container, self.token)
        await self.term.until(PROMPT)

    async def key(self, ch: str, expect: bytes | None = None) -> None:
        self.term.output = b""
        await self.term.send(ch)
        await self.term.until(expect or ch.encode())

    async def close(self) -> None:
        await self.term.send("\nexit\n")
        await self.term.finish()


class Ssh:
    def __init__(self, port: int, key: Any, container: str) -> None:
        self.port, self.client_key, self.container, self.buf = port, key, container, b""

    async def open(self) -> None:
        self.conn = await asyncssh.connect("127.0.0.1", self.port, username=self.container,
                                           client_keys=[self.client_key], known_hosts=None)
        self.proc = await self.conn.create_process(term_type="xterm", term_size=(80, 24),
                                                   encoding=None)
        await self.until(PROMPT)

    async def until(self, needle: bytes) -> None:
        while needle not in self.buf:
            data = await self.proc.stdout.read(65536)
            if not data:
                raise RuntimeError("ssh session ended")
            self.buf += data

    async def key(self, ch: str, expect: bytes | None = None) -> None:
        self.buf = b""
        self.proc.stdin.write(ch.encode())
        await self.until(expect or ch.encode())

    async def close(self) -> None:
        self.proc.stdin.write(b"\nexit\n")
        await self.proc.wait()
        self.conn.close()


async def timed(fn: Callable[[], Awaitable[Any]]) -> float:
    started = time.perf_counter()
    await fn()
    return (time.perf_counter() - started) * 1000


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


async def setups(kinds: dict[str, Callable[[], Any]], rounds: int) -> dict[str, list[float]]:
    out: dict[str, list[float]] = {k: [] for k in kinds}
    for i in range(rounds):
        order = list(kinds.items()) if i % 2 == 0 else list(reversed(kinds.items()))
        for name, make in order:
            session = make()
            out[name].append(await timed(session.open))
            await session.close()
    return out


async def echoes(kinds: dict[str, Callable[[], Any]], keys: int) -> dict[str, list[float]]:
    out: dict[str, list[float]] = {}
    for name, make in kinds.items():
        session = make()
        await session.open()
        times = []
        for i in range(keys):
            times.append(await timed(lambda s=session, i=i: s.key("abcdefghij"[i % 10])))
            if i % 50 == 49:
                await session.key("\n", PROMPT)  # keep the line short
        out[name] = times
        await session.close()
    return out


async def idle_memory(url: str, token: str, container: str, api_pid: int, n: int
                      ) -> tuple[int, int]:
    await asyncio.sleep(1)
    before = rss_kb(api_pid)
    sessions = [Web(url, token, container) for _ in range(n)]
    for s in sessions:
        await s.open()
    await asyncio.sleep(1)
    after = rss_kb(api_pid)
    for s in sessions:
        await s.close()
    return before, after


async def run(args: argparse.Namespace) -> None:
    settings = BackendSettings()
    docker = aiodocker.Docker(url=docker_url(settings.docker_host))
    container_id = uuid.uuid4()
    name = f"dy-{container_id}"
    procs: list[subprocess.Popen[bytes]] = []
    tmp = Path(tempfile.mkdtemp(prefix="bench-terminal-"))
    try:
        box = await docker.containers.run(name=name, config={
            "Image": IMAGE, "Cmd": ["sh", "-c", "trap 'exit 0' TERM; while :; do sleep 1; done"],
            "Labels": {"dockyard.bench": "terminal"}})
        db_url, token = await prepare(settings, box.id, container_id)
        api_port, ssh_port = free_port(), free_port()
        env = {**os.environ, "DOCKYARD_DATABASE_URL": db_url, "DOCKYARD_DATA_DIR": str(tmp),
               "DOCKYARD_TERMINAL_MAX_PER_USER": "100",
               "DOCKYARD_TERMINAL_MAX_PER_CONTAINER": "100",
               "DOCKYARD_TERMINAL_SSH_PORT": str(ssh_port)}
        bin_dir = Path(sys.executable).parent
        api = start([str(bin_dir / "uvicorn"), "backend.main:create_app", "--factory",
                     "--host", "127.0.0.1", "--port", str(api_port)], env, tmp / "api.log")
        procs += [api, start([sys.executable, "-m", "backend.terminal.ssh_gateway"], env,
                             tmp / "ssh.log")]
        wait_port(api_port)
        wait_port(ssh_port)
        url = f"http://127.0.0.1:{api_port}"
        key = asyncssh.generate_private_key("ssh-ed25519")
        async with httpx.AsyncClient() as http:
            r = await http.post(f"{url}/api/v1/users/me/keys",
                                headers={"Authorization": f"Bearer {token}"},
                                json={"name": "bench",
                                      "public_key": key.export_public_key().decode()})
            r.raise_for_status()
        cid = str(container_id)
        kinds = {"raw": lambda: Raw(docker, name), "web": lambda: Web(url, token, cid),
                 "ssh": lambda: Ssh(ssh_port, key, cid)}
        print("bench: set-up warm-up", flush=True)
        await setups(kinds, 3)  # warm-up: connections, caches, the first exec of the image
        print("bench: set-up rounds", flush=True)
        setup = await setups(kinds, args.rounds)
        print("bench: keystroke echo", flush=True)
        echo = await echoes(kinds, args.keys)
        print("bench: idle sessions", flush=True)
        none, idle = await idle_memory(url, token, cid, api.pid, args.idle)
        report(setup, echo, none, idle, args)
    finally:
        for proc in procs:
            proc.terminate()
            proc.wait(timeout=10)
        with contextlib.suppress(aiodocker.DockerError):
            await (await docker.containers.get(name)).delete(force=True)
        await docker.close()


def report(setup: dict[str, list[float]], echo: dict[str, list[float]], none: int, idle: int,
           args: argparse.Namespace) -> None:
    def fig(v: list[float]) -> str:
        return f"{statistics.median(v):.1f} / {pct(v, 0.99):.1f} ms"

    raw_setup = statistics.median(setup["raw"])
    print(f"\nTerminal benchmark ({args.rounds} set-ups, {args.keys} keystrokes each, "
          f"{args.idle} idle sessions)")
    print(f"{'figure':44} {'p50 / p99':>20} {'ratio to raw':>12}")
    for kind in ("raw", "web", "ssh"):
        ratio = statistics.median(setup[kind]) / raw_setup
        print(f"{'connect -> first prompt byte, ' + kind:44} {fig(setup[kind]):>20} "
              f"{ratio:>11.2f}x")
    raw_echo = statistics.median(echo["raw"])
    for kind in ("raw", "web", "ssh"):
        ratio = statistics.median(echo[kind]) / raw_echo
        print(f"{'keystroke echo, ' + kind:44} {fig(echo[kind]):>20} {ratio:>11.2f}x")
    per = (idle - none) / max(args.idle, 1)
    print(f"{'API RSS, no session / ' + str(args.idle) + ' idle sessions':44} "
          f"{none / 1024:>8.1f} / {idle / 1024:.1f} MB   (+{per:.0f} kB each)")
    print("JSON " + json.dumps({"setup": {k: [statistics.median(v), pct(v, .99)]
                                          for k, v in setup.items()},
                               "echo": {k: [statistics.median(v), pct(v, .99)]
                                        for k, v in echo.items()},
                               "rss_kb": [none, idle]}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--keys", type=int, default=200)
    parser.add_argument("--idle", type=int, default=50)
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()
