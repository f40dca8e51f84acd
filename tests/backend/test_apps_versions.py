from sqlalchemy import func, select

from backend.models import App, Event, Version
from tests.conftest import auth
from tests.factories import World

GOOD = {"image": "127.0.0.1:5000/library/busybox:1.35", "command": ["httpd", "-f", "-p", "8080"],
        "env": {"GREETING": "hello", "_X1": ""}, "ports": [{"container_port": 8080}],
        "volumes": [{"container_path": "/data", "data_dir": "uploads"},
                    {"container_path": "/cache", "volume": "cache"}],
        "memory_mb": 64, "cpu_shares": 512,
        "health_check": {"type": "http", "path": "/", "interval_s": 5, "timeout_s": 2}}


class TestApps:
    async def test_create_get_update_domains(self, client, world: World) -> None:
        h = auth(world.tokens["developer"])
        r = await client.post(f"/groups/{world.group.id}/apps",
                              json={"name": "shop", "domains": ["shop.example.com"]}, headers=h)
        assert r.status_code == 201
        app = r.json()
        assert app["domains"] == ["shop.example.com"] and app["latest_version"] is None
        r = await client.patch(f"/apps/{app['id']}", json={"domains": ["b.example.com",
                                                                       "a.example.com"]},
                               headers=h)
        assert r.json()["domains"] == ["a.example.com", "b.example.com"]

    async def test_delete_an_app_without_containers(self, client, world: World) -> None:
        h = auth(world.tokens["admin"])
        app = (await client.post(f"/groups/{world.group.id}/apps", json={"name": "gone"},
                                 headers=h)).json()
        await client.post(f"/apps/{app['id']}/versions", json=GOOD, headers=h)
        assert (await client.delete(f"/apps/{app['id']}", headers=h)).status_code == 204
        assert (await client.get(f"/apps/{app['id']}", headers=h)).status_code == 404

    async def test_domain_belongs_to_one_app(self, client, world: World) -> None:
        h = auth(world.tokens["developer"])
        await client.post(f"/groups/{world.group.id}/apps",
                          json={"name": "one", "domains": ["x.example.com"]}, headers=h)
        r = await client.post(f"/groups/{world.group.id}/apps",
                              json={"name": "two", "domains": ["x.example.com"]}, headers=h)
        assert r.status_code == 409 and "x.example.com" in r.json()["detail"]

    async def test_bad_domains(self, client, world: World) -> None:
        h = auth(world.tokens["developer"])
        for domains in (["nodot"], ["UPPER.example.com"], ["a..b"], ["x.com", "x.com"],
                        ["-bad.example.com"]):
            r = await client.post(f"/groups/{world.group.id}/apps",
                                  json={"name": "d", "domains": domains}, headers=h)
            assert r.status_code == 422, domains

    async def test_pagination_walks_every_app_once(self, client, world: World, session) -> None:
        session.add_all([App(group_id=world.group.id, name=f"p{i:03d}") for i in range(120)])
        await session.commit()
        seen, cursor = [], None
        for _ in range(10):
            params = {"limit": 50, **({"cursor": cursor} if cursor else {})}
            page = (await client.get(f"/groups/{world.group.id}/apps", params=params,
                                     headers=auth(world.tokens["viewer"]))).json()
            assert "items" in page, page
            seen += [a["name"] for a in page["items"]]
            cursor = page["next_cursor"]
            if cursor is None:
                break
        assert len(seen) == 121 and len(set(seen)) == 121 and seen == sorted(seen)

    async def test_bad_cursor_and_limit(self, client, world: World) -> None:
        h = auth(world.tokens["viewer"])
        url = f"/groups/{world.group.id}/apps"
        assert (await client.get(url, params={"cursor": "garbage!"}, headers=h)).status_code == 400
        assert (await client.get(url, params={"limit": 0}, headers=h)).status_code == 422
        assert (await client.get(url, params={"limit": 501}, headers=h)).status_code == 422


class TestVersions:
    async def test_numbers_and_revisions_increase(self, client, world: World) -> None:
        h = auth(world.tokens["developer"])
        url = f"/apps/{world.app.id}/versions"
        first = (await client.post(url, json=GOOD, headers=h)).json()
        second = (await client.post(url, json={**GOOD, "env": {"GREETING": "hi"}},
                                    headers=h)).json()
        assert (first["number"], second["number"]) == (2, 3)  # the world made v1
        assert second["config_revision"] == first["config_revision"] + 1
        assert first["volumes"][0]["data_dir"] == "uploads"
        listed = (await client.get(url, headers=h)).json()["items"]
        assert [v["number"] for v in listed] == [3, 2, 1]
        got = (await client.get(f"{url}/2", headers=h)).json()
        assert got == first
        app = (await client.get(f"/apps/{world.app.id}", headers=h)).json()
        assert app["latest_version"] == 3

    async def test_versions_are_immutable(self, client, world: World) -> None:
        h = auth(world.tokens["owner"])
        for method in ("PATCH", "PUT", "DELETE"):
            r = await client.request(method, f"/apps/{world.app.id}/versions/1", json={}, headers=h)
            assert r.status_code == 405

    async def test_invalid_specs_are_refused_and_nothing_is_written(self, client, world: World,
                                                                    session) -> None:
        h = auth(world.tokens["developer"])
        bad = [
            {"env": {"1BAD": "x"}}, {"env": {"OK": "two\nlines"}}, {"env": {"A-B": "x"}},
            {"ports": [{"container_port": 0}]}, {"ports": [{"container_port": 65536}]},
            {"ports": [{"container_port": 80}, {"container_port": 80}]},
            {"volumes": [{"container_path": "data", "volume": "v"}]},
            {"volumes": [{"container_path": "/data", "data_dir": "/etc"}]},
            {"volumes": [{"container_path": "/data", "data_dir": "../../etc"}]},
            {"volumes": [{"container_path": "/data/../etc", "volume": "v"}]},
            {"volumes": [{"container_path": "/data"}]},
            {"memory_mb": 2}, {"memory_mb": 10**6}, {"image": "Not An Image"},
            {"health_check": {"type": "command"}},
            {"health_check": {"type": "tcp"}, "ports": []},
        ]
        before = await session.scalar(select(func.count()).select_from(Version))
        events_before = await session.scalar(select(func.count()).select_from(Event))
        for patch in bad:
            body = {**GOOD, **patch}
            r = await client.post(f"/apps/{world.app.id}/versions", json=body, headers=h)
            assert r.status_code == 422, (patch, r.text)
            assert r.headers["content-type"] == "application/problem+json"
            assert r.json()["detail"], patch
        assert await session.scalar(select(func.count()).select_from(Version)) == before
        assert await session.scalar(select(func.count()).select_from(Event)) == events_before
        app = await session.get(App, world.app.id)
        await session.refresh(app)
        assert app.config_revision == 1

    async def test_memory_cap_comes_from_settings(self, app, client, world: World) -> None:
        app.state.settings = app.state.settings.model_copy(update={"max_memory_mb": 256})
        r = await client.post(f"/apps/{world.app.id}/versions", json={**GOOD, "memory_mb": 512},
                              headers=auth(world.tokens["developer"]))
        assert r.status_code == 422 and "256" in r.json()["detail"]

    async def test_missing_version_is_404(self, client, world: World) -> None:
        r = await client.get(f"/apps/{world.app.id}/versions/99",
                             headers=auth(world.tokens["viewer"]))
        assert r.status_code == 404
