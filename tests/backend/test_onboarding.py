import io
import itertools
import tarfile
from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update

from backend.models import Event, JoinToken
from tests.conftest import auth
from tests.factories import World, uniq


async def _token(client, world: World, **body) -> dict:
    r = await client.post(f"/clusters/{world.cluster.id}/join-tokens", json=body,
                          headers=auth(world.tokens["admin"]))
    assert r.status_code == 201, r.text
    return r.json()


_addresses = itertools.count(1)


def _host(token: str, **extra) -> dict:
    """A host on a network address of its own (a group's token may register no other)."""
    n = next(_addresses)
    address = f"10.252.{n // 250}.{n % 250 + 1}"
    return {"token": token, "name": uniq("node"), "address": address,
            "docker_endpoint": f"tcp://{address}:2375", **extra}


class TestJoinTokens:
    async def test_single_use_token_registers_one_host(self, client, world: World) -> None:
        created = await _token(client, world)
        assert created["install_command"].startswith("curl -fsSL 'http://test/api/v1/install.sh")
        assert created["token"] in created["install_command"]
        r = await client.post("/hosts/register", json=_host(created["token"]))
        assert r.status_code == 201
        assert r.json()["cluster_id"] == str(world.cluster.id)
        host = await client.get(f"/hosts/{r.json()['host_id']}",
                                headers=auth(world.tokens["viewer"]))
        assert host.json()["status"] == "NotReady"  # until its agent reports
        again = await client.post("/hosts/register", json=_host(created["token"]))
        assert again.status_code == 401 and "used" in again.json()["detail"]

    async def test_multi_use_token(self, client, world: World) -> None:
        created = await _token(client, world, max_uses=3)
        codes = [(await client.post("/hosts/register", json=_host(created["token"]))).status_code
                 for _ in range(4)]
        assert codes == [201, 201, 201, 401]

    async def test_expired_token_is_refused(self, client, world: World, session) -> None:
        created = await _token(client, world, max_uses=None)
        await session.execute(update(JoinToken).values(
            expires_at=datetime.now(UTC) - timedelta(seconds=1)))
        r = await client.post("/hosts/register", json=_host(created["token"]))
        assert r.status_code == 401 and "expired" in r.json()["detail"]
        script = await client.get("/install.sh", params={"token": created["token"]})
        assert script.status_code == 401

    async def test_forged_token_is_refused(self, client, world: World) -> None:
        created = await _token(client, world)
        forged = created["token"][:-4] + "AAAA"
        for token in (forged, "dy_", "x" * 100):
            r = await client.post("/hosts/register", json=_host(token))
            assert r.status_code == 401, token
        assert (await client.get("/install.sh", params={"token": forged})).status_code == 401
        assert (await client.get("/agent/source.tar.gz", params={"token": forged})
                ).status_code == 401

    async def test_token_never_listed_in_events(self, client, world: World, session) -> None:
        created = await _token(client, world)
        await client.post("/hosts/register", json=_host(created["token"]))
        details = (await session.execute(select(Event.detail))).scalars().all()
        assert created["token"] not in str(details)

    async def test_duplicate_host_name_conflicts(self, client, world: World) -> None:
        created = await _token(client, world, max_uses=2)
        body = _host(created["token"])
        assert (await client.post("/hosts/register", json=body)).status_code == 201
        assert (await client.post("/hosts/register", json=body)).status_code == 409


class TestInstaller:
    async def test_script_and_agent_source(self, client, world: World) -> None:
        created = await _token(client, world)
        r = await client.get("/install.sh", params={"token": created["token"]})
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/x-shellscript")
        script = r.text
        assert script.startswith("#!/bin/sh") and created["token"] in script
        assert "aetcd==" in script and "apt-get install" in script
        src = await client.get("/agent/source.tar.gz", params={"token": created["token"]})
        with tarfile.open(fileobj=io.BytesIO(src.content)) as tar:
            names = tar.getnames()
        assert "agent/agent.py" in names and "agent/register_cli.py" in names
        assert "livestate/store.py" in names  # the agent imports the shared package
        # Fetching the script does not spend the token.
        assert (await client.post("/hosts/register", json=_host(created["token"]))
                ).status_code == 201


class TestCordonDrain:
    async def test_cordon_uncordon_drain(self, client, world: World) -> None:
        h, host = auth(world.tokens["admin"]), world.host.id
        assert (await client.post(f"/hosts/{host}/cordon", headers=h)).json()["status"] \
            == "Cordoned"
        assert (await client.post(f"/hosts/{host}/uncordon", headers=h)).json()["cordoned"] \
            is False
        drained = await client.post(f"/hosts/{host}/drain", headers=h)
        assert drained.status_code == 202 and drained.json()["host"]["cordoned"] is True
        assert drained.json()["job_id"]
        events = (await client.get("/events", params={"target_id": str(host)}, headers=h)).json()
        assert {"host.cordon", "host.uncordon", "host.drain"} <= {
            e["action"] for e in events["items"]}
