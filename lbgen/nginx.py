"""Apply a rendered config to a running nginx: write, nginx -t, rename, reload, confirm.

The live file is only ever replaced by a file nginx -t accepted, so a refused config is
never applied and the last good one keeps serving (also after nginx restarts).
"""

from __future__ import annotations

import asyncio
import os
import signal
import time
from dataclasses import dataclass
from pathlib import Path

from lbgen.render import PROBE_HOST


class ConfigRejected(Exception):
    """nginx -t refused the new config; the message is nginx's."""


class ReloadFailed(Exception):
    """nginx did not start answering the new generation in time."""


@dataclass
class Nginx:
    binary: str
    conf: Path  # the live file nginx runs
    pid_file: Path
    probe: tuple[str, int]  # the edge's HTTP address, asked for /generation
    confirm_timeout_s: float = 10.0

    def write_atomically(self, path: Path, text: str) -> None:
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        with open(tmp, "w") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)

    async def test(self, path: Path) -> None:
        proc = await asyncio.create_subprocess_exec(
            self.binary, "-t", "-q", "-p", f"{path.parent}/", "-c", str(path),
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
        out, err = await proc.communicate()
        if proc.returncode != 0:
            raise ConfigRejected((err or out).decode(errors="replace").strip()[-2000:])

    def master_pid(self) -> int | None:
        try:
            pid = int(self.pid_file.read_text().strip())
            os.kill(pid, 0)
        except (OSError, ValueError):
            return None
        return pid

    async def generation(self) -> str | None:
        """The generation nginx answers on a new connection, or None."""
        host, port = self.probe
        try:
            reader, writer = await asyncio.wait_for(asyncio.open_connection(host, port), 2)
        except (TimeoutError, OSError):
            return None
        try:
            writer.write(f"GET /generation HTTP/1.0\r\nHost: {PROBE_HOST}\r\n\r\n".encode())
            answer = await asyncio.wait_for(reader.read(4096), 2)
        except (TimeoutError, OSError):
            return None
        finally:
            writer.close()
        head, _, body = answer.partition(b"\r\n\r\n")
        return body.decode().strip() if head.startswith(b"HTTP/1.1 200") else None

    def accepting_workers(self, master: int) -> set[int]:
        """The master's workers that still accept connections (not "shutting down")."""
        found = set()
        for pid in _children(master):
            try:
                title = Path(f"/proc/{pid}/cmdline").read_bytes()
            except OSError:
                continue
            if b"worker process" in title and b"shutting down" not in title:
                found.add(pid)
        return found

    async def confirm(self, generation: str, old_workers: set[int], master: int) -> None:
        """Wait until nginx answers the new generation and no worker of the old config
        still accepts connections (they finish their requests, then exit)."""
        deadline = time.monotonic() + self.confirm_timeout_s
        while time.monotonic() < deadline:
            if (not old_workers & self.accepting_workers(master)
                    and await self.generation() == generation):
                return
            await asyncio.sleep(0.005)
        raise ReloadFailed(f"nginx did not answer generation {generation} within "
                           f"{self.confirm_timeout_s:g} s")

    async def apply(self, text: str, generation: str) -> None:
        """Test the candidate, make it live, reload nginx and confirm the reload took."""
        candidate = self.conf.with_name(self.conf.name + ".candidate")
        self.write_atomically(candidate, text)
        try:
            await self.test(candidate)
        except ConfigRejected:
            candidate.unlink(missing_ok=True)
            raise
        os.replace(candidate, self.conf)
        pid = self.master_pid()
        if pid is None:
            raise ReloadFailed(f"nginx is not running (pid file {self.pid_file})")
        old_workers = self.accepting_workers(pid)
        os.kill(pid, signal.SIGHUP)
        await self.confirm(generation, old_workers, pid)


def _children(pid: int) -> list[int]:
    """Child pids of pid, from /proc (lbgen runs beside its nginx)."""
    try:
        tasks = Path(f"/proc/{pid}/task").iterdir()
        return sorted({int(c) for t in tasks
                       for c in (t / "children").read_text().split()})
    except OSError:
        return []
