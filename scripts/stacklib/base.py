"""What every long-running piece of the stack has in common."""

from __future__ import annotations

import signal
import subprocess
from pathlib import Path

from . import procs
from .config import Stack


class Service:
    """One daemon: how to prepare, start, recognise, probe and stop it.

    Subclasses override command(), identity(), ready() and address(), and the hooks
    prepare() (before a start), ensure() (after it answers, also when it was already
    running) and after_stop().
    """

    name = "service"
    user: str | None = None  # run as this user (and its group) instead of root
    stop_signal = signal.SIGTERM
    stop_timeout = 10.0
    start_timeout = 30.0

    def __init__(self, stack: Stack) -> None:
        self.stack = stack

    # --- to override -------------------------------------------------------------

    def command(self) -> list[str]:
        raise NotImplementedError

    def identity(self) -> list[str]:
        """Strings the live process's command line (or environment entries) must hold."""
        raise NotImplementedError

    def ready(self) -> bool:
        raise NotImplementedError

    def address(self) -> str:
        raise NotImplementedError

    def occupied(self) -> bool:
        """Whether something not started by us already holds this service's address."""
        return False

    def env(self) -> dict[str, str] | None:
        return None

    def cwd(self) -> Path | None:
        return None

    def prepare(self) -> None:
        pass

    def ensure(self) -> None:
        pass

    def after_stop(self) -> None:
        pass

    # --- shared behaviour ----------------------------------------------------------

    @property
    def pidfile(self) -> Path:
        return self.stack.pid_dir / f"{self.name}.pid"

    @property
    def log(self) -> Path:
        return self.stack.log_dir / f"{self.name}.log"

    def pid(self) -> int | None:
        """The pid of this stack's live process, or None (a stale pid file is ignored)."""
        pid = procs.read_pid(self.pidfile)
        if pid is not None and procs.matches(pid, self.identity()):
            return pid
        return None

    def check_free(self) -> None:
        """Fail unless this service runs already or its address is free to start it on."""
        if self.pid() is None and self.occupied():
            holder = self.holder()
            who = f"by {holder}" if holder else "by a process"
            raise procs.StackError(
                f"{self.name}: {self.address()} is already taken {who} that this stack did "
                f"not start, or whose pid file ({self.pidfile}) was lost"
            )

    def holder(self) -> str | None:
        """Who holds this service's address, for the message above (TCP services)."""
        return None

    def start(self) -> subprocess.Popen[bytes] | None:
        """Start the process unless it already runs; returns it when started now."""
        if self.pid() is not None:
            return None
        self.check_free()
        self.prepare()
        return procs.spawn(
            self.command(), self.log, self.pidfile, env=self.env(), cwd=self.cwd(),
            user=self.user,
        )

    def wait(self, proc: subprocess.Popen[bytes] | None) -> None:
        procs.wait_ready(self.name, self.ready, self.start_timeout, proc, self.log)
        self.ensure()

    def stop(self) -> str:
        """Stop this stack's process (only if the pid still is ours); say what happened."""
        pid = self.pid()
        outcome = "not running"
        if pid is not None:
            outcome = f"{procs.terminate(pid, self.stop_signal, self.stop_timeout)} (pid {pid})"
        self.pidfile.unlink(missing_ok=True)
        self.after_stop()
        return outcome

    def state(self) -> tuple[int | None, str]:
        pid = self.pid()
        if pid is None:
            return None, "down"
        return pid, "up" if self.ready() else "unhealthy"
