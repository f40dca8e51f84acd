"""GET /base-images and business base images, checked against the real registry."""

import uuid
from typing import Any

import aiodocker
import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from backend.core.config import BackendSettings
from backend.registry.tokens import platform_auth
from tests.conftest import auth
from tests.factories import World, make_token


def h(world: World, actor: str) -> dict[str, str]:
    return auth(world.tokens[actor])


@pytest.fixture(scope="module")
async def pushed_tag() -> str:
    """`<ns>/base:v1` in the stack's registry: busybox under another name."""
    settings = BackendSettings()
    source = f"{settings.registry_address}/library/busybox:1.35"
    name = f"basetest{uuid.uuid4().hex[:8]}/base"
    target = f"{settings.registry_address}/{name}"
    async with aiodocker.Docker(url=settings.docker_host) as docker:
        await docker.images.tag(source, target, tag="v1")
        await docker.images.push(target, tag="v1", auth=platform_auth(settings, f"{target}:v1",
                                                                      ("pull", "push")))
        await docker.images.delete(f"{target}:v1")
    return f"{name}:v1"


class TestList:
    async def test_platform_images_for_everyone(self, client: Any, world: World) -> None:
        r = await client.get("/base-images", headers=h(world, "other"))
        assert r.status_code == 200
        platform = [b for b in r.json() if b["kind"] == "platform"]
        registry = BackendSettings().registry_address
        assert [b["image"] for b in platform] == [f"{registry}/library/busybox:1.35",
                                                  f"{registry}/library/debian:bookworm",
                                                  f"{registry}/library/python:3-bookworm"]
        assert {b["namespace"] for b in platform} == {"library"}

    @pytest.mark.parametrize(("actor", "sees"), [("viewer", True), ("other", False)])
    async def test_business_images_for_who_may_pull(self, client: Any, world: World,
                                                    actor: str, sees: bool) -> None:
        r = await client.get("/base-images", headers=h(world, actor))
        business = [b for b in r.json() if b["kind"] == "business"]
        mine = [b for b in business if b["namespace"] == world.namespace.name]
        assert bool(mine) is sees
        if sees:
            assert mine[0]["image"].endswith(f"/{world.namespace.name}/base:1")
            assert mine[0]["id"] == str(world.base_image.id)

    async def test_extra_namespace_members_see_them(self, client: Any, world: World,
                                                    session: AsyncSession) -> None:
        token = await make_token(session, world.free_user)
        await session.commit()
        r = await client.get("/base-images", headers=auth(token))
        assert world.namespace.name in {b["namespace"] for b in r.json()}


class TestAdd:
    async def test_a_pushed_tag_becomes_a_base_image(self, client: Any, world: World,
                                                     session: AsyncSession,
                                                     pushed_tag: str) -> None:
        ns = pushed_tag.split("/", 1)[0]
        r = await client.post("/namespaces", json={"name": ns, "group_id": str(world.group.id)},
                              headers=h(world, "admin"))
        assert r.status_code == 201, r.text
        body = {"image": pushed_tag, "name": "team base", "description": "ours"}
        r = await client.post(f"/namespaces/{ns}/base-images", json=body,
                              headers=h(world, "developer"))
        assert r.status_code == 201, r.text
        created = r.json()
        assert created["kind"] == "business" and created["namespace"] == ns
        assert created["image"] == f"{BackendSettings().registry_address}/{pushed_tag}"
        again = await client.post(f"/namespaces/{ns}/base-images", json=body,
                                  headers=h(world, "developer"))
        assert again.status_code == 409
        listed = await client.get("/base-images", headers=h(world, "viewer"))
        assert created in listed.json()
        r = await client.delete(f"/namespaces/{ns}/base-images/{created['id']}",
                                headers=h(world, "developer"))
        assert r.status_code == 204

    async def test_a_missing_tag_is_422(self, client: Any, world: World) -> None:
        r = await client.post(f"/namespaces/{world.namespace.name}/base-images",
                              json={"image": f"{world.namespace.name}/nothing:v9", "name": "x"},
                              headers=h(world, "developer"))
        assert r.status_code == 422 and "nothing" in r.json()["detail"]

    @pytest.mark.parametrize("image", ["web:1", "Other/web:1", "ns/web", "ns/web:bad tag",
                                       "ns/web:" + "x" * 129, "ns//web:1", "ns/web:-1"])
    async def test_bad_references_are_422(self, client: Any, world: World, image: str) -> None:
        r = await client.post(f"/namespaces/{world.namespace.name}/base-images",
                              json={"image": image, "name": "x"}, headers=h(world, "owner"))
        assert r.status_code == 422, image

    async def test_another_namespace_is_422(self, client: Any, world: World) -> None:
        r = await client.post(f"/namespaces/{world.namespace.name}/base-images",
                              json={"image": "elsewhere/web:1", "name": "x"},
                              headers=h(world, "owner"))
        assert r.status_code == 422 and "not in the namespace" in r.json()["detail"]

    @pytest.mark.parametrize(("actor", "status"), [("viewer", 403), ("other", 404)])
    async def test_refusals(self, client: Any, world: World, actor: str, status: int) -> None:
        r = await client.post(f"/namespaces/{world.namespace.name}/base-images",
                              json={"image": f"{world.namespace.name}/base:2", "name": "x"},
                              headers=h(world, actor))
        assert r.status_code == status
        r = await client.delete(f"/namespaces/{world.namespace.name}/base-images/"
                                f"{world.base_image.id}", headers=h(world, actor))
        assert r.status_code == status
