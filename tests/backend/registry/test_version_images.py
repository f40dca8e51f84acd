"""A version naming an image of the platform's registry: it must exist there, and the
user creating the version must be allowed to pull it (the worker pulls with a platform
token, so this is where another team's private image is kept out)."""

from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from backend.core.config import BackendSettings
from backend.models import RegistryNamespace
from tests.conftest import auth
from tests.factories import World, make_group, uniq

REGISTRY = BackendSettings().registry_address


async def create(client: Any, world: World, image: str) -> Any:
    return await client.post(f"/apps/{world.app.id}/versions",
                             json={"image": image, "memory_mb": 32},
                             headers=auth(world.tokens["developer"]))


class TestVersionImages:
    async def test_a_platform_image_that_exists(self, client: Any, world: World) -> None:
        r = await create(client, world, f"{REGISTRY}/library/busybox:1.35")
        assert r.status_code == 201, r.text

    @pytest.mark.parametrize(("image", "named"), [
        (f"{REGISTRY}/library/busybox:0.0-missing", "library/busybox:0.0-missing"),
        (f"{REGISTRY}/library/busybox@sha256:" + "0" * 64, "library/busybox@sha256:"),
    ])
    async def test_a_missing_tag_is_422_naming_it(self, client: Any, world: World, image: str,
                                                 named: str) -> None:
        r = await create(client, world, image)
        assert r.status_code == 422 and named in r.json()["detail"], r.text
        assert r.json()["errors"][0]["loc"] == ["body", "image"]

    async def test_another_teams_private_image_is_refused(self, client: Any, world: World,
                                                          session: AsyncSession) -> None:
        other = await make_group(session, world.users["other"])
        ns = RegistryNamespace(name=uniq("priv"), group_id=other.id)
        session.add(ns)
        await session.commit()
        r = await create(client, world, f"{REGISTRY}/{ns.name}/secret:1")
        assert r.status_code == 422 and "may not pull" in r.json()["detail"]

    async def test_other_registries_are_not_asked(self, client: Any, world: World) -> None:
        r = await create(client, world, "registry.example:5000/team/web:1")
        assert r.status_code == 201, r.text
