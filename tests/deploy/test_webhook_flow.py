"""git push → signed GitHub webhook → build → tag in the registry → a version that serves.

Everything real: a git daemon on loopback, the live API and the builder worker on its
build queue, the test stack's registry (token auth) and Docker engine, three hosts.
"""

import asyncio
import subprocess
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest

from backend.core.config import BackendSettings
from backend.registry.client import tag_exists
from tests.backend.webhooks import sender
from tests.builder.gitserver import GitRepo, GitServer
from tests.conftest import Live, free_port
from tests.deploy.conftest import Cluster3, page_text, wait_for
from tests.deploy.helpers import make_app, serving
from tests.factories import uniq

BUILD = "mkdir -p /www && cp index.html /www/"
START = "exec httpd -f -p 8080 -h /www"


@pytest.fixture(scope="module")
def git_daemon(tmp_path_factory: pytest.TempPathFactory) -> Iterator[GitServer]:
    server = GitServer(tmp_path_factory.mktemp("hook-git"), free_port())
    server.start()
    try:
        yield server
    finally:
        server.cleanup()


def deliver(repo: dict[str, Any], event: str, payload: Any) -> httpx.Response:
    body = sender.body_of(payload)
    start = time.perf_counter()
    r = httpx.post(repo["webhook_url"], content=body,
                   headers=sender.github(repo["webhook_secret"], event, body), timeout=10)
    # The build runs in the background: the git host has its answer at once.
    assert time.perf_counter() - start < 2.0
    assert r.status_code == 202, r.text
    return r


def finished(c: httpx.Client, build_id: str, limit_s: float = 300) -> dict[str, Any]:
    def check() -> dict[str, Any] | None:
        build = c.get(f"/builds/{build_id}").json()
        return build if build["status"] in ("succeeded", "failed", "cancelled") else None

    build = dict(wait_for(check, limit_s, every_s=0.5))
    if build["status"] != "succeeded":
        log = c.get(f"/builds/{build_id}/log").text
        raise AssertionError(f"build {build['status']} at {build['step']}: {build['reason']}"
                             f"\n{log[-3000:]}")
    return build


def in_registry(image: str, tag: str) -> bool:
    settings = BackendSettings()
    return asyncio.run(tag_exists(settings, image.removeprefix(settings.registry_address + "/"),
                                  tag))


def make_repository(c: httpx.Client, group: str, git: GitRepo) -> dict[str, Any]:
    ns = uniq("flow")
    assert c.post("/namespaces", json={"name": ns, "group_id": group}).status_code == 201
    base = next(i["image"] for i in c.get("/base-images").json()
                if i["kind"] == "platform" and i["name"] == "busybox")
    r = c.post(f"/namespaces/{ns}/repositories", json={
        "name": "site", "git_url": git.url, "branch": "main", "base_image": base,
        "build_script": BUILD, "start_script": START, "ports": [{"container_port": 8080}]})
    assert r.status_code == 201, r.text
    return dict(r.json())


def test_push_builds_and_the_version_serves(cluster3: Cluster3, group: str, live: Live,
                                            live_builder: None,
                                            git_daemon: GitServer) -> None:
    c = cluster3.client
    text = f"built from git {uuid.uuid4().hex[:8]}"
    git = git_daemon.create(uniq("site"), {"index.html": text + "\n"})
    repo = make_repository(c, group, git)
    assert repo["webhook_url"] == live.api(f"/hooks/git/{repo['id']}")
    sha = git.commit({"index.html": text + "\n", "NEWS": "second commit\n"})

    answer = deliver(repo, "push", sender.push(
        "refs/heads/main", sha, head_commit={"id": sha}, pusher={"name": "ann"})).json()
    assert answer["result"] == "queued", answer
    build = finished(c, answer["build_id"])
    tag = f"main-{sha[:7]}-c1"
    assert (build["commit"], build["tag"], build["trigger"]) == (sha, tag, "push")
    assert in_registry(repo["image"], tag)
    tags = c.get(f"/repositories/{repo['id']}/tags").json()["items"]
    assert [(t["tag"], t["commit"]) for t in tags] == [(tag, sha)]

    app = make_app(c, group)
    r = c.post(f"/apps/{app}/versions", json={
        "image": f"{repo['image']}:{tag}", "memory_mb": 32, "ports": [{"container_port": 8080}],
        "health_check": {"type": "http", "path": "/", "interval_s": 1, "timeout_s": 1,
                         "retries": 2}})
    assert r.status_code == 201, r.text
    version = r.json()["number"]
    r = c.post(f"/apps/{app}/deploy", json={"version": version, "cluster_id": cluster3.id,
                                            "replicas": 1})
    assert r.status_code == 202, r.text
    [container] = serving(c, app, 1, version, limit_s=120)
    assert page_text(container["ports"]["8080/tcp"]) == text


def test_tag_push_builds_the_tag_once(cluster3: Cluster3, group: str, live: Live,
                                      live_builder: None, git_daemon: GitServer) -> None:
    c = cluster3.client
    git = git_daemon.create(uniq("site"), {"index.html": "tagged\n"})
    repo = make_repository(c, group, git)
    commit = git.tag("v1.4.0", annotated=True)
    # GitHub announces the tag twice at once: a push (with the commit; `after` names the
    # annotated tag object) and a create (no commit at all).
    tag_object = subprocess.run(["git", "rev-parse", "v1.4.0"], cwd=git.work, check=True,
                                capture_output=True, text=True).stdout.strip()
    deliveries = [("push", sender.push("refs/tags/v1.4.0", tag_object, created=True,
                                       head_commit={"id": commit})),
                  ("create", sender.github_create("v1.4.0"))]
    with ThreadPoolExecutor(2) as pool:
        answers = [r.json() for r in pool.map(lambda d: deliver(repo, *d), deliveries)]
    assert sorted(a["result"] for a in answers) == ["duplicate", "queued"], answers
    [queued] = [a for a in answers if a["result"] == "queued"]
    build = finished(c, queued["build_id"])
    assert (build["ref"], build["ref_type"], build["commit"]) == ("v1.4.0", "tag", commit)
    assert build["tag"] == f"v1.4.0-{commit[:7]}-c1"
    assert in_registry(repo["image"], build["tag"])
    builds = c.get(f"/repositories/{repo['id']}/builds").json()["items"]
    assert [b["id"] for b in builds] == [build["id"]]
