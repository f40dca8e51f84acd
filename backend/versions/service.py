import uuid
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from backend.apps.service import get_app
from backend.core import events
from backend.core.config import BackendSettings
from backend.core.errors import NotFound, Unprocessable
from backend.core.pagination import PageParams, paginate
from backend.models import App, Role, User, Version
from backend.registry.client import require_image
from backend.versions import rules
from backend.versions.schemas import VersionCreate


async def create_version(session: AsyncSession, settings: BackendSettings, user: User,
                         app_id: uuid.UUID, spec: VersionCreate) -> Version:
    if err := rules.memory_error(spec.memory_mb, settings.min_memory_mb, settings.max_memory_mb):
        raise Unprocessable(err, errors=[{"loc": ["body", "memory_mb"], "msg": err,
                                          "type": "value_error"}])
    # The row lock on the app serialises numbering: two creates never share a number.
    app = await get_app(session, user, app_id, Role.developer, for_update=True)
    await require_image(session, settings, user, spec.image)
    version = await add_version(session, app, spec.model_dump(mode="json"), user.id)
    events.record(session, user, "version.create", "app", app.id, group_id=app.group_id,
                  version=version.number, image=spec.image)
    return version


async def add_version(session: AsyncSession, app: App, fields: dict[str, Any],
                      created_by: uuid.UUID | None) -> Version:
    """Insert the app's next version; the caller holds the app's row lock (numbering)."""
    last = await session.scalar(select(func.max(Version.number)).where(Version.app_id == app.id))
    app.config_revision += 1
    version = Version(app_id=app.id, number=(last or 0) + 1, config_revision=app.config_revision,
                      created_by=created_by, **fields)
    session.add(version)
    await session.flush()
    return version


async def list_versions(session: AsyncSession, user: User, app_id: uuid.UUID,
                        params: PageParams) -> tuple[list[Version], str | None]:
    await get_app(session, user, app_id)
    return await paginate(session, select(Version).where(Version.app_id == app_id),
                          [Version.number], params, descending=True)


async def get_version(session: AsyncSession, user: User, app_id: uuid.UUID, number: int
                      ) -> Version:
    await get_app(session, user, app_id)
    version = (await session.execute(select(Version).where(
        Version.app_id == app_id, Version.number == number))).scalar_one_or_none()
    if version is None:
        raise NotFound(f"The app has no version {number}.")
    return version
