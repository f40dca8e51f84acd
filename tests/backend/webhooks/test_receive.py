"""POST /hooks/git/{repo_id} on a real database (rolled back): what builds, what does not."""

import json
import uuid
from typing import Any
from urllib.parse import urlencode

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from backend.models import Build, Event, ImageRepository, WebhookDelivery
from backend.webhooks.router import MAX_BODY
from tests.backend.webhooks import sender
from tests.backend.webhooks.sender import body_of, github_create, github_tag_push, push
from tests.factories import World, uniq

SHA = "3f9c2ab5d1e0a6b7c8d9e0f1a2b3c4d5e6f7a8b9"
SHA2 = "9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d"


@pytest.fixture
async def repo(session: AsyncSession, world: World) -> ImageRepository:
    assert world.namespace is not None
    repo = ImageRepository(namespace_id=world.namespace.id, name=uniq("hook"),
                           git_url="https://git.example.test/team/app.git", branch="main",
                           base_image="127.0.0.1:5000/library/busybox:1.35")
    session.add(repo)
    await session.commit()
    return repo


def url(repo: ImageRepository | str) -> str:
    return f"/hooks/git/{repo if isinstance(repo, str) else repo.id}"


async def builds(session: AsyncSession, repo: ImageRepository) -> list[Build]:
    return list((await session.execute(select(Build).where(Build.repository_id == repo.id)
                                       .order_by(Build.created_at))).scalars())


async def send(client: Any, repo: ImageRepository, payload: Any, event: str = "push",
               host: Any = sender.github, delivery: str | None = None) -> Any:
    body = body_of(payload)
    return await client.post(url(repo), content=body,
                             headers=host(repo.webhook_secret, event, body, delivery))


class TestRefused:
    async def test_forged_signature_and_unknown_repo_answer_alike(
            self, client: Any, session: AsyncSession, repo: ImageRepository) -> None:
        body = body_of(push("refs/heads/main", SHA))
        forged = await client.post(url(repo), content=body,
                                   headers=sender.github("not-the-secret", "push", body))
        unknown = await client.post(url(str(uuid.uuid4())), content=body,
                                    headers=sender.github(repo.webhook_secret, "push", body))
        not_an_id = await client.post(url("not-a-uuid"), content=body,
                                      headers=sender.github(repo.webhook_secret, "push", body))
        for r in (forged, unknown, not_an_id):
            assert r.status_code == 401, r.text
            assert r.headers["content-type"].startswith("application/problem+json")
        assert forged.json() == unknown.json() == not_an_id.json()
        assert repo.webhook_secret not in forged.text
        assert await builds(session, repo) == []

    async def test_one_byte_changed(self, client: Any, session: AsyncSession,
                                    repo: ImageRepository) -> None:
        body = body_of(push("refs/heads/main", SHA))
        headers = sender.github(repo.webhook_secret, "push", body)
        tampered = body.replace(SHA.encode(), SHA2.encode(), 1)
        assert len(tampered) == len(body)
        for changed in (tampered, body + b" ", body[:-1]):
            r = await client.post(url(repo), content=changed, headers=headers)
            assert r.status_code == 401
        assert await builds(session, repo) == []

    @pytest.mark.parametrize("drop", ["X-Hub-Signature-256", "X-GitHub-Event"])
    async def test_missing_headers(self, client: Any, session: AsyncSession,
                                   repo: ImageRepository, drop: str) -> None:
        body = body_of(push("refs/heads/main", SHA))
        headers = sender.github(repo.webhook_secret, "push", body)
        del headers[drop]
        assert (await client.post(url(repo), content=body, headers=headers)).status_code == 401
        assert await builds(session, repo) == []

    async def test_gitea_and_gitlab_with_wrong_secrets(self, client: Any, session: AsyncSession,
                                                       repo: ImageRepository) -> None:
        body = body_of(push("refs/heads/main", SHA))
        for headers in (sender.gitea("wrong", "push", body),
                        sender.gitlab("wrong", "Push Hook", body),
                        {**sender.gitlab(repo.webhook_secret, "Push Hook", body),
                         "X-Gitlab-Token": repo.webhook_secret[:-1]}):
            r = await client.post(url(repo), content=body, headers=headers)
            assert r.status_code == 401
        assert await builds(session, repo) == []

    async def test_oversized_body_is_413(self, client: Any, repo: ImageRepository) -> None:
        body = b" " * (MAX_BODY + 1)
        r = await client.post(url(repo), content=body,
                              headers=sender.github(repo.webhook_secret, "push", body))
        assert r.status_code == 413

    async def test_signed_garbage(self, client: Any, repo: ImageRepository) -> None:
        for body, status in ((b"{not json", 400), (b"[" * 100_000, 400), (b"[]", 422),
                             (body_of({"ref": "refs/heads/main"}), 422),
                             (body_of(push("refs/heads/main", "HEAD")), 422),
                             (body_of(push("refs/tags/--upload-pack=x", SHA)), 422)):
            r = await client.post(url(repo), content=body,
                                  headers=sender.github(repo.webhook_secret, "push", body))
            assert r.status_code == status, (body[:40], r.text)
            assert r.headers["content-type"].startswith("application/problem+json")

    async def test_overlong_delivery_id(self, client: Any, repo: ImageRepository) -> None:
        r = await send(client, repo, push("refs/heads/main", SHA), delivery="d" * 256)
        assert r.status_code == 400


class TestBranch:
    async def test_push_builds_once(self, client: Any, session: AsyncSession,
                                    repo: ImageRepository) -> None:
        delivery = str(uuid.uuid4())
        r = await send(client, repo, push("refs/heads/main", SHA), delivery=delivery)
        assert r.status_code == 202, r.text
        answer = r.json()
        assert answer["result"] == "queued" and answer["delivery_id"] == delivery
        [build] = await builds(session, repo)
        assert str(build.id) == answer["build_id"]
        assert (build.trigger, build.ref, build.ref_type, build.commit, build.delivery_id) == \
            ("push", "main", "branch", SHA, delivery)
        # The same delivery again (a redelivery, or a replay by someone who captured it).
        again = await send(client, repo, push("refs/heads/main", SHA), delivery=delivery)
        assert again.status_code == 202
        assert again.json()["result"] == "seen" and again.json()["build_id"] == str(build.id)
        assert len(await builds(session, repo)) == 1

    async def test_replay_under_a_new_delivery_id(self, client: Any, session: AsyncSession,
                                                  repo: ImageRepository) -> None:
        # The signature covers the body, not the delivery id header: the body gives it away.
        payload = push("refs/heads/main", SHA)
        first = await send(client, repo, payload)
        for header in (str(uuid.uuid4()), None):
            body = body_of(payload)
            headers = sender.github(repo.webhook_secret, "push", body)
            if header is None:
                del headers["X-GitHub-Delivery"]
            else:
                headers["X-GitHub-Delivery"] = header
            r = await client.post(url(repo), content=body, headers=headers)
            assert r.json()["result"] == "seen", r.text
            assert r.json()["build_id"] == first.json()["build_id"]
            assert "replay" in r.json()["reason"]
        # The same commit pushed again for real is another body (before, timestamps).
        again = await send(client, repo, push("refs/heads/main", SHA, before=SHA2))
        assert again.json()["result"] == "queued"
        assert len(await builds(session, repo)) == 2

    @pytest.mark.parametrize(("payload", "event", "reason"), [
        (push("refs/heads/feature", SHA), "push", "not the repository's branch"),
        (push("refs/heads/main", sender.ZERO, deleted=True), "push", "was deleted"),
        ({"zen": "Keep it logically awesome.", "hook_id": 1, "hook": {}}, "ping", "Ping"),
        ({"ref": "main", "ref_type": "branch"}, "delete", "deleted"),
        ({"action": "opened", "issue": {}}, "issues", "does not build"),
        ({"ref": "feature", "ref_type": "branch"}, "create", "push event"),
    ])
    async def test_nothing_to_build(self, client: Any, session: AsyncSession,
                                    repo: ImageRepository, payload: Any, event: str,
                                    reason: str) -> None:
        r = await send(client, repo, payload, event)
        assert r.status_code == 202, r.text
        assert r.json()["result"] == "ignored" and reason in r.json()["reason"]
        assert r.json()["build_id"] is None
        assert await builds(session, repo) == []

    async def test_ignored_delivery_replayed_is_seen(self, client: Any,
                                                     repo: ImageRepository) -> None:
        delivery = str(uuid.uuid4())
        first = await send(client, repo, push("refs/heads/dev", SHA), delivery=delivery)
        assert first.json()["result"] == "ignored"
        again = await send(client, repo, push("refs/heads/dev", SHA), delivery=delivery)
        assert again.json()["result"] == "seen"

    async def test_build_on_push_off(self, client: Any, session: AsyncSession,
                                     repo: ImageRepository) -> None:
        repo.build_on_push = False
        await session.commit()
        r = await send(client, repo, push("refs/heads/main", SHA))
        assert r.json()["result"] == "ignored" and "build_on_push" in r.json()["reason"]
        assert await builds(session, repo) == []

    async def test_form_encoded_delivery(self, client: Any, session: AsyncSession,
                                         repo: ImageRepository) -> None:
        body = urlencode({"payload": json.dumps(push("refs/heads/main", SHA))}).encode()
        headers = {**sender.github(repo.webhook_secret, "push", body),
                   "Content-Type": "application/x-www-form-urlencoded"}
        r = await client.post(url(repo), content=body, headers=headers)
        assert r.status_code == 202 and r.json()["result"] == "queued", r.text
        assert len(await builds(session, repo)) == 1


class TestTag:
    @pytest.mark.parametrize("order", ["push-first", "create-first"])
    async def test_push_and_create_build_once(self, client: Any, session: AsyncSession,
                                              repo: ImageRepository, order: str) -> None:
        deliveries = [(github_tag_push("v1.4.0", SHA), "push"),
                      (github_create("v1.4.0"), "create")]
        if order == "create-first":
            deliveries.reverse()
        answers = [(await send(client, repo, p, e)).json() for p, e in deliveries]
        assert [a["result"] for a in answers] == ["queued", "duplicate"]
        assert answers[1]["build_id"] == answers[0]["build_id"]
        [build] = await builds(session, repo)
        assert (build.trigger, build.ref, build.ref_type) == ("tag", "v1.4.0", "tag")
        assert build.commit == (SHA if order == "push-first" else None)

    async def test_tag_deleted(self, client: Any, session: AsyncSession,
                               repo: ImageRepository) -> None:
        r = await send(client, repo, push("refs/tags/v1", sender.ZERO, deleted=True))
        assert r.json()["result"] == "ignored"
        assert await builds(session, repo) == []

    async def test_build_on_tag_off(self, client: Any, session: AsyncSession,
                                    repo: ImageRepository) -> None:
        repo.build_on_tag = False
        await session.commit()
        r = await send(client, repo, github_tag_push("v2", SHA))
        assert r.json()["result"] == "ignored" and "build_on_tag" in r.json()["reason"]
        assert await builds(session, repo) == []


class TestOtherHosts:
    async def test_gitlab(self, client: Any, session: AsyncSession,
                          repo: ImageRepository) -> None:
        branch = push("refs/heads/main", SHA, object_kind="push", checkout_sha=SHA)
        tag = push("refs/tags/v3", "a" * 40, object_kind="tag_push", checkout_sha=SHA2)
        results = [(await send(client, repo, p, e, sender.gitlab)).json()["result"]
                   for p, e in ((branch, "Push Hook"), (tag, "Tag Push Hook"),
                                (push("refs/heads/dev", SHA), "Push Hook"),
                                ({"object_kind": "note"}, "Note Hook"))]
        assert results == ["queued", "queued", "ignored", "ignored"]
        assert [(b.ref, b.commit) for b in await builds(session, repo)] == [
            ("main", SHA), ("v3", SHA2)]

    async def test_gitea(self, client: Any, session: AsyncSession,
                         repo: ImageRepository) -> None:
        results = [(await send(client, repo, p, e, sender.gitea)).json()["result"]
                   for p, e in ((push("refs/heads/main", SHA), "push"),
                                (push("refs/tags/v4", SHA2), "push"),
                                ({"ref": "v4", "ref_type": "tag", "sha": SHA2}, "create"),
                                ({"ref": "v4", "ref_type": "tag"}, "delete"))]
        assert results == ["queued", "queued", "duplicate", "ignored"]
        assert [(b.trigger, b.ref) for b in await builds(session, repo)] == [
            ("push", "main"), ("tag", "v4")]


class TestEvent:
    async def test_recorded_without_secrets(self, client: Any, session: AsyncSession,
                                            repo: ImageRepository, world: World) -> None:
        await send(client, repo, push("refs/heads/main", SHA))
        await send(client, repo, push("refs/heads/dev", SHA))
        rows = list((await session.execute(select(Event).where(
            Event.action == "repository.webhook", Event.target_id == str(repo.id))
            .order_by(Event.created_at))).scalars())
        assert [(e.outcome, e.detail["result"]) for e in rows] == [
            ("success", "queued"), ("ignored", "ignored")]
        assert all(e.group_id == world.group.id and e.actor_id is None for e in rows)
        assert rows[0].detail["provider"] == "github" and rows[0].detail["event"] == "push"
        assert "not the repository's branch" in rows[1].detail["reason"]
        assert repo.webhook_secret not in json.dumps([e.detail for e in rows])
        kept = list((await session.execute(select(WebhookDelivery).where(
            WebhookDelivery.repository_id == repo.id))).scalars())
        assert sorted(d.result for d in kept) == ["ignored", "queued"]
        assert all(len(d.body_sha256) == 64 and d.delivery_id for d in kept)
