from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from backend.models import AccessToken, Event
from tests.conftest import auth
from tests.factories import PASSWORD, make_user


class TestLogin:
    async def test_login_gives_a_working_token(self, client, session: AsyncSession) -> None:
        user, _ = await make_user(session)
        r = await client.post("/auth/login", json={"username": user.username,
                                                   "password": PASSWORD})
        assert r.status_code == 200
        me = await client.get("/users/me", headers=auth(r.json()["access_token"]))
        assert me.json()["username"] == user.username
        assert "password" not in me.text and "hash" not in me.text

    async def test_wrong_password_and_unknown_user_look_the_same(self, client, session) -> None:
        user, _ = await make_user(session)
        bad = await client.post("/auth/login", json={"username": user.username,
                                                     "password": "nope-nope"})
        unknown = await client.post("/auth/login", json={"username": "ghost-x",
                                                         "password": "nope-nope"})
        assert bad.status_code == unknown.status_code == 401
        assert bad.json()["detail"] == unknown.json()["detail"]
        assert bad.headers["content-type"] == "application/problem+json"

    async def test_logout_revokes_the_token(self, client, session) -> None:
        _, token = await make_user(session)
        assert (await client.post("/auth/logout", headers=auth(token))).status_code == 204
        assert (await client.get("/users/me", headers=auth(token))).status_code == 401

    async def test_inactive_user_cannot_log_in(self, client, session) -> None:
        user, token = await make_user(session)
        user.is_active = False
        await session.flush()
        r = await client.post("/auth/login", json={"username": user.username,
                                                   "password": PASSWORD})
        assert r.status_code == 401
        assert (await client.get("/users/me", headers=auth(token))).status_code == 401


class TestPersonalTokens:
    async def test_secret_shown_once_and_stored_hashed(self, client, session) -> None:
        _, token = await make_user(session)
        r = await client.post("/tokens", json={"name": "cli", "expires_in_days": 30},
                              headers=auth(token))
        assert r.status_code == 201
        secret = r.json()["token"]
        assert secret.startswith("dy_")
        listed = await client.get("/tokens", headers=auth(token))
        assert secret not in listed.text
        stored = (await session.execute(select(AccessToken.token_hash))).scalars().all()
        assert secret not in stored
        assert (await client.get("/users/me", headers=auth(secret))).status_code == 200

    async def test_revoked_token_is_refused(self, client, session) -> None:
        _, token = await make_user(session)
        created = (await client.post("/tokens", json={"name": "t"}, headers=auth(token))).json()
        r = await client.delete(f"/tokens/{created['id']}", headers=auth(token))
        assert r.status_code == 204
        assert (await client.get("/users/me", headers=auth(created["token"]))).status_code == 401

    async def test_expired_token_is_refused(self, client, session) -> None:
        _, token = await make_user(session)
        created = (await client.post("/tokens", json={"name": "t", "expires_in_days": 1},
                                     headers=auth(token))).json()
        await session.execute(update(AccessToken).where(AccessToken.name == "t")
                              .values(expires_at=datetime.now(UTC) - timedelta(seconds=1)))
        assert (await client.get("/users/me", headers=auth(created["token"]))).status_code == 401

    async def test_someone_elses_token_cannot_be_revoked(self, client, session) -> None:
        _, mine = await make_user(session)
        _, theirs = await make_user(session)
        created = (await client.post("/tokens", json={"name": "t"}, headers=auth(theirs))).json()
        r = await client.delete(f"/tokens/{created['id']}", headers=auth(mine))
        assert r.status_code == 404
        assert (await client.get("/users/me", headers=auth(created["token"]))).status_code == 200

    async def test_garbage_tokens(self, client) -> None:
        for header in ("Bearer", "Bearer dy_forged", "Basic YWRtaW46YWRtaW4=", "dy_x"):
            r = await client.get("/users/me", headers={"Authorization": header})
            assert r.status_code == 401, header


class TestUsers:
    async def test_admin_creates_user_who_can_log_in(self, client, session) -> None:
        _, admin = await make_user(session, admin=True)
        r = await client.post("/users", json={"username": "carol-x1", "password": "s3cret-pass"},
                              headers=auth(admin))
        assert r.status_code == 201
        assert "password" not in r.text
        login = await client.post("/auth/login", json={"username": "carol-x1",
                                                       "password": "s3cret-pass"})
        assert login.status_code == 200
        dup = await client.post("/users", json={"username": "carol-x1",
                                                "password": "s3cret-pass"}, headers=auth(admin))
        assert dup.status_code == 409

    async def test_bad_usernames_and_short_passwords(self, client, session) -> None:
        _, admin = await make_user(session, admin=True)
        for body in ({"username": "Bad Name", "password": "long-enough"},
                     {"username": "ok-name", "password": "short"},
                     {"username": "ok-name", "password": "long-enough", "extra": 1}):
            r = await client.post("/users", json=body, headers=auth(admin))
            assert r.status_code == 422, body
            assert r.json()["detail"]

    async def test_signup_is_off_by_default(self, client) -> None:
        r = await client.post("/auth/signup", json={"username": "selfie", "password": "abcdefgh1"})
        assert r.status_code == 403

    async def test_signup_when_enabled(self, app, client, session) -> None:
        app.state.settings = app.state.settings.model_copy(update={"allow_signup": True})
        r = await client.post("/auth/signup", json={"username": "selfie", "password": "abcdefgh1"})
        assert r.status_code == 201
        assert r.json()["is_admin"] is False
        events = (await session.execute(select(Event.action).where(
            Event.target_id == r.json()["id"]))).scalars().all()
        assert events == ["user.create"]
