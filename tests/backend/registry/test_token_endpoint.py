"""GET /registry/token through the app on a real database (rolled back per test)."""

import base64
import json
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from backend.models import NamespaceMember, RegistryAccess, RegistryNamespace
from tests.factories import PASSWORD, World, make_user, uniq


def basic(username: str, secret: str) -> dict[str, str]:
    return {"Authorization": "Basic " + base64.b64encode(f"{username}:{secret}".encode()).decode()}


def claims(body: dict[str, Any]) -> dict[str, Any]:
    part = body["token"].split(".")[1]
    return dict(json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))))


@pytest.fixture
async def namespace(session: AsyncSession, world: World) -> RegistryNamespace:
    ns = RegistryNamespace(name=uniq("ns"), group_id=world.group.id)
    session.add(ns)
    await session.commit()
    return ns


async def token(client: Any, world: World, actor: str, *scopes: str,
                password: bool = False) -> dict[str, Any]:
    user = world.users[actor]
    secret = PASSWORD if password else world.tokens[actor]
    r = await client.get("/registry/token", params=[("scope", s) for s in scopes],
                         headers=basic(user.username, secret))
    assert r.status_code == 200, r.text
    return dict(r.json())


class TestLogin:
    async def test_no_scope_with_a_password(self, client: Any, world: World) -> None:
        body = await token(client, world, "viewer", password=True)
        assert body["token"] == body["access_token"]
        assert body["expires_in"] == 300 and body["issued_at"]
        assert claims(body)["access"] == []
        assert claims(body)["sub"] == world.users["viewer"].username

    async def test_with_an_access_token(self, client: Any, world: World) -> None:
        assert claims(await token(client, world, "other"))["access"] == []

    @pytest.mark.parametrize("headers", [
        {}, {"Authorization": "Bearer x"}, {"Authorization": "Basic !!"},
    ])
    async def test_without_credentials_is_401_basic(self, client: Any, headers) -> None:
        r = await client.get("/registry/token", headers=headers)
        assert r.status_code == 401
        assert r.headers["www-authenticate"].startswith("Basic ")
        assert r.headers["content-type"].startswith("application/problem+json")

    async def test_wrong_secrets(self, client: Any, world: World) -> None:
        viewer = world.users["viewer"]
        for username, secret in [(viewer.username, "wrong-password"),
                                 ("nobody-" + uniq("x"), PASSWORD),
                                 (viewer.username, world.tokens["owner"]),  # not theirs
                                 (world.users["owner"].username, world.tokens["revoked"]),
                                 (viewer.username, "dy_made-up")]:
            r = await client.get("/registry/token", headers=basic(username, secret))
            assert r.status_code == 401, (username, secret)

    async def test_inactive_user(self, client: Any, session: AsyncSession) -> None:
        user, _ = await make_user(session)
        user.is_active = False
        await session.commit()
        r = await client.get("/registry/token", headers=basic(user.username, PASSWORD))
        assert r.status_code == 401

    async def test_another_service_is_refused(self, client: Any, world: World) -> None:
        r = await client.get("/registry/token", params={"service": "elsewhere"},
                             headers=basic(world.users["owner"].username, world.tokens["owner"]))
        assert r.status_code == 400


class TestGrants:
    @pytest.mark.parametrize(("actor", "want"), [
        ("owner", ["delete", "pull", "push"]), ("admin", ["delete", "pull", "push"]),
        ("developer", ["pull", "push"]), ("viewer", ["pull"]), ("other", None),
        ("platform", None),  # platform admins do not bypass group membership
    ])
    async def test_group_roles(self, client: Any, world: World, namespace: RegistryNamespace,
                               actor: str, want: list[str] | None) -> None:
        body = await token(client, world, actor,
                           f"repository:{namespace.name}/web:pull,push,delete")
        access = claims(body)["access"]
        assert access == ([] if want is None else
                          [{"type": "repository", "name": f"{namespace.name}/web",
                            "actions": want}])

    async def test_namespace_members(self, client: Any, world: World, session: AsyncSession,
                                     namespace: RegistryNamespace) -> None:
        session.add(NamespaceMember(namespace_id=namespace.id, user_id=world.users["other"].id,
                                    access=RegistryAccess.push))
        await session.commit()
        body = await token(client, world, "other", f"repository:{namespace.name}/a/b:push,pull")
        assert claims(body)["access"][0]["actions"] == ["pull", "push"]

    async def test_several_scopes_each_narrowed(self, client: Any, world: World,
                                                namespace: RegistryNamespace) -> None:
        body = await token(client, world, "viewer", f"repository:{namespace.name}/web:push,pull",
                           "repository:nosuchns/web:pull", f"repository:{namespace.name}:pull",
                           "registry:catalog:*")
        assert claims(body)["access"] == [{"type": "repository",
                                           "name": f"{namespace.name}/web", "actions": ["pull"]}]

    @pytest.mark.parametrize(("actor", "want"), [
        ("platform", ["pull", "push"]), ("viewer", ["pull"]), ("other", ["pull"]),
    ])
    async def test_platform_library(self, client: Any, world: World, actor: str,
                                    want: list[str]) -> None:
        body = await token(client, world, actor, "repository:library/busybox:pull,push")
        assert claims(body)["access"][0]["actions"] == want

    @pytest.mark.parametrize(("actor", "granted"), [("platform", True), ("owner", False)])
    async def test_catalog_for_platform_admins(self, client: Any, world: World, actor: str,
                                               granted: bool) -> None:
        body = await token(client, world, actor, "registry:catalog:*")
        assert claims(body)["access"] == (
            [{"type": "registry", "name": "catalog", "actions": ["*"]}] if granted else [])
