"""Deploy, scale, grayscale upgrade and rollback on three real Docker hosts."""

import asyncio
import json

from backend.core.config import BackendSettings
from tests.deploy.conftest import Cluster3, page_text, wait_for
from tests.deploy.helpers import (
    job_done,
    live,
    make_app,
    make_version,
    per_host,
    scale_to_zero,
    serving,
)


def route(app: str) -> dict:
    async def read() -> dict:
        store = BackendSettings().etcd_store()
        try:
            kv = await store.get(f"/dockyard/routes/{app}")
            return json.loads(kv.value) if kv else {"upstreams": []}
        finally:
            await store.close()

    return asyncio.run(read())


def test_deploy_grayscale_upgrade_rollback(cluster3: Cluster3, group: str) -> None:
    c = cluster3.client
    app = make_app(c, group)
    v1, v2 = make_version(c, app, "one"), make_version(c, app, "two")

    r = c.post(f"/apps/{app}/deploy", json={"version": v1, "cluster_id": cluster3.id,
                                            "replicas": 6})
    assert r.status_code == 202, r.text
    running = serving(c, app, 6, v1)
    assert sorted(per_host(running).values()) == [2, 2, 2]
    for container in running:
        assert page_text(container["ports"]["8080/tcp"]) == "one"

    # Grayscale: exactly the two named containers move to v2, on their own hosts.
    chosen = running[:2]
    r = c.post(f"/apps/{app}/upgrade", json={"version": v2,
                                             "container_ids": [x["id"] for x in chosen]})
    assert r.status_code == 202, r.text
    assert job_done(c, r.json()["job_id"])["state"] == "succeeded"
    now = serving(c, app, 6)
    by_version = {v: [x for x in now if x["version"] == v] for v in (v1, v2)}
    assert len(by_version[v2]) == 2 and len(by_version[v1]) == 4
    assert sorted(x["host_name"] for x in by_version[v2]) == \
        sorted(x["host_name"] for x in chosen)
    assert {x["id"] for x in by_version[v1]} == {x["id"] for x in running[2:]}
    for container in by_version[v2]:
        assert page_text(container["ports"]["8080/tcp"]) == "two"

    # The rest.
    r = c.post(f"/apps/{app}/upgrade", json={"version": v2})
    assert job_done(c, r.json()["job_id"])["state"] == "succeeded"
    upgraded = serving(c, app, 6, v2)
    assert sorted(per_host(upgraded).values()) == [2, 2, 2]

    # Rollback restores v1's whole configuration (its env, hence its page).
    r = c.post(f"/apps/{app}/rollback", json={"version": v1})
    assert job_done(c, r.json()["job_id"])["state"] == "succeeded"
    back = serving(c, app, 6, v1)
    assert {page_text(x["ports"]["8080/tcp"]) for x in back} == {"one"}
    topology = c.get(f"/apps/{app}/topology").json()
    (cluster,) = topology["clusters"]
    assert cluster["desired_version"] == v1 and cluster["replicas"] == 6
    assert [v["number"] for v in cluster["versions"]] == [v1]
    actions = [e["action"] for e in c.get("/events", params={"target_id": app}).json()["items"]]
    assert {"app.deploy", "app.upgrade", "app.rollback"} <= set(actions)

    # Scale down removes the newest first, and Docker agrees with the API.
    r = c.post(f"/apps/{app}/scale", json={"cluster_id": cluster3.id, "replicas": 3})
    assert r.status_code == 202
    assert sorted(r.json()["removed"]) == sorted(x["id"] for x in back[-3:]) or \
        len(r.json()["removed"]) == 3
    remaining = serving(c, app, 3, v1)
    wait_for(lambda: sum(len(v) for v in cluster3.docker_containers(app).values()) == 3, 30)
    assert sorted(per_host(remaining).values()) == [1, 1, 1]

    # The route lists exactly the serving containers.
    wanted = sorted(x["ports"]["8080/tcp"] for x in remaining)
    wait_for(lambda: route(app)["upstreams"] == wanted, 15)

    # Power actions and logs on one container.
    one = remaining[0]["id"]
    logs = c.get(f"/containers/{one}/logs", params={"tail": 10})
    assert logs.status_code == 200 and "started one" in logs.text
    followed = c.get(f"/containers/{one}/logs", params={"follow": True, "seconds": 1})
    assert "started one" in followed.text
    assert job_done(c, c.post(f"/containers/{one}/stop").json()["job_id"])["state"] == \
        "succeeded"
    wait_for(lambda: c.get(f"/containers/{one}").json()["state"] == "exited", 15)
    wait_for(lambda: len(route(app)["upstreams"]) == 2, 15)  # out of the route
    assert job_done(c, c.post(f"/containers/{one}/start").json()["job_id"])["state"] == \
        "succeeded"
    serving(c, app, 3, v1)
    power = [e["action"] for e in c.get("/events", params={"target_id": app}).json()["items"]]
    assert {"container.stop", "container.start", "app.scale"} <= set(power)
    scale_to_zero(c, app, cluster3.id)


def test_failing_health_check_keeps_the_old_containers(cluster3: Cluster3, group: str) -> None:
    c = cluster3.client
    app = make_app(c, group)
    good = make_version(c, app, "good")
    bad = make_version(c, app, "bad", health_path="/missing")
    c.post(f"/apps/{app}/deploy", json={"version": good, "cluster_id": cluster3.id,
                                        "replicas": 2})
    before = serving(c, app, 2, good)
    r = c.post(f"/apps/{app}/upgrade", json={"version": bad})
    job = job_done(c, r.json()["job_id"])
    assert job["state"] == "failed" and "did not become healthy" in job["message"]
    assert "last check: " in job["message"] and "404" in job["message"]  # wget's own words
    after = serving(c, app, 2, good)
    assert {x["id"] for x in after} == {x["id"] for x in before}
    for container in after:
        assert page_text(container["ports"]["8080/tcp"]) == "good"
    wait_for(lambda: sum(len(v) for v in cluster3.docker_containers(app).values()) == 2, 30)
    events = c.get("/events", params={"target_id": app}).json()["items"]
    assert any(e["action"] == "app.upgrade" and e["outcome"] == "failure" for e in events)
    scale_to_zero(c, app, cluster3.id)


def test_memory_shortfall_is_a_409_with_the_reason(cluster3: Cluster3, group: str) -> None:
    c = cluster3.client
    app = make_app(c, group)
    huge = make_version(c, app, "huge", memory_mb=16384)
    r = c.post(f"/apps/{app}/deploy", json={"version": huge, "cluster_id": cluster3.id,
                                            "replicas": 9})
    assert r.status_code == 409
    assert r.headers["content-type"] == "application/problem+json"
    assert "cannot be placed" in r.json()["detail"] and "MiB" in r.json()["detail"]
    assert live(c, app) == []
