from sqlalchemy import func, select

from backend.models import Event, Member, Role
from tests.conftest import auth
from tests.factories import World, make_user


class TestGroups:
    async def test_creator_owns_and_only_members_list_it(self, client, session) -> None:
        _, alice = await make_user(session)
        _, bob = await make_user(session)
        r = await client.post("/groups", json={"name": "team-a1"}, headers=auth(alice))
        assert r.status_code == 201 and r.json()["my_role"] == "owner"
        gid = r.json()["id"]
        listed = (await client.get("/groups", headers=auth(alice))).json()["items"]
        names = [g["name"] for g in listed]
        assert "team-a1" in names
        assert (await client.get("/groups", headers=auth(bob))).json()["items"] == []
        assert (await client.get(f"/groups/{gid}", headers=auth(bob))).status_code == 404

    async def test_duplicate_and_invalid_names(self, client, session) -> None:
        _, alice = await make_user(session)
        assert (await client.post("/groups", json={"name": "dup-1"}, headers=auth(alice))
                ).status_code == 201
        dup = await client.post("/groups", json={"name": "dup-1"}, headers=auth(alice))
        assert dup.status_code == 409 and "exists" in dup.json()["detail"]
        for name in ("", "UPPER", "-lead", "x" * 64, "with space"):
            r = await client.post("/groups", json={"name": name}, headers=auth(alice))
            assert r.status_code == 422, name

    async def test_delete_refuses_a_group_with_apps(self, client, world: World) -> None:
        r = await client.delete(f"/groups/{world.group.id}", headers=auth(world.tokens["owner"]))
        assert r.status_code == 409 and "apps" in r.json()["detail"]


class TestMembers:
    async def test_transfer_swaps_owner_and_admin(self, client, world: World, session) -> None:
        owner, admin = world.users["owner"], world.users["admin"]
        r = await client.post(f"/groups/{world.group.id}/transfer",
                              json={"user_id": str(admin.id)}, headers=auth(world.tokens["owner"]))
        assert r.status_code == 200
        roles = dict((await session.execute(select(Member.user_id, Member.role).where(
            Member.group_id == world.group.id))).all())
        assert roles[admin.id] == Role.owner and roles[owner.id] == Role.admin
        assert list(roles.values()).count(Role.owner) == 1
        # The old owner lost the right to transfer.
        again = await client.post(f"/groups/{world.group.id}/transfer",
                                  json={"user_id": str(owner.id)},
                                  headers=auth(world.tokens["owner"]))
        assert again.status_code == 403

    async def test_transfer_to_a_non_member_is_refused(self, client, world: World) -> None:
        r = await client.post(f"/groups/{world.group.id}/transfer",
                              json={"user_id": str(world.users["other"].id)},
                              headers=auth(world.tokens["owner"]))
        assert r.status_code == 404

    async def test_owner_cannot_be_demoted_or_removed(self, client, world: World) -> None:
        owner_id, token = world.users["owner"].id, world.tokens["admin"]
        base = f"/groups/{world.group.id}/members/{owner_id}"
        assert (await client.patch(base, json={"role": "viewer"}, headers=auth(token))
                ).status_code == 409
        assert (await client.delete(base, headers=auth(token))).status_code == 409
        assert (await client.delete(base, headers=auth(world.tokens["owner"]))).status_code == 409

    async def test_owner_role_only_by_transfer(self, client, world: World) -> None:
        r = await client.post(f"/groups/{world.group.id}/members",
                              json={"username": world.free_user.username, "role": "owner"},
                              headers=auth(world.tokens["owner"]))
        assert r.status_code == 422 and "transfer" in r.json()["detail"]

    async def test_member_may_leave(self, client, world: World) -> None:
        me = world.users["viewer"]
        r = await client.delete(f"/groups/{world.group.id}/members/{me.id}",
                                headers=auth(world.tokens["viewer"]))
        assert r.status_code == 204
        assert (await client.get(f"/groups/{world.group.id}", headers=auth(world.tokens["viewer"]))
                ).status_code == 404

    async def test_adding_twice_conflicts(self, client, world: World) -> None:
        body = {"username": world.users["viewer"].username, "role": "developer"}
        r = await client.post(f"/groups/{world.group.id}/members", json=body,
                              headers=auth(world.tokens["admin"]))
        assert r.status_code == 409

    async def test_failed_mutation_writes_no_event(self, client, world: World, session) -> None:
        async def count() -> int:
            return int(await session.scalar(select(func.count()).select_from(Event)) or 0)

        before = await count()
        r = await client.post(f"/groups/{world.group.id}/members",
                              json={"username": "nobody-here", "role": "viewer"},
                              headers=auth(world.tokens["admin"]))
        assert r.status_code == 404
        assert await count() == before
