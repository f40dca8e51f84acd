"""A git host over ssh for tests (no sshd on these machines): an asyncssh server on
loopback that runs `git-upload-pack` for keys in its authorized list, read-only, only
under its base directory."""

import asyncio
import contextlib
import shlex
from pathlib import Path
from typing import Any

import asyncssh


class SshGitServer:
    def __init__(self, base: Path, port: int) -> None:
        self.base, self.port = base, port
        self.keys: list[str] = []  # authorized public keys (OpenSSH lines)
        self.server: asyncssh.SSHAcceptor | None = None

    def url(self, name: str) -> str:
        return f"ssh://git@127.0.0.1:{self.port}/{name}.git"

    async def start(self) -> None:
        self.server = await asyncssh.create_server(
            lambda: _Auth(self), "127.0.0.1", self.port,
            server_host_keys=[asyncssh.generate_private_key("ssh-ed25519")],
            process_factory=self._serve, encoding=None)

    def close(self) -> None:
        if self.server is not None:
            self.server.close()

    async def _serve(self, process: asyncssh.SSHServerProcess[bytes]) -> None:
        argv = shlex.split(process.command or "")
        target = (self.base / argv[1].lstrip("/")).resolve() if len(argv) == 2 else None
        if argv[:1] != ["git-upload-pack"] or target is None or \
                not target.is_relative_to(self.base.resolve()):
            process.stderr.write(b"only git-upload-pack of a served repository\n")
            process.exit(1)
            return
        proc = await asyncio.create_subprocess_exec(
            "git-upload-pack", str(target), stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
        assert proc.stdin and proc.stdout and proc.stderr
        feed = asyncio.create_task(_pump(process.stdin, proc.stdin, close=True))
        # Every byte git-upload-pack wrote reaches the client before the exit status.
        await asyncio.gather(_pump(proc.stdout, process.stdout),
                             _pump(proc.stderr, process.stderr))
        code = await proc.wait()
        feed.cancel()
        process.exit(code)


async def _pump(reader: Any, writer: Any, close: bool = False) -> None:
    with contextlib.suppress(ConnectionError, BrokenPipeError, asyncssh.Error):
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
        if close:
            writer.close()


class _Auth(asyncssh.SSHServer):
    def __init__(self, owner: SshGitServer) -> None:
        self.owner = owner

    def begin_auth(self, username: str) -> bool:
        return True

    def public_key_auth_supported(self) -> bool:
        return True

    def validate_public_key(self, username: str, key: asyncssh.SSHKey) -> bool:
        offered = key.export_public_key().decode().split()[:2]
        return any(line.split()[:2] == offered for line in self.owner.keys)
