"""Caps, idle timeout and flow control, on an API of their own with tight settings.

The caps live in Redis, so a session on the run's main API counts against this API's
caps too: two processes agree on how many sessions there are.
"""

import asyncio
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import ROOT, free_port
from tests.terminal.conftest import TermEnv
from tests.terminal.wsclient import Term

pytestmark = pytest.mark.docker


def start_api(term: TermEnv, log_dir: Path, **settings: str) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    env = {**term.live.env, **{f"DOCKYARD_TERMINAL_{k.upper()}": v for k, v in settings.items()}}
    with (log_dir / f"api-{port}.log").open("w") as log:
        api = subprocess.Popen([str(Path(sys.executable).parent / "uvicorn"),
                                "backend.main:create_app", "--factory", "--host", "127.0.0.1",
                                "--port", str(port)], env=env, cwd=ROOT, stdout=log,
                               stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    end = time.monotonic() + 30
    while time.monotonic() < end:
        try:
            if httpx.get(f"{url}/api/v1/openapi.json", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.2)
    return api, url


@pytest.fixture(scope="module")
def tight(term: TermEnv, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, int]]:
    api, url = start_api(term, tmp_path_factory.mktemp("tight"), max_per_user="2",
                         max_per_container="3", recheck_s="1")
    try:
        yield url, api.pid
    finally:
        api.terminate()
        api.wait(timeout=10)


@pytest.fixture(scope="module")
def sleepy(term: TermEnv, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    api, url = start_api(term, tmp_path_factory.mktemp("sleepy"), idle_s="2")
    try:
        yield url
    finally:
        api.terminate()
        api.wait(timeout=10)


async def shell(url: str, token: str, container: str) -> Term:
    t = await Term.open(url, container, token)
    await t.send("echo ready-$((5*5))\n")
    await t.until(b"ready-25")
    return t


async def test_idle_session_ends(term: TermEnv, sleepy: str) -> None:
    t = await Term.open(sleepy, term.container, term.tokens["dev"])
    ended = await t.finish(limit_s=20)
    assert ended is not None and ended["reason"] == "idle"


async def test_caps_per_user_and_per_container_across_processes(
        term: TermEnv, tight: tuple[str, int]) -> None:
    url, opened = tight[0], list[Term]()
    try:
        await _caps(term, url, opened)
    finally:  # a failure here must not leave this user's slots taken for the next test
        for t in opened:
            await t.close()


async def _caps(term: TermEnv, url: str, opened: list[Term]) -> None:
    async def keep(t: Term) -> Term:
        opened.append(t)
        return t

    # The user cap (2) with one session on the main API and one here.
    first = await keep(await shell(term.live.url, term.tokens["dev"], term.container))
    second = await keep(await shell(url, term.tokens["dev"], term.container))
    before = sorted(term.exec_ids())  # Docker lists them in no stable order
    third = await Term.open(url, term.container, term.tokens["dev"])
    assert await third.finish() is None and third.close_code == 4429
    assert sorted(term.exec_ids()) == before
    # The container cap (3): another developer gets one more, then none.
    other = await keep(await shell(url, term.tokens["dev2"], term.container))
    fourth = await Term.open(url, term.container, term.tokens["dev2"])
    assert await fourth.finish() is None and fourth.close_code == 4429
    # A session that ends gives its slot back.
    await first.send("exit\n")
    await first.finish()
    again = await keep(await shell(url, term.tokens["dev2"], term.container))
    for t in (second, other, again):
        await t.send("exit\n")
        await t.finish()


def rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise AssertionError("no VmRSS")


async def test_a_slow_reader_does_not_grow_the_api(term: TermEnv,
                                                   tight: tuple[str, int]) -> None:
    url, pid = tight
    t = await Term.open(url, term.container, term.tokens["dev"],
                        cmd="while :; do cat /bin/busybox; done")
    await t.until(b"\x7fELF")  # it is flooding
    base = rss_kb(pid)
    await asyncio.sleep(3)  # we read nothing; Docker keeps producing
    grown = rss_kb(pid) - base
    await t.close()
    assert grown < 20 * 1024, f"the API grew by {grown} kB behind a slow reader"
