"""Daemonized processes tracked by pid files, and the probes that tell they answer."""

from __future__ import annotations

import http.client
import os
import signal
import socket
import subprocess
import time
from collections.abc import Callable, Sequence
from pathlib import Path


class StackError(Exception):
    """A step failed in a way the user must see (the message says what to look at)."""


# --- processes ---------------------------------------------------------------------


def _read_proc(pid: int, name: str) -> str | None:
    try:
        return Path(f"/proc/{pid}/{name}").read_bytes().replace(b"\0", b" ").decode(
            errors="replace"
        )
    except OSError:
        return None


def is_alive(pid: int) -> bool:
    """True for a live process; a zombie (exited, not yet reaped) counts as dead."""
    stat = _read_proc(pid, "stat")
    if stat is None:
        return False
    state = stat.rsplit(")", 1)[-1].split()[0]
    return state not in ("Z", "X")


def matches(pid: int, identity: Sequence[str]) -> bool:
    """Whether pid is alive and its command line (or environment) holds every string.

    Pids are reused, so a pid file alone proves nothing: the identity strings (a data
    dir, a socket path, a port) tie the process to this stack.
    """
    if not is_alive(pid):
        return False
    seen = (_read_proc(pid, "cmdline") or "") + "\n" + (_read_proc(pid, "environ") or "")
    return all(token in seen for token in identity)


def read_pid(pidfile: Path) -> int | None:
    try:
        return int(pidfile.read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None


def clear_stale_pidfile(pidfile: Path, identity: Sequence[str]) -> None:
    """Remove a daemon's own pid file left by a killed run (a session's end kills all).

    postgres and dockerd refuse to start while their pid file names a live process,
    and after a restart that pid may well belong to something else.
    """
    pid = read_pid(pidfile)
    if pid is not None and not matches(pid, identity):
        pidfile.unlink(missing_ok=True)


def spawn(
    argv: Sequence[str],
    log: Path,
    pidfile: Path,
    *,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
    user: str | None = None,
) -> subprocess.Popen[bytes]:
    """Start argv in its own session (so a terminal's ^C does not reach it), logging to log."""
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("ab") as out:
        out.write(f"\n--- {time.strftime('%F %T')} {' '.join(argv)}\n".encode())
        out.flush()
        proc = subprocess.Popen(
            argv,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            env=env,
            cwd=cwd,
            user=user,
            group=user,
            extra_groups=[] if user else None,
        )
    pidfile.parent.mkdir(parents=True, exist_ok=True)
    pidfile.write_text(f"{proc.pid}\n")
    return proc


def wait_gone(pid: int, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while is_alive(pid):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    return True


def terminate(pid: int, sig: signal.Signals, timeout: float) -> str:
    """Send sig, wait up to timeout, then SIGKILL. Returns how the process ended."""
    try:
        os.kill(pid, sig)
    except ProcessLookupError:
        return "gone"
    if wait_gone(pid, timeout):
        return "stopped"
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        return "stopped"
    wait_gone(pid, 5)
    return "killed"


def pids_with(token: str) -> list[int]:
    """Live processes whose command line contains token (used to sweep leftovers)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and int(entry.name) != os.getpid():
            cmdline = _read_proc(int(entry.name), "cmdline")
            if cmdline and token in cmdline and is_alive(int(entry.name)):
                found.append(int(entry.name))
    return found


def unmount_under(root: Path) -> None:
    """Detach every mount at or below root, deepest first.

    dockerd bind-mounts its data root onto itself and undoes that on a clean exit only:
    after a killed run the mount stays, and blocks deleting the directory.
    """
    mounts = []
    for line in Path("/proc/self/mounts").read_text().splitlines():
        point = line.split()[1].replace("\\040", " ")
        if point == str(root) or point.startswith(f"{root}/"):
            mounts.append(point)
    for point in sorted(mounts, key=len, reverse=True):
        subprocess.run(["umount", "--lazy", point], check=False, capture_output=True)


def wait_ready(
    name: str,
    ready: Callable[[], bool],
    timeout: float,
    proc: subprocess.Popen[bytes] | None,
    log: Path,
) -> None:
    """Poll ready() until it holds; fail early, with the log's tail, if proc exits."""
    deadline = time.monotonic() + timeout
    while not ready():
        if proc is not None and proc.poll() is not None:
            raise StackError(f"{name} exited with {proc.returncode}\n{tail(log)}")
        if time.monotonic() > deadline:
            raise StackError(f"{name} did not answer within {timeout:.0f} s\n{tail(log)}")
        time.sleep(0.1)


def tail(log: Path, lines: int = 15) -> str:
    try:
        text = log.read_text(errors="replace").splitlines()[-lines:]
    except OSError:
        return f"(no log at {log})"
    return "\n".join(f"  | {line}" for line in text) + f"\n  (full log: {log})"


def run(
    argv: Sequence[str], *, env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """Run a short command, failing with its output when it fails."""
    result = subprocess.run(argv, capture_output=True, text=True, check=False, env=env, cwd=cwd)
    if result.returncode != 0:
        output = (result.stdout + result.stderr).strip()
        raise StackError(f"{' '.join(argv)} failed ({result.returncode}):\n{output}")
    return result


# --- probes ------------------------------------------------------------------------


class _UnixConnection(http.client.HTTPConnection):
    def __init__(self, path: str, timeout: float) -> None:
        super().__init__("localhost", timeout=timeout)
        self._path = path

    def connect(self) -> None:
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(self.timeout)
        self.sock.connect(self._path)


def http_get(
    host: str, port: int, path: str, *, unix: str | None = None, timeout: float = 2.0
) -> tuple[int, bytes] | None:
    """GET path; (status, body), or None when nothing answers."""
    return _http("GET", host, port, path, None, unix, timeout)


def http_post(
    host: str, port: int, path: str, body: bytes, *, timeout: float = 2.0,
    headers: dict[str, str] | None = None,
) -> tuple[int, bytes] | None:
    """POST a JSON body; (status, body), or None when nothing answers."""
    return _http("POST", host, port, path, body, None, timeout, headers)


def _http(
    method: str, host: str, port: int, path: str, body: bytes | None, unix: str | None,
    timeout: float, extra_headers: dict[str, str] | None = None,
) -> tuple[int, bytes] | None:
    conn = (
        _UnixConnection(unix, timeout)
        if unix
        else http.client.HTTPConnection(host, port, timeout=timeout)
    )
    headers = {"Content-Type": "application/json"} if body is not None else {}
    headers.update(extra_headers or {})
    try:
        conn.request(method, path, body=body, headers=headers)
        resp = conn.getresponse()
        return resp.status, resp.read()
    except (OSError, http.client.HTTPException):
        return None
    finally:
        conn.close()


def tcp_exchange(port: int, payload: bytes, timeout: float = 1.0, until: bytes = b""
                 ) -> bytes | None:
    """Send payload, read the answer (until `until` appears, when given)."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
            sock.sendall(payload)
            answer = sock.recv(256)
            while until and until not in answer and answer:
                more = sock.recv(256)
                if not more:
                    break
                answer += more
            return answer
    except OSError:
        return None


def port_holder(port: int) -> str | None:
    """Who listens on a TCP port: "pid N (command)", read from /proc, or None."""
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            local, state, inode = fields[1], fields[3], fields[9]
            if state == "0A" and int(local.rsplit(":", 1)[1], 16) == port:  # 0A: LISTEN
                inodes.add(f"socket:[{inode}]")
    if not inodes:
        return None
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            for fd in (proc / "fd").iterdir():
                if os.readlink(fd) in inodes:
                    cmd = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode()
                    return f"pid {proc.name} ({cmd.strip()[:120]})"
        except OSError:
            continue
    return "a process this user cannot see"


def port_taken(address: str, port: int) -> bool:
    try:
        with socket.create_connection((address, port), timeout=0.5):
            return True
    except OSError:
        return False
