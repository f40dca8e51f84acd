"""Platform admins manage users: read one, disable/enable, grant/revoke admin, reset a
password; nobody locks themselves out, and the platform keeps one active admin."""

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from backend.models import Event, User
from tests.conftest import auth
from tests.factories import PASSWORD, make_user


async def _login(client, username: str, password: str = PASSWORD) -> str:
    r = await client.post("/auth/login", json={"username": username, "password": password})
    assert r.status_code == 200, r.text
    return str(r.json()["access_token"])


class TestUpdateUser:
    async def test_disable_ends_access_and_enable_restores_it(self, client, session) -> None:
        _, admin_token = await make_user(session, admin=True)
        user, user_token = await make_user(session)
        session_token = await _login(client, user.username)
        r = await client.patch(f"/users/{user.id}", json={"is_active": False},
                               headers=auth(admin_token))
        assert r.status_code == 200 and r.json()["is_active"] is False
        for token in (user_token, session_token):
            assert (await client.get("/users/me", headers=auth(token))).status_code == 401
        r = await client.post("/auth/login", json={"username": user.username,
                                                   "password": PASSWORD})
        assert r.status_code == 401
        r = await client.patch(f"/users/{user.id}", json={"is_active": True},
                               headers=auth(admin_token))
        assert r.json()["is_active"] is True
        assert await _login(client, user.username)
        actions = (await session.execute(select(Event.action).where(
            Event.target_id == str(user.id)))).scalars().all()
        assert actions.count("user.update") == 2

    async def test_grant_and_revoke_platform_admin(self, client, session) -> None:
        _, admin_token = await make_user(session, admin=True)
        user, user_token = await make_user(session)
        assert (await client.get("/users", headers=auth(user_token))).status_code == 403
        r = await client.patch(f"/users/{user.id}", json={"is_admin": True},
                               headers=auth(admin_token))
        assert r.json()["is_admin"] is True
        assert (await client.get("/users", headers=auth(user_token))).status_code == 200
        r = await client.patch(f"/users/{user.id}", json={"is_admin": False},
                               headers=auth(admin_token))
        assert r.json()["is_admin"] is False
        assert (await client.get("/users", headers=auth(user_token))).status_code == 403

    async def test_no_self_lockout(self, client, session) -> None:
        admin, token = await make_user(session, admin=True)
        await make_user(session, admin=True)  # another admin exists: still refused
        for change in ({"is_admin": False}, {"is_active": False}):
            r = await client.patch(f"/users/{admin.id}", json=change, headers=auth(token))
            assert r.status_code == 409, change
            assert "yourself" in r.json()["detail"] or "own" in r.json()["detail"]
        await session.refresh(admin)
        assert admin.is_admin and admin.is_active

    async def test_last_active_admin_is_kept(self, client, session: AsyncSession) -> None:
        # Only these two admins are active for this test (rolled back at the end).
        await session.execute(update(User).where(User.is_admin.is_(True))
                              .values(is_active=False))
        first, first_token = await make_user(session, admin=True)
        second, _ = await make_user(session, admin=True)
        r = await client.patch(f"/users/{second.id}", json={"is_admin": False},
                               headers=auth(first_token))
        assert r.status_code == 200
        await session.execute(update(User).where(User.id == second.id).values(is_admin=True,
                                                                               is_active=False))
        # `second` is an admin but disabled: `first` is the last active one.
        outsider, _ = await make_user(session, admin=True)
        await session.execute(update(User).where(User.id == outsider.id).values(is_active=False))
        r = await client.patch(f"/users/{first.id}", json={"is_admin": False},
                               headers=auth(first_token))
        assert r.status_code == 409

    async def test_unknown_user_and_bad_body(self, client, session) -> None:
        _, token = await make_user(session, admin=True)
        r = await client.patch("/users/00000000-0000-4000-8000-000000000000",
                               json={"is_active": False}, headers=auth(token))
        assert r.status_code == 404
        user, _ = await make_user(session)
        r = await client.patch(f"/users/{user.id}", json={"username": "renamed"},
                               headers=auth(token))
        assert r.status_code == 422


class TestResetPassword:
    async def test_new_password_works_and_sessions_end(self, client, session) -> None:
        _, admin_token = await make_user(session, admin=True)
        user, personal = await make_user(session)
        old_session = await _login(client, user.username)
        r = await client.post(f"/users/{user.id}/password", json={"password": "brand-new-pw-1"},
                              headers=auth(admin_token))
        assert r.status_code == 200
        assert "password" not in r.text
        assert (await client.get("/users/me", headers=auth(old_session))).status_code == 401
        assert (await client.get("/users/me", headers=auth(personal))).status_code == 200
        assert (await client.post("/auth/login", json={
            "username": user.username, "password": PASSWORD})).status_code == 401
        assert await _login(client, user.username, "brand-new-pw-1")

    async def test_short_password_is_refused(self, client, session) -> None:
        _, admin_token = await make_user(session, admin=True)
        user, _ = await make_user(session)
        r = await client.post(f"/users/{user.id}/password", json={"password": "short"},
                              headers=auth(admin_token))
        assert r.status_code == 422


class TestGetUser:
    async def test_admin_reads_one_user(self, client, session) -> None:
        _, admin_token = await make_user(session, admin=True)
        user, user_token = await make_user(session)
        r = await client.get(f"/users/{user.id}", headers=auth(admin_token))
        assert r.status_code == 200 and r.json()["username"] == user.username
        assert (await client.get(f"/users/{user.id}", headers=auth(user_token))).status_code == 403
