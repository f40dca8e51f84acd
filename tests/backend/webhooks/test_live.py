"""The webhook on the live API: its answer time, concurrent tag events, and every example
payload of @octokit/webhooks-examples (pinned in package.json) without a 5xx."""

import json
import statistics
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from tests.backend.webhooks import sender
from tests.backend.webhooks.sender import body_of, github_create, github_tag_push, push
from tests.conftest import ROOT, Live, auth
from tests.factories import uniq

EXAMPLES = ROOT / "node_modules/@octokit/webhooks-examples/api.github.com/index.json"
SHA = "3f9c2ab5d1e0a6b7c8d9e0f1a2b3c4d5e6f7a8b9"
# Nothing listens there: should a builder take these made-up builds, its clone fails at
# once instead of waiting on DNS.
GIT_URL = "git://127.0.0.1:9/none.git"


@dataclass
class Hooked:
    """A repository made through the API, with what a person pastes into the git host."""

    id: str
    webhook_url: str
    secret: str
    token: str


def make_hooked(live: Live, admin_token: str, **fields: Any) -> Hooked:
    admin = auth(admin_token)
    name = uniq("hook")
    httpx.post(live.api("/users"), json={"username": name, "password": "hook-pass-1"},
               headers=admin).raise_for_status()
    token = httpx.post(live.api("/auth/login"), json={"username": name,
                                                      "password": "hook-pass-1"}
                       ).json()["access_token"]
    me = auth(token)
    group = httpx.post(live.api("/groups"), json={"name": uniq("hg")}, headers=me).json()
    ns = uniq("hns")
    httpx.post(live.api("/namespaces"), json={"name": ns, "group_id": group["id"]},
               headers=me).raise_for_status()
    base = next(i["image"] for i in httpx.get(live.api("/base-images"), headers=me).json()
                if i["kind"] == "platform")
    r = httpx.post(live.api(f"/namespaces/{ns}/repositories"), headers=me, json={
        "name": "app", "git_url": GIT_URL, "branch": "main",
        "base_image": base, "start_script": "exec httpd -f -p 8080",
        "ports": [{"container_port": 8080}], **fields})
    assert r.status_code == 201, r.text
    repo = r.json()
    return Hooked(id=repo["id"], webhook_url=repo["webhook_url"],
                  secret=repo["webhook_secret"], token=token)


@pytest.fixture(scope="module")
def http() -> Iterator[httpx.Client]:
    with httpx.Client(timeout=10) as c:
        yield c


def deliver(http: httpx.Client, repo: Hooked, payload: Any, event: str = "push",
            host: Any = sender.github, delivery: str | None = None) -> httpx.Response:
    body = body_of(payload)
    return http.post(repo.webhook_url, content=body,
                     headers=host(repo.secret, event, body, delivery))


def build_list(http: httpx.Client, live: Live, repo: Hooked) -> list[dict[str, Any]]:
    r = http.get(live.api(f"/repositories/{repo.id}/builds"), headers=auth(repo.token))
    r.raise_for_status()
    return list(r.json()["items"])


def test_push_answers_fast_and_builds_once(live: Live, admin_token: str,
                                           http: httpx.Client) -> None:
    repo = make_hooked(live, admin_token)
    assert repo.webhook_url == live.api(f"/hooks/git/{repo.id}")
    times, delivery = [], str(uuid.uuid4())
    for i in range(12):
        # A replay of the first delivery after the first, then pings (nothing to build).
        payload, event = ((push("refs/heads/main", SHA), "push") if i < 2 else
                          ({"zen": "Speak like a human.", "hook_id": i}, "ping"))
        start = time.perf_counter()
        r = deliver(http, repo, payload, event, delivery=delivery if i < 2 else None)
        times.append(time.perf_counter() - start)
        assert r.status_code == 202, r.text
        assert r.json()["result"] == ["queued", "seen", "ignored"][min(i, 2)]
    # The build was queued, not run, inside the request: the answer is quick.
    assert statistics.median(times) < 0.2 and max(times) < 2.0, times
    [build] = build_list(http, live, repo)
    assert (build["trigger"], build["ref"], build["commit"]) == ("push", "main", SHA)


def test_tag_push_and_create_at_once_build_once(live: Live, admin_token: str,
                                                http: httpx.Client) -> None:
    repo = make_hooked(live, admin_token)
    for n in range(5):
        tag = f"v1.{n}.0"
        deliveries = [(github_tag_push(tag, SHA), "push"), (github_create(tag), "create")]
        with ThreadPoolExecutor(2) as pool:
            answers = list(pool.map(lambda d: deliver(http, repo, *d), deliveries))
        assert sorted(a.json()["result"] for a in answers) == ["duplicate", "queued"], \
            [a.text for a in answers]
    assert sorted(b["ref"] for b in build_list(http, live, repo)) == [
        f"v1.{n}.0" for n in range(5)]


def test_forged_and_tampered_build_nothing(live: Live, admin_token: str,
                                           http: httpx.Client) -> None:
    repo = make_hooked(live, admin_token)
    body = body_of(push("refs/heads/main", SHA))
    good = sender.github(repo.secret, "push", body)
    refused = [http.post(repo.webhook_url, content=body, headers=sender.github("x", "push", body)),
               http.post(repo.webhook_url, content=body.replace(b"main", b"main ", 1),
                         headers=good),
               http.post(live.api(f"/hooks/git/{uuid.uuid4()}"), content=body, headers=good)]
    assert [r.status_code for r in refused] == [401, 401, 401]
    assert len({r.text for r in refused}) == 1
    assert build_list(http, live, repo) == []


def _examples() -> list[tuple[str, int, Any]]:
    groups = json.loads(EXAMPLES.read_text())
    return [(g["name"], i, example) for g in groups for i, example in enumerate(g["examples"])]


def test_every_octokit_example_gets_no_5xx(live: Live, admin_token: str,
                                           http: httpx.Client) -> None:
    examples = _examples()
    assert len(examples) > 300 and {"push", "create", "ping"} <= {e for e, _, _ in examples}
    repo = make_hooked(live, admin_token, branch="master")
    answers: dict[int, list[str]] = {}
    for event, i, payload in examples:
        r = deliver(http, repo, payload, event)
        assert r.status_code < 500, (event, i, r.text)
        answers.setdefault(r.status_code, []).append(f"{event}#{i}")
    # Every example is a well-formed delivery: answered 202, built or not.
    assert set(answers) == {202}, {k: v[:5] for k, v in answers.items()}
    # The pushes to master and the one new tag built; the tag once, though announced by
    # one push and five create examples.
    refs = sorted((b["ref_type"], b["ref"]) for b in build_list(http, live, repo))
    assert refs == [("branch", "master"), ("branch", "master"), ("tag", "simple-tag")], refs


def test_gitea_and_gitlab(live: Live, admin_token: str, http: httpx.Client) -> None:
    repo = make_hooked(live, admin_token)
    other = "9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d"
    answers = [
        deliver(http, repo, push("refs/heads/main", SHA), "push", sender.gitea),
        deliver(http, repo, push("refs/tags/v2", other), "push", sender.gitea),
        deliver(http, repo, {"ref": "v2", "ref_type": "tag", "sha": other}, "create",
                sender.gitea),
        deliver(http, repo, push("refs/tags/v3", "a" * 40, checkout_sha=other),
                "Tag Push Hook", sender.gitlab),
        deliver(http, repo, push("refs/heads/dev", SHA), "Push Hook", sender.gitlab),
    ]
    assert [a.json()["result"] for a in answers] == [
        "queued", "queued", "duplicate", "queued", "ignored"], [a.text for a in answers]
    built = sorted((b["ref"], b["commit"]) for b in build_list(http, live, repo))
    assert built == [("main", SHA), ("v2", other), ("v3", other)]
