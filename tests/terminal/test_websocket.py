"""The exec websocket against the live API and a real container on a real engine."""

import asyncio

import pytest

from tests.deploy.conftest import wait_for
from tests.terminal.conftest import TermEnv
from tests.terminal.wsclient import Term

pytestmark = pytest.mark.docker


async def test_echo_resize_and_exit_code_recorded(term: TermEnv) -> None:
    t = await Term.open(term.live.url, term.container, term.tokens["dev"], cols=80, rows=24)
    await t.send("echo hello-$((40+2))\n")
    await t.until(b"hello-42")
    await t.send("stty size\n")
    await t.until(b"24 80")
    await t.resize(132, 41)
    await t.send("stty size\n")
    await t.until(b"41 132")
    await t.send("exit 3\n")
    ended = await t.finish()
    assert ended is not None and ended["code"] == 3 and ended["reason"] == "exited"
    assert t.close_code == 1000

    def recorded() -> list[dict]:
        return [e for e in term.events() if e["detail"].get("exit_code") == 3
                and e["actor_name"] == term.usernames["dev"]]

    event = wait_for(recorded, 10)[0]
    detail = event["detail"]
    assert detail["via"] == "web" and detail["reason"] == "exited"
    assert detail["bytes_in"] > 20 and detail["bytes_out"] > detail["bytes_in"]
    assert detail["started_at"] <= detail["ended_at"]


async def test_one_off_command_through_a_short_id(term: TermEnv) -> None:
    t = await Term.open(term.live.url, term.container[:8], term.tokens["dev"],
                        cmd="echo one-off; exit 7")
    ended = await t.finish()
    assert b"one-off" in t.output, (ended, t.close_code)
    assert ended is not None and ended["code"] == 7


async def test_a_prefix_too_short_is_not_found(term: TermEnv) -> None:
    t = await Term.open(term.live.url, term.container[:3], term.tokens["dev"])
    assert await t.finish() is None and t.close_code == 4404


REFUSALS = [
    ("viewer", None, None, 4403),
    ("stranger", None, None, 4404),
    ("bad-token", None, None, 4401),
    ("revoked", None, None, 4401),
    ("dev", "http://evil.example", None, 4403),
    ("no-auth", None, None, 4401),
    ("dev", None, "00000000-0000-4000-8000-000000000000", 4404),
]


@pytest.mark.parametrize(("who", "origin", "container", "code"), REFUSALS,
                         ids=[f"{r[0]}-{r[3]}" + ("-origin" if r[1] else "")
                              + ("-missing" if r[2] else "") for r in REFUSALS])
async def test_refused_before_any_exec(term: TermEnv, who: str, origin: str | None,
                                       container: str | None, code: int) -> None:
    if who == "revoked":
        with term.client("dev") as c:
            made = c.post("/tokens", json={"name": "soon-revoked"}).json()
            assert c.delete(f"/tokens/{made['id']}").status_code == 204
        token: str | None = made["token"]
    else:
        token = {"bad-token": "dy_not-a-token", "no-auth": None}.get(who, term.tokens.get(who))
    before = sorted(term.exec_ids())  # Docker lists them in no stable order
    t = await Term.open(term.live.url, container or term.container, token, origin=origin)
    assert await t.finish(limit_s=15) is None
    assert t.close_code == code
    assert sorted(term.exec_ids()) == before


async def test_own_origin_is_allowed(term: TermEnv) -> None:
    t = await Term.open(term.live.url, term.container, term.tokens["dev"],
                        origin=term.live.url, cmd="echo same-origin")
    assert (await t.finish())["code"] == 0
    assert b"same-origin" in t.output


async def test_revoked_token_ends_the_session(term: TermEnv) -> None:
    with term.client("dev2") as c:
        made = c.post("/tokens", json={"name": "terminal"}).json()
        t = await Term.open(term.live.url, term.container, made["token"])
        await t.send("echo started-$((1+1))\n")
        await t.until(b"started-2")
        assert c.delete(f"/tokens/{made['id']}").status_code == 204
    ended = await t.finish(limit_s=30)
    assert ended is not None and ended["reason"] == "revoked"


async def test_lost_role_ends_the_session(term: TermEnv) -> None:
    user = term.admin.get(f"/groups/{term.group}/members").json()["items"]
    dev2 = next(m for m in user if m["username"] == term.usernames["dev2"])
    member = f"/groups/{term.group}/members/{dev2['user_id']}"
    t = await Term.open(term.live.url, term.container, term.tokens["dev2"])
    await t.send("echo role-$((2+2))\n")
    await t.until(b"role-4")
    try:
        assert term.admin.patch(member, json={"role": "viewer"}).status_code == 200
        ended = await t.finish(limit_s=30)
    finally:
        term.admin.patch(member, json={"role": "developer"})
    assert ended is not None and ended["reason"] == "forbidden"


async def test_a_session_ended_from_our_side_kills_its_processes(term: TermEnv) -> None:
    t = await Term.open(term.live.url, term.container, term.tokens["dev"])
    await t.send("sleep 4242 &\n echo bg-$((3+3))\n")
    await t.until(b"bg-6")
    await t.close()  # the client goes away with a background job running

    async def gone() -> bool:
        probe = await Term.open(term.live.url, term.container, term.tokens["dev"],
                                cmd="ps | grep -c '[s]leep 4242' || true")
        await probe.finish()
        return probe.output.strip().endswith(b"0")

    for _ in range(40):
        if await gone():
            return
        await asyncio.sleep(0.25)
    raise AssertionError("the session's background process outlived it")
