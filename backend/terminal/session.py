"""One terminal session, the same for the websocket and the ssh gateway.

The transport calls `run(output)` and feeds `write`/`resize`/`stop`. The exec is
created only after every check passed; output is read from Docker only as fast as
`output` returns (aiodocker stops reading the socket past 64 KiB buffered, so a slow
client holds Docker back instead of growing our memory).
"""

import asyncio
import contextlib
import logging
import time
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import aiodocker
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from backend.containers.docker_hosts import DockerClients
from backend.core import events
from backend.core.config import BackendSettings
from backend.models import User
from backend.terminal.access import Credential, Refused, Target, still_allowed
from backend.terminal.slots import Slots

log = logging.getLogger(__name__)

Output = Callable[[int, bytes], Awaitable[None]]
# Docker cannot stop an exec: a session ended from our side kills the processes that
# carry its marker in their environment (children inherit it).
MARKER = "DOCKYARD_TERMINAL"
_KILL = ('for p in /proc/[0-9]*; do if tr "\\0" "\\n" < "$p/environ" 2>/dev/null'
         ' | grep -qx "$1"; then kill -9 "${p##*/}" 2>/dev/null; fi; done')
# Ctrl-P Ctrl-Q (Docker's default) would detach shells in the middle of typing.
DETACH_KEYS = "ctrl-@,ctrl-@,ctrl-@"


@dataclass
class Deps:
    """Long-lived clients a session needs, built once per process."""

    settings: BackendSettings
    sessionmaker: async_sessionmaker[AsyncSession]
    docker: DockerClients
    slots: Slots

    @classmethod
    def build(cls, settings: BackendSettings, sessionmaker: async_sessionmaker[AsyncSession],
              docker: DockerClients, redis: Any) -> "Deps":
        lease = max(settings.terminal_recheck_s * 4, 30.0)
        return cls(settings, sessionmaker, docker,
                   Slots(redis, settings.terminal_max_per_user,
                         settings.terminal_max_per_container, lease))


@dataclass
class Ended:
    code: int | None
    reason: str  # exited | idle | revoked | forbidden | removed | closed | error
    detail: str = ""


@dataclass
class Counters:
    bytes_in: int = 0
    bytes_out: int = 0
    last_activity: float = field(default_factory=time.monotonic)


class TerminalSession:
    def __init__(self, deps: Deps, credential: Credential, user: User, target: Target, *,
                 cmd: list[str] | None, cols: int, rows: int, tty: bool = True) -> None:
        self.deps, self.credential, self.user, self.target = deps, credential, user, target
        self.cmd, self.cols, self.rows, self.tty = cmd, cols, rows, tty
        self.id = uuid.uuid4().hex
        self.counters = Counters()
        self._exec: Any = None
        self._stream: Any = None
        self._stopped: asyncio.Future[str] = asyncio.get_running_loop().create_future()
        self._ready = asyncio.Event()

    @property
    def docker(self) -> aiodocker.Docker:
        return self.deps.docker.get(self.target.docker_endpoint)

    async def run(self, output: Output) -> Ended:
        full = await self.deps.slots.acquire(self.id, self.user.id, self.target.container_id)
        if full is not None:
            self._ready.set()
            limit = (self.deps.settings.terminal_max_per_user if full == "user"
                     else self.deps.settings.terminal_max_per_container)
            raise Refused(4429, f"Too many terminal sessions for this {full} (at most {limit}).")
        started = datetime.now(UTC)
        ended = Ended(None, "error")
        try:
            ended = await self._run(output)
        except aiodocker.DockerError as exc:
            ended = Ended(None, "error", f"The host's engine refused the exec: {exc.message}")
        finally:
            self._ready.set()
            with contextlib.suppress(Exception):
                await self.deps.slots.release(self.id, self.user.id, self.target.container_id)
            await self._record(started, ended)
        return ended

    async def _run(self, output: Output) -> Ended:
        container = self.docker.containers.container(self.target.docker_name)
        self._exec = await container.exec(
            self.cmd or [self.target.shell], stdin=True, stdout=True, stderr=True, tty=self.tty,
            environment=[f"{MARKER}={self.id}", "TERM=xterm-256color"],
            detach_keys=DETACH_KEYS)
        self._stream = self._exec.start()
        await self._stream.__aenter__()
        try:
            if self.tty:  # a quick command may be gone already: nothing to resize
                with contextlib.suppress(aiodocker.DockerError):
                    await self._resize_exec()
            self._ready.set()
            pump = asyncio.create_task(self._pump(output))
            watch = asyncio.create_task(self._watch())
            waiting: set[asyncio.Future[Any]] = {pump, watch, self._stopped}
            done, _ = await asyncio.wait(waiting,
                                         return_when=asyncio.FIRST_COMPLETED)
            if pump in done and pump.exception() is None:
                watch.cancel()
                return Ended(await self._exit_code(), "exited")
            if self._stopped.done():
                reason = self._stopped.result()
            else:  # the watchdog's verdict, or the client went away mid-write
                reason = watch.result() if watch in done else "closed"
            await self._kill()
            pump.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await pump
            watch.cancel()
            return Ended(await self._exit_code(wait_s=1.0), reason)
        finally:
            with contextlib.suppress(Exception):
                await self._stream.close()

    async def _pump(self, output: Output) -> None:
        while True:
            message = await self._stream.read_out()
            if message is None:
                return
            self.counters.bytes_out += len(message.data)
            self.counters.last_activity = time.monotonic()
            await output(message.stream, message.data)

    async def _watch(self) -> str:
        """Ends the session when idle too long or when its user may no longer have it."""
        settings = self.deps.settings
        next_check = time.monotonic() + settings.terminal_recheck_s
        while True:
            await asyncio.sleep(min(settings.terminal_recheck_s, settings.terminal_idle_s, 1.0))
            now = time.monotonic()
            if now - self.counters.last_activity > settings.terminal_idle_s:
                return "idle"
            if now >= next_check:
                next_check = now + settings.terminal_recheck_s
                try:
                    async with self.deps.sessionmaker() as session:
                        reason = await still_allowed(session, self.credential, self.target)
                        await session.commit()
                    if reason:
                        return reason
                    await self.deps.slots.renew(self.id, self.user.id, self.target.container_id)
                except Exception:  # a database blip is no reason to drop a shell
                    log.exception("terminal re-check failed; trying again")

    async def write(self, data: bytes) -> None:
        await self._ready.wait()
        if self._stream is None or self._stopped.done():
            return
        self.counters.bytes_in += len(data)
        self.counters.last_activity = time.monotonic()
        with contextlib.suppress(Exception):  # the exec ended: output EOF tells the rest
            await self._stream.write_in(data)

    async def close_input(self) -> None:
        """End of input (ssh without a tty): the command sees EOF on stdin."""
        await self._ready.wait()
        if self._stream is not None:
            transport = self._stream._resp.connection.transport
            if transport is not None and transport.can_write_eof():
                transport.write_eof()

    async def resize(self, cols: int, rows: int) -> None:
        self.cols, self.rows = max(1, min(cols, 1000)), max(1, min(rows, 1000))
        await self._ready.wait()
        if self._exec is not None and self.tty:
            with contextlib.suppress(aiodocker.DockerError):
                await self._resize_exec()

    async def _resize_exec(self) -> None:
        await self._exec.resize(h=self.rows, w=self.cols)

    def stop(self, reason: str = "closed") -> None:
        if not self._stopped.done():
            self._stopped.set_result(reason)

    async def _kill(self) -> None:
        with contextlib.suppress(Exception):
            container = self.docker.containers.container(self.target.docker_name)
            killer = await container.exec(["sh", "-c", _KILL, "kill", f"{MARKER}={self.id}"],
                                          stdout=True, stderr=True)
            await asyncio.wait_for(killer.start(detach=True), 10)

    async def _exit_code(self, wait_s: float = 5.0) -> int | None:
        """The exec's exit code; Docker may still say running for a moment after EOF."""
        end = time.monotonic() + wait_s
        while True:
            info = await self._exec.inspect()
            if not info.get("Running") or time.monotonic() > end:
                code = info.get("ExitCode")
                return None if info.get("Running") else code
            await asyncio.sleep(0.05)

    async def _record(self, started: datetime, ended: Ended) -> None:
        try:
            async with self.deps.sessionmaker() as session:
                events.record(
                    session, self.user, "container.terminal", "container",
                    self.target.container_id, group_id=self.target.group_id,
                    outcome="success" if ended.reason == "exited" else ended.reason[:16],
                    app=str(self.target.app_id), via=self.credential.kind,
                    command=self.cmd, started_at=started.isoformat(),
                    ended_at=datetime.now(UTC).isoformat(), exit_code=ended.code,
                    reason=ended.reason, bytes_in=self.counters.bytes_in,
                    bytes_out=self.counters.bytes_out, exec_created=self._exec is not None)
                await session.commit()
        except Exception:
            log.exception("could not record the terminal session %s", self.id)


async def record_denied(maker: async_sessionmaker[AsyncSession], user: User, target_id: str,
                        via: str, reason: str) -> None:
    """A member refused (role too low): worth a line in the log of their group."""
    with contextlib.suppress(Exception):
        async with maker() as session:
            events.record(session, user, "container.terminal", "container", target_id,
                          outcome="denied", via=via, reason=reason)
            await session.commit()
