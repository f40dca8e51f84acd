"""The SSH gateway: `ssh -p 2222 <container id or prefix>@host ['cmd']` opens a terminal.

Authentication is by public key (added under /api/v1/users/me/keys); the user name is
the container. The role check runs during authentication, so a viewer's key is refused
before any exec exists. Run: `python -m backend.terminal.ssh_gateway`.
"""

import asyncio
import contextlib
import logging
import os
import signal
from dataclasses import dataclass
from pathlib import Path

import asyncssh
from redis.asyncio import Redis

from backend.containers.docker_hosts import DockerClients
from backend.core.config import BackendSettings, get_settings
from backend.core.db import make_engine, make_sessionmaker
from backend.models import User
from backend.terminal.access import KeyCredential, Refused, Target, resolve, user_for_key
from backend.terminal.session import Deps, TerminalSession

log = logging.getLogger("dockyard.ssh")


def host_key(data_dir: Path) -> asyncssh.SSHKey:
    """The gateway's host key, made on first start and kept (mode 600) in the data dir."""
    path = data_dir / "ssh" / "ssh_host_ed25519_key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        key = asyncssh.generate_private_key("ssh-ed25519")
        fd = os.open(path.with_suffix(".tmp"), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as out:
            out.write(key.export_private_key())
        path.with_suffix(".tmp").replace(path)
    path.chmod(0o600)
    return asyncssh.read_private_key(str(path))


@dataclass
class Login:
    user: User
    key: KeyCredential
    target: Target


class _Server(asyncssh.SSHServer):
    def __init__(self, deps: Deps) -> None:
        self.deps = deps
        self.conn: asyncssh.SSHServerConnection | None = None
        self.login: Login | None = None

    def connection_made(self, conn: asyncssh.SSHServerConnection) -> None:
        self.conn = conn

    def begin_auth(self, username: str) -> bool:
        return True

    def public_key_auth_supported(self) -> bool:
        return True

    async def validate_public_key(self, username: str, key: asyncssh.SSHKey) -> bool:
        async with self.deps.sessionmaker() as session:
            found = await user_for_key(session, key.get_fingerprint("sha256"))
            if found is None:
                return False
            user, ssh_key = found
            try:
                target = await resolve(session, user, username)
            except Refused as refused:
                if self.conn is not None:
                    self.conn.send_auth_banner(f"dockyard: {refused.reason}\n")
                return False
            await session.commit()
        self.login = Login(user, KeyCredential(ssh_key.id), target)
        return True


async def _feed(process: asyncssh.SSHServerProcess[bytes], terminal: TerminalSession,
                tty: bool) -> None:
    while True:
        try:
            data = await process.stdin.read(65536)
        except asyncssh.TerminalSizeChanged as change:
            await terminal.resize(change.width, change.height)
            continue
        except (asyncssh.BreakReceived, asyncssh.SignalReceived):
            continue
        except (asyncssh.Error, OSError):
            break
        if not data:
            if not tty:  # ssh host 'cmd' < file: the command sees EOF too
                await terminal.close_input()
            return  # with a tty the shell ends on its own (Ctrl-D is data, not EOF)
        await terminal.write(data)


async def _handle(process: asyncssh.SSHServerProcess[bytes]) -> None:
    server = process.channel.get_connection().get_owner()
    assert isinstance(server, _Server) and server.login is not None
    login, deps = server.login, server.deps
    tty = process.get_terminal_type() is not None
    cols, rows, _, _ = process.get_terminal_size()
    cmd = ["/bin/sh", "-c", process.command] if process.command else None
    terminal = TerminalSession(deps, login.key, login.user, login.target, cmd=cmd,
                               cols=cols or 80, rows=rows or 24, tty=tty)

    async def output(stream: int, data: bytes) -> None:
        (process.stderr if stream == 2 else process.stdout).write(data)
        await process.stdout.drain()

    feeder = asyncio.create_task(_feed(process, terminal, tty))
    closed = asyncio.create_task(process.wait_closed())
    closed.add_done_callback(lambda _: terminal.stop("closed"))
    try:
        ended = await terminal.run(output)
    except Refused as refused:
        process.stderr.write(f"dockyard: {refused.reason}\r\n".encode())
        process.exit(1)
        return
    finally:
        feeder.cancel()
    if ended.reason != "exited":
        with contextlib.suppress(Exception):
            why = ended.detail or ended.reason
            process.stderr.write(f"\r\ndockyard: session ended ({why})\r\n".encode())
    process.exit(ended.code if ended.code is not None else 255)


async def serve(settings: BackendSettings, deps: Deps, *, host: str | None = None,
                port: int | None = None) -> asyncssh.SSHAcceptor:
    return await asyncssh.create_server(
        lambda: _Server(deps), host or settings.terminal_ssh_host,
        port or settings.terminal_ssh_port, server_host_keys=[host_key(settings.data_dir)],
        process_factory=_handle, encoding=None, line_editor=False,
        keepalive_interval=30, login_timeout=30)


async def main() -> None:
    settings = get_settings()
    engine = make_engine(settings)
    redis = Redis.from_url(settings.redis_url)
    docker = DockerClients(settings.pki_dir)
    deps = Deps.build(settings, make_sessionmaker(engine), docker, redis)
    acceptor = await serve(settings, deps)
    log.info("ssh gateway on %s:%d", settings.terminal_ssh_host, settings.terminal_ssh_port)
    stop = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        asyncio.get_running_loop().add_signal_handler(sig, stop.set)
    try:
        await stop.wait()
    finally:
        acceptor.close()
        await docker.close()
        await redis.aclose()
        await engine.dispose()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    asyncio.run(main())
