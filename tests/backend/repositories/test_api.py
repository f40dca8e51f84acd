"""Image repositories through the API, on a real database (rolled back per test)."""

from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from backend.core.config import BackendSettings
from backend.models import Event, ImageRepository, RegistryNamespace
from tests.conftest import auth
from tests.factories import World, make_group, uniq

REGISTRY = BackendSettings().registry_address
BUSYBOX = f"{REGISTRY}/library/busybox:1.35"


def h(world: World, actor: str) -> dict[str, str]:
    return auth(world.tokens[actor])


def body(**over: Any) -> dict[str, Any]:
    return {"name": uniq("web"), "git_url": "https://1.1.1.1/team/web.git",
            "base_image": BUSYBOX, "build_script": "echo build", "start_script": "exec httpd",
            "ports": [{"container_port": 8080}], "volumes": [{"container_path": "/data"}],
            "build_env": {"MODE": "prod"}, **over}


@pytest.fixture
def allow_private(app: Any) -> None:
    app.state.settings = app.state.settings.model_copy(update={"git_allow_private_hosts": True})


@pytest.fixture
def refuse_private(app: Any) -> None:
    app.state.settings = app.state.settings.model_copy(update={"git_allow_private_hosts": False})


async def create(client: Any, world: World, actor: str = "developer", **over: Any) -> Any:
    return await client.post(f"/namespaces/{world.namespace.name}/repositories",
                             json=body(**over), headers=h(world, actor))


async def count(session: AsyncSession, world: World) -> int:
    return int(await session.scalar(select(func.count()).select_from(ImageRepository).where(
        ImageRepository.namespace_id == world.namespace.id)) or 0)


class TestCreate:
    async def test_created_with_everything(self, client: Any, world: World,
                                           session: AsyncSession) -> None:
        r = await create(client, world)
        assert r.status_code == 201, r.text
        repo = r.json()
        assert repo["namespace"] == world.namespace.name and repo["config_revision"] == 1
        assert repo["image"] == f"{REGISTRY}/{world.namespace.name}/{repo['name']}"
        assert repo["webhook_url"].endswith(f"/api/v1/hooks/git/{repo['id']}")
        assert repo["webhook_url"].startswith("http")
        assert len(repo["webhook_secret"]) >= 32 and repo["deploy_key_public"] is None
        assert repo["ports"] == [{"container_port": 8080}]
        assert repo["build_env"] == {"MODE": "prod"} and repo["can_write"] is True
        assert "deploy_key_private" not in repo
        event = (await session.execute(select(Event).where(
            Event.action == "repository.created", Event.target_id == repo["id"]))).scalar_one()
        assert event.actor_id == world.users["developer"].id
        assert event.group_id == world.group.id

    async def test_ssh_gets_a_deploy_key(self, client: Any, world: World) -> None:
        r = await create(client, world, git_url="ssh://git@1.1.1.1:2222/team/web.git")
        assert r.status_code == 201, r.text
        assert r.json()["deploy_key_public"].startswith("ssh-ed25519 ")
        assert "PRIVATE" not in r.text

    async def test_names_are_unique_per_namespace(self, client: Any, world: World) -> None:
        name = uniq("dup")
        assert (await create(client, world, name=name)).status_code == 201
        r = await create(client, world, name=name)
        assert r.status_code == 409 and name in r.json()["detail"]

    @pytest.mark.parametrize("name", ["Web", "a/b", "-a", "a..b", "", "x" * 129])
    async def test_names_follow_dockers_grammar(self, client: Any, world: World,
                                                name: str) -> None:
        assert (await create(client, world, name=name)).status_code == 422

    async def test_viewer_may_not_and_non_member_sees_nothing(self, client: Any,
                                                              world: World) -> None:
        assert (await create(client, world, "viewer")).status_code == 403
        assert (await create(client, world, "other")).status_code == 404
        assert (await create(client, world, "platform")).status_code == 404


class TestValidation:
    @pytest.mark.parametrize(("field", "value"), [
        ("git_url", "ext::sh -c id"),
        ("git_url", "file:///etc/passwd"),
        ("git_url", "-uhttps://x/y"),
        ("git_url", "https://x.example/a\nb"),
        ("git_url", "https://user:pw@x.example/a.git"),
        ("branch", "-main"),
        ("branch", "a..b"),
        ("base_image", "not an image"),
        ("base_image", "docker.io/library/alpine:3"),
        ("base_image", f"{REGISTRY}/library/busybox:0.0-missing"),
        ("ports", [{"container_port": 0}]),
        ("ports", [{"container_port": 80}, {"container_port": 80}]),
        ("volumes", [{"container_path": "data"}]),
        ("volumes", [{"container_path": "/data/../etc"}]),
        ("build_script", "x" * (64 * 1024 + 1)),
        ("build_env", {"1BAD": "x"}),
        ("unknown", 1),
    ])
    async def test_bad_input_is_a_problem_and_writes_nothing(
            self, client: Any, world: World, session: AsyncSession, field: str,
            value: Any) -> None:
        before = await count(session, world)
        r = await create(client, world, **{field: value})
        assert r.status_code == 422, r.text
        assert r.headers["content-type"].startswith("application/problem+json")
        assert field in str(r.json()["errors"][0]["loc"]), r.text
        assert await count(session, world) == before

    async def test_another_teams_private_base_image(self, client: Any, world: World,
                                                    session: AsyncSession) -> None:
        other = await make_group(session, world.users["other"])
        ns = RegistryNamespace(name=uniq("priv"), group_id=other.id)
        session.add(ns)
        await session.commit()
        r = await create(client, world, base_image=f"{REGISTRY}/{ns.name}/base:1")
        assert r.status_code == 422 and "may not pull" in r.json()["detail"]

    async def test_private_hosts_refused_unless_allowed(self, client: Any, world: World,
                                                        refuse_private: None) -> None:
        for url in ("http://127.0.0.1:9418/x.git", "https://10.0.0.5/x.git",
                    "ssh://git@[::1]/x.git", "http://localhost/x.git"):
            r = await create(client, world, git_url=url)
            assert r.status_code == 422 and "private" in r.json()["detail"], (url, r.text)

    async def test_private_hosts_allowed_by_the_setting(self, client: Any, world: World,
                                                        allow_private: None) -> None:
        r = await create(client, world, git_url="http://127.0.0.1:9418/x.git")
        assert r.status_code == 201, r.text


class TestReadAndUpdate:
    async def test_webhook_secret_only_for_developers_and_up(self, client: Any,
                                                             world: World) -> None:
        path = f"/repositories/{world.repository.id}"
        for actor in ("owner", "admin", "developer"):
            r = await client.get(path, headers=h(world, actor))
            assert r.json()["webhook_secret"] == world.repository.webhook_secret
        r = await client.get(path, headers=h(world, "viewer"))
        assert r.status_code == 200 and r.json()["webhook_secret"] is None
        assert r.json()["can_write"] is False
        for actor in ("other", "platform"):
            assert (await client.get(path, headers=h(world, actor))).status_code == 404

    async def test_namespace_members_read_and_push_members_write(
            self, client: Any, world: World, session: AsyncSession) -> None:
        from backend.models import NamespaceMember, RegistryAccess
        from tests.factories import make_token

        token = await make_token(session, world.free_user)
        await session.commit()
        path = f"/repositories/{world.repository.id}"
        r = await client.get(path, headers=auth(token))  # a pull member
        assert r.status_code == 200 and r.json()["webhook_secret"] is None
        assert (await client.patch(path, json={"branch": "dev"}, headers=auth(token))
                ).status_code == 403
        member = await session.get(NamespaceMember, (world.namespace.id, world.free_user.id))
        member.access = RegistryAccess.push
        await session.commit()
        r = await client.patch(path, json={"branch": "dev"}, headers=auth(token))
        assert r.status_code == 200 and r.json()["webhook_secret"] is None

    async def test_list(self, client: Any, world: World) -> None:
        r = await client.get(f"/namespaces/{world.namespace.name}/repositories",
                             headers=h(world, "viewer"))
        assert r.status_code == 200
        assert [i["id"] for i in r.json()["items"]] == [str(world.repository.id)]
        assert r.json()["items"][0]["webhook_secret"] is None
        r = await client.get(f"/namespaces/{world.namespace.name}/repositories",
                             headers=h(world, "other"))
        assert r.status_code == 404

    async def test_config_revision_counts_build_config_changes_only(
            self, client: Any, world: World, session: AsyncSession) -> None:
        path, dev = f"/repositories/{world.repository.id}", h(world, "developer")
        rev = world.repository.config_revision
        r = await client.patch(path, json={"build_on_push": False, "build_on_tag": False},
                               headers=dev)
        assert r.status_code == 200 and r.json()["config_revision"] == rev
        assert r.json()["build_on_push"] is False
        for change in ({"build_script": "make"}, {"ports": [{"container_port": 81}]},
                       {"build_env": {"A": "1"}}, {"branch": "release"},
                       {"volumes": [{"container_path": "/v"}]}, {"start_script": "exec x"}):
            rev += 1
            r = await client.patch(path, json=change, headers=dev)
            assert r.status_code == 200 and r.json()["config_revision"] == rev, change
        r = await client.patch(path, json={"build_script": "make"}, headers=dev)  # no change
        assert r.json()["config_revision"] == rev
        events = (await session.execute(select(Event).where(
            Event.action == "repository.updated",
            Event.target_id == str(world.repository.id)))).scalars().all()
        assert len(events) == 7

    async def test_a_refused_update_changes_nothing(self, client: Any, world: World,
                                                    refuse_private: None) -> None:
        path, dev = f"/repositories/{world.repository.id}", h(world, "developer")
        before = (await client.get(path, headers=dev)).json()
        r = await client.patch(path, json={"build_script": "make",
                                           "git_url": "http://127.0.0.1/x.git"}, headers=dev)
        assert r.status_code == 422
        assert (await client.get(path, headers=dev)).json() == before

    async def test_switching_to_ssh_makes_a_key_and_regenerate_replaces_it(
            self, client: Any, world: World) -> None:
        r = await create(client, world)
        path, dev = f"/repositories/{r.json()['id']}", h(world, "developer")
        r = await client.post(f"{path}/deploy-key", headers=dev)
        assert r.status_code == 422  # https: no key to make
        r = await client.patch(path, json={"git_url": "ssh://git@1.1.1.1/t/w.git"}, headers=dev)
        first = r.json()["deploy_key_public"]
        assert first.startswith("ssh-ed25519 ")
        r = await client.post(f"{path}/deploy-key", headers=dev)
        assert r.status_code == 200 and r.json()["deploy_key_public"] not in (None, first)
        viewer = await client.post(f"{path}/deploy-key", headers=h(world, "viewer"))
        assert viewer.status_code == 403


class TestWebhookSecret:
    async def test_rotated_by_the_groups_developers_only(self, client: Any, world: World,
                                                         session: AsyncSession) -> None:
        from backend.models import NamespaceMember, RegistryAccess
        from tests.factories import make_token

        path = f"/repositories/{world.repository.id}/webhook-secret"
        old = world.repository.webhook_secret
        r = await client.post(path, headers=h(world, "developer"))
        assert r.status_code == 200 and r.json()["webhook_secret"] not in (None, old)
        assert (await client.post(path, headers=h(world, "viewer"))).status_code == 403
        member = await session.get(NamespaceMember, (world.namespace.id, world.free_user.id))
        member.access = RegistryAccess.push
        token = await make_token(session, world.free_user)
        await session.commit()
        assert (await client.post(path, headers=auth(token))).status_code == 403


class TestDelete:
    async def test_admins_delete_when_no_build_runs(self, client: Any, world: World) -> None:
        r = await create(client, world)
        path = f"/repositories/{r.json()['id']}"
        assert (await client.delete(path, headers=h(world, "developer"))).status_code == 403
        assert (await client.delete(path, headers=h(world, "admin"))).status_code == 204
        assert (await client.get(path, headers=h(world, "admin"))).status_code == 404

    async def test_refused_with_a_queued_build(self, client: Any, world: World) -> None:
        r = await client.delete(f"/repositories/{world.repository.id}", headers=h(world, "admin"))
        assert r.status_code == 409 and "cancel" in r.json()["detail"]
