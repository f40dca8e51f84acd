"""One more container of a chosen version, placed by the scheduler, on three real hosts;
and the topology's ETag that lets the dashboard poll cheaply."""

import httpx

from tests.conftest import Live
from tests.deploy.conftest import Cluster3
from tests.deploy.helpers import job_done, make_app, make_version, scale_to_zero, serving
from tests.factories import uniq


def _stranger(live_api: Live, admin: httpx.Client) -> httpx.Client:
    name, password = uniq("stranger"), "stranger-password-1"
    assert admin.post("/users", json={"username": name, "password": password}).status_code == 201
    token = httpx.post(live_api.api("/auth/login"),
                       json={"username": name, "password": password}).json()["access_token"]
    return httpx.Client(base_url=live_api.api(""), timeout=30,
                        headers={"Authorization": f"Bearer {token}"})


def test_add_a_container_of_an_older_version(cluster3: Cluster3, group: str, live: Live
                                             ) -> None:
    c = cluster3.client
    app = make_app(c, group)
    v1, v2 = make_version(c, app, "one"), make_version(c, app, "two")
    assert c.post(f"/apps/{app}/deploy", json={"version": v2, "cluster_id": cluster3.id,
                                               "replicas": 2}).status_code == 202
    serving(c, app, 2, v2)
    before = c.get(f"/apps/{app}/topology")
    etag = before.headers["etag"]

    r = c.post(f"/apps/{app}/containers", json={"cluster_id": cluster3.id, "version": v1})
    assert r.status_code == 202, r.text
    result = r.json()
    assert result["deployment"]["replicas"] == 3
    assert result["deployment"]["version"] == v2  # the deployment's version is unchanged
    (added,) = result["started"]
    assert added["version"] == v1 and added["host_id"]
    assert job_done(c, result["job_ids"][0])["state"] == "succeeded"

    now = serving(c, app, 3)
    assert sorted(x["version"] for x in now) == [v1, v2, v2]
    # Placement spreads: the new container went to the host without one of this app.
    assert len({x["host_id"] for x in now}) == 3
    topology = c.get(f"/apps/{app}/topology", headers={"If-None-Match": etag})
    assert topology.status_code == 200 and topology.headers["etag"] != etag
    (cluster,) = topology.json()["clusters"]
    assert cluster["replicas"] == 3 and cluster["desired_version"] == v2
    assert {v["number"]: len(v["containers"]) for v in cluster["versions"]} == {v2: 2, v1: 1}
    events = c.get("/events", params={"target_id": app}).json()["items"]
    assert any(e["action"] == "app.add_container" and e["detail"]["version"] == v1
               for e in events)

    # The reconciler counts it in the replicas: a scale call keeps all three.
    assert c.post(f"/apps/{app}/scale", json={"cluster_id": cluster3.id,
                                              "replicas": 3}).json()["started"] == []
    assert {x["id"] for x in serving(c, app, 3)} == {x["id"] for x in now}
    scale_to_zero(c, app, cluster3.id)


def test_refusals(cluster3: Cluster3, group: str, live: Live) -> None:
    c = cluster3.client
    app = make_app(c, group)
    v1 = make_version(c, app, "one")
    body = {"cluster_id": cluster3.id, "version": v1}

    r = c.post(f"/apps/{app}/containers", json=body)
    assert r.status_code == 409 and "not deployed" in r.json()["detail"]
    assert c.post(f"/apps/{app}/deploy", json={**body, "replicas": 1}).status_code == 202
    r = c.post(f"/apps/{app}/containers", json={**body, "version": 99})
    assert r.status_code == 404 and "no version 99" in r.json()["detail"]
    r = c.post(f"/apps/{app}/containers", json={**body, "cluster_id": group})
    assert r.status_code == 404
    with _stranger(live, c) as stranger:
        r = stranger.post(f"/apps/{app}/containers", json=body)
        assert r.status_code == 404
        assert app not in r.text

    # Nothing fits: the scheduler's reason comes back, and nothing is written.
    picky = c.post(f"/apps/{app}/versions", json={
        "image": "127.0.0.1:5000/library/busybox:1.35", "memory_mb": 32,
        "command": ["sleep", "3600"], "constraints": {"zone": "nowhere"}}).json()["number"]
    r = c.post(f"/apps/{app}/containers", json={**body, "version": picky})
    assert r.status_code == 409, r.text
    assert r.json()["title"] == "Not enough capacity"
    assert "zone" in r.json()["detail"]
    serving(c, app, 1, v1)
    (cluster,) = c.get(f"/apps/{app}/topology").json()["clusters"]
    assert cluster["replicas"] == 1
    scale_to_zero(c, app, cluster3.id)


def test_topology_etag(cluster3: Cluster3, group: str) -> None:
    c = cluster3.client
    app = make_app(c, group)
    first = c.get(f"/apps/{app}/topology")
    etag = first.headers["etag"]
    assert first.headers["cache-control"] == "private, no-cache"
    again = c.get(f"/apps/{app}/topology", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == etag
    assert c.get(f"/apps/{app}/topology",
                 headers={"If-None-Match": f'"other", W/{etag}'}).status_code == 304
    make_version(c, app, "one")
    assert c.post(f"/apps/{app}/deploy", json={"version": 1, "cluster_id": cluster3.id,
                                               "replicas": 1}).status_code == 202
    changed = c.get(f"/apps/{app}/topology", headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed.headers["etag"] != etag
    scale_to_zero(c, app, cluster3.id)
