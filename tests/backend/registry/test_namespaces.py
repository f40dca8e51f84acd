"""Namespaces and their members through the API, on a real database (rolled back)."""

from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from backend.models import Event, ImageRepository
from tests.conftest import auth
from tests.factories import World, uniq


def h(world: World, actor: str) -> dict[str, str]:
    return auth(world.tokens[actor])


class TestCreate:
    @pytest.mark.parametrize("name", ["team", "a.b", "a_b", "a__b", "a---b", "t0"])
    async def test_docker_grammar_accepted(self, client: Any, world: World, name: str) -> None:
        name = f"{name}{uniq('x').replace('-', '')}"
        r = await client.post("/namespaces", json={"name": name, "group_id": str(world.group.id)},
                              headers=h(world, "admin"))
        assert r.status_code == 201, r.text
        body = r.json()
        assert body["name"] == name and body["public"] is False
        assert body["my_access"] == "manage"

    @pytest.mark.parametrize("name", ["Team", "a/b", "-a", "a-", "a..b", "a___b", "a", "",
                                      "x" * 64, "a b", "ä"])
    async def test_bad_names_are_422(self, client: Any, world: World, name: str) -> None:
        r = await client.post("/namespaces", json={"name": name, "group_id": str(world.group.id)},
                              headers=h(world, "owner"))
        assert r.status_code == 422, name

    async def test_names_are_unique_across_the_platform(self, client: Any, world: World,
                                                        session: AsyncSession) -> None:
        other_group = (await client.post("/groups", json={"name": uniq("g")},
                                         headers=h(world, "other"))).json()
        r = await client.post("/namespaces", json={"name": world.namespace.name,
                                                   "group_id": other_group["id"]},
                              headers=h(world, "other"))
        assert r.status_code == 409
        r = await client.post("/namespaces", json={"name": "library",
                                                   "group_id": other_group["id"]},
                              headers=h(world, "other"))
        assert r.status_code == 409 and "reserved" in r.json()["detail"]

    async def test_event_written(self, client: Any, world: World, session: AsyncSession) -> None:
        name = uniq("ev")
        r = await client.post("/namespaces", json={"name": name, "group_id": str(world.group.id)},
                              headers=h(world, "admin"))
        assert r.status_code == 201
        event = (await session.execute(select(Event).where(
            Event.action == "namespace.create", Event.target_id == r.json()["id"]))).scalar_one()
        assert event.group_id == world.group.id and event.actor_id == world.users["admin"].id


class TestVisibility:
    async def test_non_members_see_nothing(self, client: Any, world: World) -> None:
        r = await client.get("/namespaces", headers=h(world, "other"))
        assert world.namespace.name not in [n["name"] for n in r.json()["items"]]
        r = await client.get(f"/namespaces/{world.namespace.name}", headers=h(world, "other"))
        assert r.status_code == 404
        missing = await client.get("/namespaces/no-such-ns", headers=h(world, "other"))
        assert missing.json()["detail"] == r.json()["detail"]  # no existence leak

    @pytest.mark.parametrize(("actor", "access"), [
        ("owner", "manage"), ("admin", "manage"), ("developer", "push"), ("viewer", "pull"),
    ])
    async def test_group_roles(self, client: Any, world: World, actor: str, access: str) -> None:
        r = await client.get(f"/namespaces/{world.namespace.name}", headers=h(world, actor))
        assert r.status_code == 200 and r.json()["my_access"] == access

    async def test_extra_member_sees_it_but_cannot_manage(self, client: Any, world: World,
                                                          session: AsyncSession) -> None:
        token = await _token_for(session, world.free_user)
        r = await client.get(f"/namespaces/{world.namespace.name}", headers=auth(token))
        assert r.status_code == 200 and r.json()["my_access"] == "pull"
        r = await client.get("/namespaces", headers=auth(token))
        assert world.namespace.name in [n["name"] for n in r.json()["items"]]
        r = await client.patch(f"/namespaces/{world.namespace.name}", json={"public": True},
                               headers=auth(token))
        assert r.status_code == 403

    async def test_public_is_visible_to_everyone_signed_in(self, client: Any,
                                                           world: World) -> None:
        r = await client.patch(f"/namespaces/{world.namespace.name}", json={"public": True},
                               headers=h(world, "admin"))
        assert r.status_code == 200 and r.json()["public"] is True
        r = await client.get(f"/namespaces/{world.namespace.name}", headers=h(world, "other"))
        assert r.status_code == 200 and r.json()["my_access"] == "pull"
        r = await client.get(f"/namespaces/{world.namespace.name}")
        assert r.status_code == 401


class TestMembers:
    async def test_add_list_update_remove(self, client: Any, world: World) -> None:
        base = f"/namespaces/{world.namespace.name}/members"
        other = world.users["other"]
        r = await client.post(base, json={"username": other.username, "access": "push"},
                              headers=h(world, "admin"))
        assert r.status_code == 201 and r.json()["access"] == "push"
        r = await client.post(base, json={"username": other.username}, headers=h(world, "admin"))
        assert r.status_code == 409
        r = await client.get(f"/namespaces/{world.namespace.name}", headers=h(world, "other"))
        assert r.json()["my_access"] == "push"
        r = await client.get(base, headers=h(world, "viewer"))
        assert {m["username"] for m in r.json()} == {other.username, world.free_user.username}
        r = await client.patch(f"{base}/{other.id}", json={"access": "pull"},
                               headers=h(world, "admin"))
        assert r.json()["access"] == "pull"
        r = await client.delete(f"{base}/{other.id}", headers=h(world, "admin"))
        assert r.status_code == 204
        r = await client.get(f"/namespaces/{world.namespace.name}", headers=h(world, "other"))
        assert r.status_code == 404

    async def test_refusals(self, client: Any, world: World) -> None:
        base = f"/namespaces/{world.namespace.name}/members"
        r = await client.post(base, json={"username": "no-such-user"}, headers=h(world, "admin"))
        assert r.status_code == 404
        r = await client.post(base, json={"username": world.spare.username, "access": "owner"},
                              headers=h(world, "admin"))
        assert r.status_code == 422
        r = await client.delete(f"{base}/{world.users['other'].id}", headers=h(world, "admin"))
        assert r.status_code == 404


class TestDelete:
    async def test_refused_while_it_holds_repositories(self, client: Any, world: World,
                                                       session: AsyncSession) -> None:
        session.add(ImageRepository(namespace_id=world.namespace.id, name="web"))
        await session.commit()
        r = await client.delete(f"/namespaces/{world.namespace.name}", headers=h(world, "owner"))
        assert r.status_code == 409
        assert r.headers["content-type"].startswith("application/problem+json")


async def _token_for(session: AsyncSession, user: Any) -> str:
    from tests.factories import make_token

    token = await make_token(session, user)
    await session.commit()
    return token
