"""Base images: the platform's own (built by scripts/base_images.sh) and those a team
offers from its namespace. Everyone signed in sees the platform's; a business image is
seen by whoever may pull from its namespace."""

import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from backend.base_images.schemas import BaseImageKind, BaseImageRead
from backend.core import events
from backend.core.config import BackendSettings
from backend.core.errors import Conflict, NotFound, Unprocessable
from backend.models import Role, User
from backend.models.registry import BaseImage
from backend.namespaces.service import get_namespace, list_visible_names
from backend.registry.client import tag_exists
from backend.registry.scopes import PLATFORM_NAMESPACE


@dataclass(frozen=True)
class PlatformImage:
    path: str  # in the registry, without its address
    name: str
    description: str


PLATFORM = (
    PlatformImage("library/busybox:1.35", "busybox",
                  "BusyBox 1.35 (static): sh, httpd, wget, nc; no libc, about 2 MB."),
    PlatformImage("library/debian:bookworm", "debian",
                  "Debian 12 bookworm, minbase: apt-get install what the build needs."),
    PlatformImage("library/python:3-bookworm", "python",
                  "Python 3.11 with pip and venv on Debian 12; pip installs system-wide."),
)


def platform_images(settings: BackendSettings) -> list[BaseImageRead]:
    return [BaseImageRead(image=f"{settings.registry_address}/{p.path}", name=p.name,
                          kind=BaseImageKind.platform, namespace=PLATFORM_NAMESPACE,
                          description=p.description) for p in PLATFORM]


def _read(settings: BackendSettings, image: BaseImage, namespace: str) -> BaseImageRead:
    return BaseImageRead(id=image.id, image=f"{settings.registry_address}/{image.image}",
                         name=image.name, kind=BaseImageKind.business, namespace=namespace,
                         description=image.description)


async def list_base_images(session: AsyncSession, settings: BackendSettings, user: User
                           ) -> list[BaseImageRead]:
    visible = await list_visible_names(session, user)
    rows = (await session.execute(select(BaseImage).where(
        BaseImage.namespace_id.in_(list(visible)))  # type: ignore[attr-defined]
        .order_by(BaseImage.image))).scalars().all()
    business = sorted((_read(settings, row, visible[row.namespace_id]) for row in rows),
                      key=lambda b: (b.namespace, b.name, b.image))
    return platform_images(settings) + business


async def add_base_image(session: AsyncSession, settings: BackendSettings, user: User,
                         namespace_name: str, image: str, name: str, description: str
                         ) -> BaseImageRead:
    scoped = await get_namespace(session, user, namespace_name, Role.developer)
    namespace = scoped.namespace
    repository, _, tag = image.rpartition(":")
    if not repository.startswith(namespace.name + "/"):
        raise Unprocessable(f"{image} is not in the namespace {namespace.name}.")
    if await session.scalar(select(BaseImage.id).where(
            BaseImage.namespace_id == namespace.id, BaseImage.image == image)) is not None:
        raise Conflict(f"{image} is a base image already.")
    if not await tag_exists(settings, repository, tag):
        raise Unprocessable(f"The registry has no tag {tag!r} in {repository}: push or "
                            f"build it first.")
    row = BaseImage(namespace_id=namespace.id, image=image, name=name,
                    description=description, created_by=user.id)
    session.add(row)
    await session.flush()
    events.record(session, user, "base_image.add", "namespace", namespace.id,
                  group_id=namespace.group_id, image=image)
    return _read(settings, row, namespace.name)


async def remove_base_image(session: AsyncSession, user: User, namespace_name: str,
                            image_id: uuid.UUID) -> None:
    scoped = await get_namespace(session, user, namespace_name, Role.developer)
    row = await session.get(BaseImage, image_id)
    if row is None or row.namespace_id != scoped.namespace.id:
        raise NotFound("No base image with that id in this namespace.")
    events.record(session, user, "base_image.remove", "namespace", scoped.namespace.id,
                  group_id=scoped.namespace.group_id, image=row.image)
    await session.delete(row)
