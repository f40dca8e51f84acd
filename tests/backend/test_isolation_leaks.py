"""The probe's findings at the API, each repeated: registration rules, leaks, caps."""

import uuid

import pytest

from backend.core.config import BackendSettings
from livestate import auth as etcd_auth
from livestate.keys import DEFAULT as L
from tests.conftest import auth
from tests.factories import World


async def _join_token(client, world: World, actor: str = "admin", cluster=None) -> str:
    cluster_id = (cluster or world.cluster).id
    r = await client.post(f"/clusters/{cluster_id}/join-tokens", json={"max_uses": 5},
                          headers=auth(world.tokens[actor]))
    assert r.status_code == 201, r.text
    return str(r.json()["token"])


def _body(token: str, endpoint: str, address: str) -> dict:
    return {"token": token, "name": f"n-{uuid.uuid4().hex[:8]}", "address": address,
            "docker_endpoint": endpoint}


class TestRegistration:
    @pytest.mark.parametrize(("endpoint", "address"), [
        ("unix:///run/docker.sock", "10.9.0.1"),  # the control plane's own engine
        ("unix:///run/dockyard/x/host1/docker.sock", "10.9.0.1"),  # another host's socket
        ("tcp://127.0.0.1:2375", "10.9.0.1"),
        ("tcp://10.9.0.1:2375", "0.0.0.0"),  # noqa: S104 (the probe's published HostIp)
        ("tcp://169.254.169.254:80", "10.9.0.1"),
        ("https://10.9.0.2:2376", "10.9.0.1"),  # a certificate for another address
    ])
    async def test_a_groups_token_is_refused(self, client, world: World, endpoint: str,
                                             address: str) -> None:
        token = await _join_token(client, world)
        r = await client.post("/hosts/register", json=_body(token, endpoint, address)
                              | {"tls": endpoint.startswith("https://")})
        assert r.status_code in (403, 422), r.text
        assert r.headers["content-type"].startswith("application/problem+json")

    async def test_a_platform_admins_token_may_use_a_socket(self, client, world: World) -> None:
        token = await _join_token(client, world, "platform", world.public)
        r = await client.post("/hosts/register", json=_body(
            token, "unix:///run/dockyard/isolation-test.sock", "127.0.9.9"))
        assert r.status_code == 201, r.text
        etcd = r.json()["etcd"]
        assert etcd["username"] == f"host-{r.json()['host_id']}" and etcd["password"]
        await _delete_etcd_user(r.json()["host_id"])

    async def test_endpoint_and_address_are_unique(self, client, world: World) -> None:
        token = await _join_token(client, world)
        first = await client.post("/hosts/register", json=_body(
            token, "tcp://10.9.1.1:2375", "10.9.1.1"))
        assert first.status_code == 201, first.text
        for endpoint, address in (("tcp://10.9.1.1:2375", "10.9.1.2"),
                                  ("tcp://10.9.1.3:2375", "10.9.1.1")):
            again = await client.post("/hosts/register", json=_body(token, endpoint, address))
            assert again.status_code == 409, again.text
        await _delete_etcd_user(first.json()["host_id"])

    async def test_group_admins_add_hosts_by_the_same_rules(self, client, world: World) -> None:
        r = await client.post(f"/clusters/{world.cluster.id}/hosts", headers=auth(
            world.tokens["admin"]), json={"name": "sock", "address": "10.9.2.1",
                                          "docker_endpoint": "unix:///run/docker.sock"})
        assert r.status_code == 403, r.text


async def _delete_etcd_user(host_id: str) -> None:
    root = BackendSettings().etcd_root_store()
    if root is not None:
        await etcd_auth.EtcdUsers(root).delete_user(etcd_auth.host_user(host_id))
        await root.close()


class TestLeaks:
    async def test_a_removed_member_loses_their_jobs_and_events(self, client, world: World,
                                                                session) -> None:
        dev = world.users["developer"]
        h = auth(world.tokens["developer"])
        world.job.created_by = dev.id  # a job they queued themselves
        await session.commit()
        assert (await client.get(f"/jobs/{world.job.id}", headers=h)).status_code == 200
        r = await client.delete(f"/groups/{world.group.id}/members/{dev.id}",
                                headers=auth(world.tokens["owner"]))
        assert r.status_code == 204, r.text
        assert (await client.get(f"/jobs/{world.job.id}", headers=h)).status_code == 404
        events = (await client.get("/events", headers=h)).json()["items"]
        assert all(e["group_id"] != str(world.group.id) for e in events)

    async def test_events_of_another_group_are_404(self, client, world: World) -> None:
        r = await client.get("/events", params={"group_id": str(world.group.id)},
                             headers=auth(world.tokens["other"]))
        assert r.status_code == 404

    async def test_events_filter_by_action_prefix_and_outcome(self, client, world: World
                                                              ) -> None:
        h = auth(world.tokens["owner"])
        await client.patch(f"/apps/{world.app.id}", json={"description": "x"}, headers=h)
        r = await client.get("/events", params={"action": "app.", "outcome": "success",
                                                "group_id": str(world.group.id)}, headers=h)
        assert r.status_code == 200 and r.json()["items"]
        assert all(e["action"].startswith("app.") for e in r.json()["items"])

    async def test_deleting_an_app_deletes_its_route(self, client, world: World,
                                                     session) -> None:
        h = auth(world.tokens["owner"])
        app = (await client.post(f"/groups/{world.group.id}/apps", headers=h,
                                 json={"name": "routed", "domains": ["routed.example.test"]})
               ).json()
        store = BackendSettings().etcd_store()
        try:
            await store.raw_put(L.route(app["id"]), b'{"domains":["routed.example.test"]}')
            assert (await client.delete(f"/apps/{app['id']}", headers=h)).status_code == 204
            assert await store.get(L.route(app["id"])) is None
        finally:
            await store.close()
        again = await client.post(f"/groups/{world.group.id}/apps", headers=h, json={
            "name": "routed2", "domains": ["routed.example.test"]})
        assert again.status_code == 201, again.text  # the domain is free again

    async def test_env_is_capped_at_64_kib_in_all(self, client, world: World) -> None:
        env = {f"V{i}": "x" * 20_000 for i in range(4)}  # each value allowed, 80 kB in all
        r = await client.post(f"/apps/{world.app.id}/versions", headers=auth(
            world.tokens["owner"]), json={"image": "busybox:1", "memory_mb": 32, "env": env})
        assert r.status_code == 422 and "64 KiB" in r.text, r.text
