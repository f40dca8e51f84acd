"""The limits a version form shows are the ones the server applies: the OpenAPI document
states the settings' memory bounds, and a refusal says which field it concerns."""

from backend.main import create_app
from tests.backend.test_apps_versions import GOOD
from tests.conftest import auth
from tests.factories import World


def _memory_bounds(app) -> dict:
    app.openapi_schema = None
    return app.openapi()["components"]["schemas"]["VersionCreate"]["properties"]["memory_mb"]


class TestMemoryLimits:
    def test_document_states_the_settings_bounds(self, settings) -> None:
        app = create_app(settings.model_copy(update={"min_memory_mb": 8, "max_memory_mb": 512}),
                         lifespan=False)
        bounds = _memory_bounds(app)
        assert (bounds["minimum"], bounds["maximum"]) == (8, 512)

    async def test_refusal_names_the_field(self, app, client, world: World) -> None:
        app.state.settings = app.state.settings.model_copy(update={"max_memory_mb": 256})
        r = await client.post(f"/apps/{world.app.id}/versions", json={**GOOD, "memory_mb": 512},
                              headers=auth(world.tokens["developer"]))
        assert r.status_code == 422
        problem = r.json()
        assert "256" in problem["detail"]
        assert problem["errors"][0]["loc"] == ["body", "memory_mb"]
        assert "256" in problem["errors"][0]["msg"]
