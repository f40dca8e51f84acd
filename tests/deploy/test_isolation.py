"""The probe of the layer under the API, repeated on three real hosts: it finds nothing.

A host writes with its own etcd user (as its agent does); it cannot touch another host's
keys, and what it writes under its own prefix about another group's container changes
nothing. Drain moves containers with every replica serving throughout; quotas refuse.
"""

import asyncio
import concurrent.futures
import json
import threading
import time
import uuid
from typing import Any

import httpx
import pytest

from backend.core.config import BackendSettings
from livestate.keys import DEFAULT as L
from livestate.store import EtcdError, EtcdStore
from tests.deploy.conftest import Cluster3, HostInfo, wait_for
from tests.deploy.helpers import job_done, live, make_app, make_version, serving
from tests.factories import uniq


def run(coro: Any) -> Any:
    return asyncio.run(coro)


async def _as_host(host: HostInfo, op: Any) -> Any:
    store = EtcdStore(*BackendSettings().etcd_host_port, *host.etcd_credential())
    try:
        return await op(store)
    finally:
        await store.close()


def route(app: str) -> dict[str, Any]:
    async def read(store: EtcdStore) -> dict[str, Any]:
        kv = await store.get(L.route(app))
        return json.loads(kv.value) if kv else {"upstreams": []}

    async def go() -> dict[str, Any]:
        store = BackendSettings().etcd_store()
        try:
            return await read(store)
        finally:
            await store.close()
    return dict(run(go()))


def forged_events(c: httpx.Client, group: str, key: str) -> list[dict[str, Any]]:
    items = c.get("/events", params={"action": "host.forged_report", "limit": 100}).json()
    return [e for e in items["items"] if e["detail"].get("key") == key]


def test_a_host_cannot_take_another_groups_container(cluster3: Cluster3, group: str) -> None:
    c = cluster3.client
    app = make_app(c, group)
    make_version(c, app, "victim")
    r = c.post(f"/apps/{app}/deploy", json={"version": 1, "cluster_id": cluster3.id,
                                            "replicas": 1})
    assert r.status_code == 202, r.text
    [victim] = serving(c, app, 1)
    home = next(h for h in cluster3.hosts if h.name == victim["host_name"])
    attacker = next(h for h in cluster3.hosts if h.id != home.id)
    real = victim["ports"]["8080/tcp"]
    wait_for(lambda: route(app)["upstreams"] == [real], 20)

    # 1. Another host's keys are out of reach: etcd itself refuses.
    async def foreign_writes(store: EtcdStore) -> list[str]:
        refused = []
        for key in (L.container(home.id, victim["docker_id"]), L.host(home.id),
                    L.route(app)):
            try:
                await store.raw_put(key, b"{}")
            except EtcdError:
                refused.append(key)
        return refused
    assert len(run(_as_host(attacker, foreign_writes))) == 3

    # 2. Under its own prefix, a record claiming the victim (labels, name, an address of
    # the attacker's choosing) is refused by the watcher and recorded once.
    forged = {"docker_id": "f" * 64, "name": victim["name"], "state": "running",
              "health": "healthy", "labels": {"dockyard.managed": "true",
                                              "dockyard.container": victim["id"]},
              "ports": {"8080/tcp": f"{attacker.address}:1"}}
    key = L.container(attacker.id, "f" * 64)

    async def forge(store: EtcdStore) -> None:
        await store.raw_put(key, json.dumps(forged).encode())
    run(_as_host(attacker, forge))
    wait_for(lambda: forged_events(c, group, key), 20)
    after = c.get(f"/containers/{victim['id']}").json()
    assert after["host_name"] == home.name and after["ports"] == victim["ports"]
    assert after["docker_id"] == victim["docker_id"]
    assert route(app)["upstreams"] == [real]  # not the attacker's address
    assert len(forged_events(c, group, key)) == 1

    # 3. Hostile values under its own prefix leave the watcher running for everyone.
    async def hostile(store: EtcdStore) -> None:
        for i, value in enumerate([b'{"state": "' + b"x" * 500 + b'"}', b"\xff\xfe",
                                   b"[" * 5000, json.dumps({"state": "running", "labels": {
                                       "dockyard.container": "x" * 10_000}}).encode()]):
            await store.raw_put(L.container(attacker.id, f"bad{i}"), value)
    run(_as_host(attacker, hostile))
    c.post(f"/containers/{victim['id']}/stop")  # a real change after the hostile ones
    wait_for(lambda: c.get(f"/containers/{victim['id']}").json()["state"] == "exited", 30)

    async def clean(store: EtcdStore) -> None:
        for k in [key] + [L.container(attacker.id, f"bad{i}") for i in range(4)]:
            await store.raw_delete(k)
    run(_as_host(attacker, clean))
    c.post(f"/apps/{app}/scale", json={"cluster_id": cluster3.id, "replicas": 0})


def test_anonymous_etcd_is_refused() -> None:
    async def go() -> None:
        store = EtcdStore(*BackendSettings().etcd_host_port)
        try:
            with pytest.raises(EtcdError):
                await store.raw_put(L.route(uuid.uuid4()), b"{}")
        finally:
            await store.close()
    run(go())


def test_drain_moves_every_container_while_all_serve(cluster3: Cluster3, group: str) -> None:
    c = cluster3.client
    app = make_app(c, group)
    make_version(c, app, "drain")
    r = c.post(f"/apps/{app}/deploy", json={"version": 1, "cluster_id": cluster3.id,
                                            "replicas": 3})
    assert r.status_code == 202, r.text
    running = serving(c, app, 3)
    target = next(h for h in cluster3.hosts if any(x["host_name"] == h.name for x in running))
    assert c.get(f"/hosts/{target.id}").json()["containers"] >= 1
    samples: list[int] = []
    stop = threading.Event()

    def sample() -> None:  # how many of the app's containers serve, every 0.2 s
        while not stop.is_set():
            samples.append(sum(1 for x in live(c, app) if x["serving"]))
            time.sleep(0.2)
    sampler = threading.Thread(target=sample)
    sampler.start()
    try:
        r = c.post(f"/hosts/{target.id}/drain")
        assert r.status_code == 202, r.text
        job = job_done(c, r.json()["job_id"], 120)
        stop.set()
        sampler.join()
        assert job["state"] == "succeeded", job
        after = serving(c, app, 3)
        assert target.name not in {x["host_name"] for x in after}
        listed = c.get(f"/clusters/{cluster3.id}/hosts").json()["items"]
        assert next(h for h in listed if h["id"] == target.id)["containers"] == 0
        assert samples and min(samples) >= 3, samples  # never fewer serving than asked
    finally:
        stop.set()
        sampler.join()
        c.post(f"/hosts/{target.id}/uncordon")
        c.post(f"/apps/{app}/scale", json={"cluster_id": cluster3.id, "replicas": 0})


def test_drain_names_what_fits_nowhere(cluster3: Cluster3, group: str) -> None:
    c = cluster3.client
    app = make_app(c, group)
    r = c.post(f"/apps/{app}/versions", json={
        "image": "127.0.0.1:1/none:1", "memory_mb": 32, "constraints": {"zone": uniq("z")}})
    assert r.status_code == 201, r.text
    # Nothing can place it elsewhere: its constraint matches no host (the row is made
    # directly on the host to drain, as a host that lost its label would leave it).
    host = cluster3.hosts[1]
    c.patch(f"/hosts/{host.id}", json={"labels": {"zone": r.json()["constraints"]["zone"]}})
    try:
        d = c.post(f"/apps/{app}/deploy", json={"version": 1, "cluster_id": cluster3.id,
                                                "replicas": 1})
        assert d.status_code == 202, d.text
        wait_for(lambda: live(c, app), 10)
        drained = c.post(f"/hosts/{host.id}/drain")
        job = job_done(c, drained.json()["job_id"], 60)
        assert job["state"] == "failed" and "could not place 1" in job["message"], job
    finally:
        c.patch(f"/hosts/{host.id}", json={"labels": {}})
        c.post(f"/hosts/{host.id}/uncordon")
        c.post(f"/apps/{app}/scale", json={"cluster_id": cluster3.id, "replicas": 0})


def test_concurrent_transfers_leave_one_owner(cluster3: Cluster3) -> None:
    c = cluster3.client
    group = c.post("/groups", json={"name": uniq("tg")}).json()["id"]
    names = [uniq("heir") for _ in range(5)]
    for name in names:
        r = c.post("/users", json={"username": name, "password": "long-enough-password"})
        assert r.status_code == 201, r.text
    members = [c.post(f"/groups/{group}/members", json={"username": n, "role": "admin"}
                      ).json()["user_id"] for n in names]

    def transfer(user_id: str) -> int:
        return c.post(f"/groups/{group}/transfer", json={"user_id": user_id}).status_code
    with concurrent.futures.ThreadPoolExecutor(5) as pool:
        codes = list(pool.map(transfer, members))
    owners = [m for m in c.get(f"/groups/{group}/members").json()["items"]
              if m["role"] == "owner"]
    assert len(owners) == 1 and codes.count(200) == 1, (codes, owners)


def test_quota_refuses_deploy_past_the_limit(cluster3: Cluster3, group: str) -> None:
    c = cluster3.client
    public = c.post("/clusters", json={"name": uniq("pubq")}).json()["id"]
    r = c.put(f"/clusters/{public}/quotas/{group}", json={"containers": 2, "memory_mb": 64})
    assert r.status_code == 200, r.text
    app = make_app(c, group)
    make_version(c, app, "q")
    r = c.post(f"/apps/{app}/deploy", json={"version": 1, "cluster_id": public,
                                            "replicas": 3})
    assert r.status_code == 409 and "Quota exceeded" in r.json()["title"], r.text
    assert "2 containers" in r.json()["detail"]
    usage = c.get(f"/groups/{group}/quotas").json()
    assert usage[0]["containers"] == 2 and usage[0]["used_containers"] == 0
