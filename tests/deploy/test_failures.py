"""Crashes and lost hosts: the reconciler brings the cluster back to what was asked."""

import random
import time

from tests.conftest import Live
from tests.deploy.conftest import Cluster3, wait_for
from tests.deploy.helpers import live, make_app, make_version, per_host, scale_to_zero, serving

TRIALS = 20


def _docker_truth(cluster3: Cluster3, app: str) -> list[str]:
    """Container ids (our label) of this app that Docker runs, on every host."""
    return sorted(c["Labels"]["dockyard.container"]
                  for listed in cluster3.docker_containers(app).values()
                  for c in listed if c["State"] == "running")


def test_worker_killed_at_random_points_never_doubles_or_orphans(
        cluster3: Cluster3, group: str, live: Live) -> None:
    c = cluster3.client
    app = make_app(c, group)
    v1 = make_version(c, app, "steady")
    rng = random.Random(20261126)
    try:
        for trial in range(TRIALS):
            target = 10 if trial % 2 == 0 else 4
            if trial == 0:
                r = c.post(f"/apps/{app}/deploy", json={"version": v1, "cluster_id": cluster3.id,
                                                        "replicas": target})
            else:
                r = c.post(f"/apps/{app}/scale", json={"cluster_id": cluster3.id,
                                                       "replicas": target})
            assert r.status_code == 202, r.text
            time.sleep(rng.uniform(0, 1.2))
            live.kill_worker()
            live.start_worker()
            running = serving(c, app, target, v1, limit_s=60)
            wanted = sorted(x["id"] for x in running)
            wait_for(lambda w=wanted: _docker_truth(cluster3, app) == w, 60)
            assert max(per_host(running).values()) - min(per_host(running).values()) <= 1 \
                or len(per_host(running)) < 3
    finally:
        live.stop_worker()
        live.start_worker()
        scale_to_zero(c, app, cluster3.id)


def test_lost_host_containers_come_back_on_the_others(cluster3: Cluster3, group: str) -> None:
    c = cluster3.client
    app = make_app(c, group)
    v1 = make_version(c, app, "moves")
    c.post(f"/apps/{app}/deploy", json={"version": v1, "cluster_id": cluster3.id,
                                        "replicas": 6})
    serving(c, app, 6, v1)
    victim = cluster3.hosts[2]
    assert victim.engine is not None
    try:
        victim.engine.stop()
        lost_at = time.monotonic()
        grace = 5  # DOCKYARD_HOST_GRACE_S of the live worker

        def moved() -> list | None:
            items = live(c, app)
            ok = [x for x in items if x["serving"] and x["host_name"] != victim.name]
            return items if len(items) == 6 and len(ok) == 6 else None

        after = wait_for(moved, grace + 30)
        took = time.monotonic() - lost_at
        assert took <= grace + 15, f"back after {took:.1f}s"
        assert sorted(per_host(after).values()) == [3, 3]
        events = c.get("/events", params={"target_id": app}).json()["items"]
        assert sum(e["action"] == "container.reschedule" for e in events) == 2
    finally:
        victim.engine.start()
    # The host returns with its old containers (restart policy): they are no longer
    # its to run, so the reconciler removes them.
    wait_for(lambda: not cluster3.docker_containers(app)[victim.name], 60)
    assert len(live(c, app)) == 6
    scale_to_zero(c, app, cluster3.id)


def test_rapid_scaling_while_jobs_run_never_fails(cluster3: Cluster3, group: str) -> None:
    """Scale calls racing the worker, the watcher and the reconciler: all 202, no 5xx."""
    c = cluster3.client
    app = make_app(c, group)
    v1 = make_version(c, app, "storm")
    r = c.post(f"/apps/{app}/deploy", json={"version": v1, "cluster_id": cluster3.id,
                                            "replicas": 20})
    assert r.status_code == 202
    codes = []
    for replicas in (2, 18, 0, 12, 3, 9):
        time.sleep(0.4)
        codes.append(c.post(f"/apps/{app}/scale", json={"cluster_id": cluster3.id,
                                                        "replicas": replicas}).status_code)
    assert codes == [202] * 6
    running = serving(c, app, 9, v1, limit_s=90)
    wanted = sorted(x["id"] for x in running)
    wait_for(lambda: _docker_truth(cluster3, app) == wanted, 60)
    scale_to_zero(c, app, cluster3.id)
