"""The SSH gateway with Debian's OpenSSH client, against a real container."""

import subprocess
from pathlib import Path
from typing import Any

import asyncssh
import pytest

from tests.terminal.conftest import TermEnv

pytestmark = pytest.mark.docker


def keypair(tmp: Path, name: str) -> tuple[Path, str]:
    path = tmp / name
    if not path.exists():
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(path)],
                       check=True)
    return path, Path(f"{path}.pub").read_text()


def ssh(gateway: dict[str, Any], key: Path, user: str, *command: str, tty: bool = False,
        stdin: str | None = None, strict: str = "accept-new") -> subprocess.CompletedProcess[str]:
    argv = ["ssh", "-i", str(key), "-p", str(gateway["port"]), "-o", "IdentitiesOnly=yes",
            "-o", "BatchMode=yes", "-o", f"StrictHostKeyChecking={strict}",
            "-o", f"UserKnownHostsFile={gateway['data']}/known_hosts", "-o", "LogLevel=ERROR"]
    argv += ["-tt"] if tty else ["-T"]
    return subprocess.run([*argv, f"{user}@127.0.0.1", *command], capture_output=True,
                          text=True, timeout=60, input=stdin)


@pytest.fixture(scope="module")
def keys(term: TermEnv, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    tmp = tmp_path_factory.mktemp("keys")
    out = {}
    for who in ("dev", "viewer", "stranger", "nobody"):
        path, public = keypair(tmp, who)
        out[who] = path
        if who != "nobody":
            with term.client(who) as c:
                r = c.post("/users/me/keys", json={"name": f"{who} laptop",
                                                   "public_key": public})
                assert r.status_code == 201, r.text
    return out


def test_command_runs_and_returns_its_exit_code(term: TermEnv, gateway: dict[str, Any],
                                                keys: dict[str, Path]) -> None:
    done = ssh(gateway, keys["dev"], term.container, "echo via-ssh; echo oops >&2; exit 5")
    assert done.returncode == 5, done.stderr
    assert done.stdout == "via-ssh\n"
    assert "oops" in done.stderr


def test_short_prefix_and_stdin(term: TermEnv, gateway: dict[str, Any],
                                keys: dict[str, Path]) -> None:
    done = ssh(gateway, keys["dev"], term.container[:8], "wc -l", stdin="a\nb\nc\n")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "3"


def test_tty_session(term: TermEnv, gateway: dict[str, Any], keys: dict[str, Path]) -> None:
    done = ssh(gateway, keys["dev"], term.container, tty=True,
               stdin="echo tty-$((2+2))\nexit 4\n")
    assert done.returncode == 4, done.stderr
    assert "tty-4" in done.stdout


@pytest.mark.parametrize("who", ["nobody", "viewer", "stranger"])
def test_refused_keys_create_no_exec(term: TermEnv, gateway: dict[str, Any],
                                    keys: dict[str, Path], who: str) -> None:
    before = sorted(term.exec_ids())  # Docker lists them in no stable order
    done = ssh(gateway, keys[who], term.container, "echo should-not-run")
    assert done.returncode == 255
    assert "should-not-run" not in done.stdout
    assert sorted(term.exec_ids()) == before


async def test_window_change_resizes_the_exec(term: TermEnv, gateway: dict[str, Any],
                                              keys: dict[str, Path]) -> None:
    key = asyncssh.read_private_key(str(keys["dev"]))
    async with asyncssh.connect("127.0.0.1", gateway["port"], username=term.container,
                                client_keys=[key], known_hosts=None) as conn:
        process = await conn.create_process(term_type="xterm", term_size=(80, 24))
        process.stdin.write("stty size\n")
        assert "24 80" in await process.stdout.readuntil("24 80")
        process.change_terminal_size(132, 41)
        process.stdin.write("stty size\n")
        assert "41 132" in await process.stdout.readuntil("41 132")
        process.stdin.write("exit 6\n")
        assert (await process.wait()).exit_status == 6


def test_events_say_ssh(term: TermEnv, gateway: dict[str, Any], keys: dict[str, Path]) -> None:
    done = ssh(gateway, keys["dev"], term.container, "exit 9")
    assert done.returncode == 9
    found = [e for e in term.events() if e["detail"].get("via") == "ssh"
             and e["detail"].get("exit_code") == 9]
    assert found and found[0]["actor_name"] == term.usernames["dev"]


def test_deleted_key_is_refused(term: TermEnv, gateway: dict[str, Any],
                                tmp_path: Path) -> None:
    path, public = keypair(tmp_path, "temp")
    with term.client("dev") as c:
        key = c.post("/users/me/keys", json={"name": "temp", "public_key": public}).json()
        assert ssh(gateway, path, term.container, "true").returncode == 0
        assert c.delete(f"/users/me/keys/{key['id']}").status_code == 204
    assert ssh(gateway, path, term.container, "true").returncode == 255


def test_host_key_is_kept_across_restarts(term: TermEnv, gateway: dict[str, Any],
                                          keys: dict[str, Path]) -> None:
    assert ssh(gateway, keys["dev"], term.container, "true").returncode == 0
    host_key = gateway["data"] / "ssh" / "ssh_host_ed25519_key"
    assert host_key.stat().st_mode & 0o777 == 0o600
    gateway["proc"].terminate()
    gateway["proc"].wait(timeout=10)
    gateway["proc"] = gateway["start"]()
    # Strict checking against the known_hosts written on first contact.
    done = ssh(gateway, keys["dev"], term.container, "echo same-host", strict="yes")
    assert done.returncode == 0, done.stderr
    assert done.stdout == "same-host\n"
