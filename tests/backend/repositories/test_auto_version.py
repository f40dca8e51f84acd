"""Versions from builds: the app setting through the API, then a build's success."""

from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from backend.core.config import BackendSettings
from backend.models import App, BuildStatus, Event, RegistryNamespace
from backend.repositories.auto_version import matches, next_fields, on_build_succeeded
from tests.conftest import auth
from tests.factories import World, make_group, make_repository, uniq


def settings_registry() -> str:
    return BackendSettings().registry_address


def h(world: World, actor: str) -> dict[str, str]:
    return auth(world.tokens[actor])


class TestMatches:
    @pytest.mark.parametrize(("pattern", "ref", "want"), [
        ("main", "main", True), ("main", "main2", False), ("v*", "v1.4.0", True),
        ("v*", "main", False), ("release/*", "release/1.x", True), ("V*", "v1", False),
        ("v1.?", "v1.4", True), ("[ab]*", "beta", True), ("*", "anything/at/all", True),
    ])
    def test_table(self, pattern: str, ref: str, want: bool) -> None:
        assert matches(pattern, ref) is want


async def follow(client: Any, world: World, spec: Any, actor: str = "developer") -> Any:
    return await client.patch(f"/apps/{world.app.id}", json={"auto_version": spec},
                              headers=h(world, actor))


class TestConfigure:
    async def test_set_shown_and_cleared(self, client: Any, world: World,
                                         session: AsyncSession) -> None:
        spec = {"repository_id": str(world.repository.id), "branch_or_tag_pattern": "main"}
        r = await follow(client, world, spec)
        assert r.status_code == 200 and r.json()["auto_version"] == spec
        r = await client.patch(f"/apps/{world.app.id}", json={"description": "x"},
                               headers=h(world, "developer"))
        assert r.json()["auto_version"] == spec  # left out: unchanged
        r = await follow(client, world, None)
        assert r.status_code == 200 and r.json()["auto_version"] is None
        actions = (await session.execute(select(Event.action).where(
            Event.target_id == str(world.app.id)))).scalars().all()
        assert actions.count("app.auto_version") == 2

    async def test_viewers_may_not(self, client: Any, world: World) -> None:
        spec = {"repository_id": str(world.repository.id), "branch_or_tag_pattern": "main"}
        assert (await follow(client, world, spec, "viewer")).status_code == 403

    async def test_only_repositories_the_group_may_pull(self, client: Any, world: World,
                                                        session: AsyncSession) -> None:
        other = await make_group(session, world.users["other"])
        ns = RegistryNamespace(name=uniq("priv"), group_id=other.id)
        session.add(ns)
        await session.flush()
        theirs, _ = await make_repository(session, ns)
        await session.commit()
        for repo_id in (str(theirs.id), "00000000-0000-0000-0000-000000000000"):
            r = await follow(client, world, {"repository_id": repo_id,
                                             "branch_or_tag_pattern": "*"})
            assert r.status_code == 422, r.text
            assert r.json()["errors"][0]["loc"] == ["body", "auto_version", "repository_id"]
        ns.public = True
        await session.commit()
        r = await follow(client, world, {"repository_id": str(theirs.id),
                                         "branch_or_tag_pattern": "*"})
        assert r.status_code == 200, r.text

    async def test_deleting_the_repository_stops_following(self, client: Any, world: World,
                                                           session: AsyncSession) -> None:
        r = await client.post(f"/namespaces/{world.namespace.name}/repositories", json={
            "name": uniq("gone"), "git_url": "https://1.1.1.1/t/g.git",
            "base_image": f"{settings_registry()}/library/busybox:1.35"},
            headers=h(world, "developer"))
        assert r.status_code == 201, r.text
        repo_id = r.json()["id"]
        r = await follow(client, world, {"repository_id": repo_id, "branch_or_tag_pattern": "*"})
        assert r.json()["auto_version"]["repository_id"] == repo_id
        r = await client.delete(f"/repositories/{repo_id}", headers=h(world, "admin"))
        assert r.status_code == 204
        r = await client.get(f"/apps/{world.app.id}", headers=h(world, "viewer"))
        assert r.json()["auto_version"] is None

    @pytest.mark.parametrize("pattern", ["", "a b", "x" * 256])
    async def test_bad_patterns(self, client: Any, world: World, pattern: str) -> None:
        r = await follow(client, world, {"repository_id": str(world.repository.id),
                                         "branch_or_tag_pattern": pattern})
        assert r.status_code == 422


async def succeed(session: AsyncSession, world: World, ref: str) -> Any:
    build = world.build
    build.ref, build.status, build.commit = ref, BuildStatus.succeeded, "3f9c2ab" + "0" * 33
    build.tag = f"{ref}-3f9c2ab-c1"
    build.image = f"127.0.0.1:5000/{world.namespace.name}/{world.repository.name}:{build.tag}"
    session.add(build)
    await session.flush()
    return build


class TestOnBuildSucceeded:
    async def test_a_matching_build_makes_the_next_version(
            self, client: Any, world: World, session: AsyncSession, settings: Any) -> None:
        r = await follow(client, world, {"repository_id": str(world.repository.id),
                                         "branch_or_tag_pattern": "main"})
        assert r.status_code == 200
        build = await succeed(session, world, "main")
        created = await on_build_succeeded(session, settings, build)
        await session.commit()
        assert len(created) == 1
        r = await client.get(f"/apps/{world.app.id}/versions/2", headers=h(world, "viewer"))
        assert r.status_code == 200, r.text
        v2 = r.json()
        v1 = (await client.get(f"/apps/{world.app.id}/versions/1",
                               headers=h(world, "viewer"))).json()
        assert v2["image"] == build.image and v2["id"] == str(created[0])
        assert v2["memory_mb"] == v1["memory_mb"] and v2["shell"] == v1["shell"]
        assert str(build.id) in v2["note"] and "3f9c2ab" in v2["note"]
        event = (await session.execute(select(Event).where(
            Event.action == "version.auto_created", Event.target_id == str(world.app.id)))
        ).scalar_one()
        assert event.detail["build"] == str(build.id) and event.detail["version"] == 2

    async def test_a_build_of_another_ref_makes_nothing(self, world: World,
                                                        session: AsyncSession,
                                                        settings: Any) -> None:
        app = await session.get(App, world.app.id)
        app.auto_version = {"repository_id": str(world.repository.id),
                            "branch_or_tag_pattern": "v*"}
        await session.flush()
        assert await on_build_succeeded(session, settings, await succeed(session, world,
                                                                          "main")) == []
        assert await on_build_succeeded(session, settings, await succeed(session, world,
                                                                          "v1.4.0")) != []

    async def test_an_app_without_versions_is_skipped_with_a_reason(
            self, world: World, session: AsyncSession, settings: Any) -> None:
        bare = App(group_id=world.group.id, name=uniq("bare"),
                   auto_version={"repository_id": str(world.repository.id),
                                 "branch_or_tag_pattern": "*"})
        session.add(bare)
        await session.flush()
        assert await on_build_succeeded(session, settings,
                                        await succeed(session, world, "main")) == []
        event = (await session.execute(select(Event).where(
            Event.action == "version.auto_skipped", Event.target_id == str(bare.id)))
        ).scalar_one()
        assert "no version" in event.detail["reason"] and event.outcome == "skipped"


def test_next_fields_copies_everything_but_the_image() -> None:
    from backend.models import Build, Version

    fields_v3: dict[str, Any] = {
        "number": 3, "config_revision": 3, "image": "old:1", "command": ["/x"],
        "env": {"A": "1"}, "ports": [{"container_port": 80, "protocol": "tcp"}], "volumes": [],
        "memory_mb": 99, "cpu_shares": 512, "health_check": None, "constraints": {"z": "1"},
        "note": "old", "shell": "/bin/bash"}
    latest = Version(**fields_v3)
    build = Build(ref="v2", commit=None, image="new:2", config_revision=1, trigger="tag")
    fields = next_fields(latest, build)
    assert fields["image"] == "new:2" and fields["memory_mb"] == 99
    assert fields["command"] == ["/x"] and fields["env"] == {"A": "1"}
    assert fields["shell"] == "/bin/bash" and fields["note"].endswith("of v2")
