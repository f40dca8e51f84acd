"""Builds through the API and queue_build, on a real database and a real Redis."""

import asyncio
import uuid
from collections.abc import AsyncIterator
from typing import Any

import pytest
from arq import create_pool
from arq.connections import ArqRedis, RedisSettings
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from backend.builds.errors import AlreadyBuilt
from backend.builds.service import CANCEL_CHANNEL, queue_build
from backend.core.jobs import JobSender
from backend.models import Build, BuildStatus, Event, ImageTag
from tests.conftest import auth
from tests.factories import World


def h(world: World, actor: str) -> dict[str, str]:
    return auth(world.tokens[actor])


@pytest.fixture
async def redis(app: Any) -> AsyncIterator[ArqRedis]:
    """A real arq pool behind the app, with a queue of this test's own."""
    queue = f"dockyard:test-builds:{uuid.uuid4().hex[:8]}"
    app.state.settings = app.state.settings.model_copy(update={"build_queue_name": queue})
    pool = await create_pool(RedisSettings.from_dsn(app.state.settings.redis_url))
    app.state.jobs = JobSender(pool)
    yield pool
    await pool.delete(queue)
    await pool.aclose()


async def build(client: Any, world: World, actor: str = "developer", **json: Any) -> Any:
    return await client.post(f"/repositories/{world.repository.id}/builds", json=json,
                             headers=h(world, actor))


class TestQueue:
    async def test_manual_build_of_the_branch_is_queued_and_sent(
            self, client: Any, world: World, session: AsyncSession, redis: ArqRedis,
            app: Any) -> None:
        r = await build(client, world)
        assert r.status_code == 201, r.text
        b = r.json()
        assert (b["status"], b["trigger"], b["ref"], b["ref_type"]) == (
            "queued", "manual", world.repository.branch, "branch")
        assert b["config_revision"] == world.repository.config_revision and b["step"] is None
        queue = app.state.settings.build_queue_name
        assert await redis.zscore(queue, f"build:{b['id']}") is not None
        row = await session.get(Build, uuid.UUID(b["id"]))
        assert row.config["git_url"] == world.repository.git_url
        assert row.config["repository"] == f"{world.namespace.name}/{world.repository.name}"
        assert row.created_by == world.users["developer"].id
        event = (await session.execute(select(Event).where(
            Event.action == "build.queued", Event.target_id == str(world.repository.id)))
        ).scalar_one()
        assert event.detail["build"] == b["id"]

    @pytest.mark.parametrize(("ref", "want"), [
        ("refs/tags/v1.4.0", ("v1.4.0", "tag")),
        ("refs/heads/dev", ("dev", "branch")),
        ("v2", ("v2", "auto")),
    ])
    async def test_refs(self, client: Any, world: World, ref: str,
                        want: tuple[str, str]) -> None:
        r = await build(client, world, ref=ref)
        assert r.status_code == 201 and (r.json()["ref"], r.json()["ref_type"]) == want

    @pytest.mark.parametrize("ref", ["-x", "a..b", "a b", "x" * 256, "refs/tags/-x",
                                     "refs/heads/", "refs/tags/a..b"])
    async def test_bad_refs(self, client: Any, world: World, ref: str) -> None:
        r = await build(client, world, ref=ref)
        assert r.status_code == 422 and r.json()["errors"][0]["loc"] == ["body", "ref"]

    async def test_who_may_build(self, client: Any, world: World) -> None:
        assert (await build(client, world, "viewer")).status_code == 403
        assert (await build(client, world, "other")).status_code == 404

    async def test_the_snapshot_ignores_later_edits(self, client: Any, world: World,
                                                    session: AsyncSession) -> None:
        b = (await build(client, world)).json()
        r = await client.patch(f"/repositories/{world.repository.id}",
                               json={"build_script": "echo changed"},
                               headers=h(world, "developer"))
        assert r.json()["config_revision"] == b["config_revision"] + 1
        row = await session.get(Build, uuid.UUID(b["id"]))
        await session.refresh(row)
        assert row.config_revision == b["config_revision"]
        assert row.config["build_script"] == world.repository.build_script != "echo changed"

    async def test_list_newest_first_and_paged(self, client: Any, world: World) -> None:
        ids = [(await build(client, world)).json()["id"] for _ in range(3)]
        path = f"/repositories/{world.repository.id}/builds"
        r = await client.get(path, params={"limit": 2}, headers=h(world, "viewer"))
        page = r.json()
        assert [b["id"] for b in page["items"]] == ids[::-1][:2]
        r = await client.get(path, params={"limit": 2, "cursor": page["next_cursor"]},
                             headers=h(world, "viewer"))
        assert [b["id"] for b in r.json()["items"]] == [ids[0], str(world.build.id)]
        assert (await client.get(path, headers=h(world, "other"))).status_code == 404

    async def test_get(self, client: Any, world: World) -> None:
        r = await client.get(f"/builds/{world.build.id}", headers=h(world, "viewer"))
        assert r.status_code == 200 and r.json()["status"] == "queued"
        assert "log" not in r.json() and "config" not in r.json()
        for path in (f"/builds/{world.build.id}", f"/builds/{uuid.uuid4()}"):
            r = await client.get(path, headers=h(world, "other"))
            assert r.status_code == 404 and r.json()["title"] == "Build not found"


class TestCancel:
    async def test_a_queued_build_is_cancelled_at_once(self, client: Any, world: World,
                                                       session: AsyncSession) -> None:
        path = f"/builds/{world.build.id}/cancel"
        assert (await client.post(path, headers=h(world, "viewer"))).status_code == 403
        r = await client.post(path, headers=h(world, "developer"))
        assert r.status_code == 200, r.text
        assert r.json()["status"] == "cancelled" and r.json()["finished_at"]
        assert world.users["developer"].username in r.json()["reason"]
        r = await client.post(path, headers=h(world, "developer"))
        assert r.status_code == 409 and "cancelled" in r.json()["detail"]
        assert (await session.execute(select(Event).where(
            Event.action == "build.cancelled", Event.target_id == str(world.repository.id)))
        ).scalar_one().detail["was"] == "queued"

    async def test_a_running_build_is_asked_to_stop(self, client: Any, world: World,
                                                    session: AsyncSession,
                                                    redis: ArqRedis) -> None:
        world.build.status = BuildStatus.running
        session.add(world.build)
        await session.commit()
        pubsub = redis.pubsub()
        await pubsub.subscribe(CANCEL_CHANNEL)
        try:
            r = await client.post(f"/builds/{world.build.id}/cancel",
                                  headers=h(world, "developer"))
            assert r.status_code == 200
            assert r.json()["status"] == "running" and r.json()["cancel_requested"] is True
            message = None
            async with asyncio.timeout(10):
                while message is None:
                    message = await pubsub.get_message(ignore_subscribe_messages=True,
                                                       timeout=1)
            assert message["data"].decode() == str(world.build.id)
        finally:
            await pubsub.unsubscribe(CANCEL_CHANNEL)
            await pubsub.aclose()


class TestQueueBuild:
    """What the webhooks call."""

    async def test_a_delivery_is_built_once(self, world: World, session: AsyncSession,
                                            settings: Any) -> None:
        first = await queue_build(session, settings, world.repository, ref="main",
                                  ref_type="branch", trigger="push", commit="a" * 40,
                                  delivery_id="d-1")
        with pytest.raises(AlreadyBuilt) as seen:
            await queue_build(session, settings, world.repository, ref="main",
                              ref_type="branch", trigger="push", commit="a" * 40,
                              delivery_id="d-1")
        assert seen.value.build_id == first.id and seen.value.status == 409
        # the session goes on: the failed insert was rolled back alone
        other = await queue_build(session, settings, world.repository, ref="main",
                                  ref_type="branch", trigger="push", delivery_id="d-2")
        assert other.id != first.id and other.created_by is None

    async def test_a_tag_announced_twice_is_built_once(self, world: World,
                                                       session: AsyncSession,
                                                       settings: Any) -> None:
        first = await queue_build(session, settings, world.repository, ref="v1",
                                  ref_type="tag", trigger="tag", commit="b" * 40,
                                  delivery_id="push-1")
        with pytest.raises(AlreadyBuilt):  # the `create` event: no commit
            await queue_build(session, settings, world.repository, ref="v1", ref_type="tag",
                              trigger="tag", delivery_id="create-1")
        moved = await queue_build(session, settings, world.repository, ref="v1",
                                  ref_type="tag", trigger="tag", commit="c" * 40,
                                  delivery_id="push-2")
        assert moved.id != first.id


class TestTags:
    async def test_listed_newest_first_with_the_image(self, client: Any, world: World,
                                                      session: AsyncSession,
                                                      settings: Any) -> None:
        for tag in ("main-aaaaaaa-c1", "main-bbbbbbb-c1"):
            session.add(ImageTag(repository_id=world.repository.id, tag=tag,
                                 digest="sha256:" + "0" * 64, size=1234, commit="a" * 40,
                                 config_revision=1, build_id=world.build.id))
            await session.flush()
        await session.commit()
        r = await client.get(f"/repositories/{world.repository.id}/tags",
                             headers=h(world, "viewer"))
        assert r.status_code == 200
        items = r.json()["items"]
        assert [i["tag"] for i in items] == ["main-bbbbbbb-c1", "main-aaaaaaa-c1"]
        assert items[0]["image"] == (f"{settings.registry_address}/{world.namespace.name}/"
                                     f"{world.repository.name}:main-bbbbbbb-c1")
        assert items[0]["build_id"] == str(world.build.id) and items[0]["size"] == 1234
