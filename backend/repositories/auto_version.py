"""Versions from builds: an app may follow a repository, and each successful build whose
branch or tag matches the app's pattern becomes the app's next version (a copy of the
latest one with the new image). Deploying it stays a person's choice."""

import fnmatch
import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from backend.apps.schemas import AutoVersion
from backend.core import events
from backend.core.config import BackendSettings
from backend.core.errors import Unprocessable
from backend.models import App, Build, ImageRepository, RegistryNamespace, User, Version
from backend.versions.service import add_version

# Everything of a version but its identity, number, image, note and authorship.
COPIED = ("command", "env", "ports", "volumes", "memory_mb", "cpu_shares", "health_check",
          "constraints", "shell")


def matches(pattern: str, ref: str) -> bool:
    """fnmatch-style, case-sensitive on every platform (`v*`, `release/*`, `main`)."""
    return fnmatch.fnmatchcase(ref, pattern)


def next_fields(latest: Version, build: Build) -> dict[str, Any]:
    """The new version: the latest one's settings with the build's image."""
    fields = {name: getattr(latest, name) for name in COPIED}
    commit = (build.commit or "")[:7]
    fields["image"] = build.image
    fields["note"] = f"From build {build.id} of {build.ref}" + (f" at {commit}" if commit else "")
    return fields


async def configure(session: AsyncSession, user: User, app: App, spec: AutoVersion | None
                    ) -> None:
    """Set or clear an app's auto_version; the app's group must be able to pull the
    repository's images (its own namespace, or a public one)."""
    if spec is not None:
        row = (await session.execute(
            select(col(ImageRepository.id), col(RegistryNamespace.group_id),
                   col(RegistryNamespace.public))
            .join(RegistryNamespace, col(RegistryNamespace.id) == ImageRepository.namespace_id)
            .where(col(ImageRepository.id) == spec.repository_id))).first()
        if row is None or not (row.group_id == app.group_id or row.public):
            msg = ("no image repository with that id whose images this app's group may "
                   "pull (its own namespaces, or public ones)")
            raise Unprocessable(f"auto_version.repository_id: {msg}", errors=[{
                "loc": ["body", "auto_version", "repository_id"], "msg": msg,
                "type": "value_error"}])
    app.auto_version = spec.model_dump(mode="json") if spec else None
    events.record(session, user, "app.auto_version", "app", app.id, group_id=app.group_id,
                  auto_version=app.auto_version)


async def on_build_succeeded(session: AsyncSession, settings: BackendSettings, build: Build
                             ) -> list[uuid.UUID]:
    """Make the versions this build's success asks for; the builder calls it in the
    transaction that marks the build succeeded. Returns the new versions' ids."""
    if not build.image:
        return []
    follows = App.auto_version["repository_id"].astext  # type: ignore[index]
    apps = (await session.execute(
        select(App).where(follows == str(build.repository_id))
        .order_by(col(App.id)).with_for_update()  # locks: version numbers
        .execution_options(populate_existing=True))).scalars().all()  # as locked, not cached
    created = []
    for app in apps:
        pattern = str((app.auto_version or {}).get("branch_or_tag_pattern", ""))
        if not matches(pattern, build.ref):
            continue
        if (version_id := await _version_from(session, app, build)) is not None:
            created.append(version_id)
    return created


async def _version_from(session: AsyncSession, app: App, build: Build) -> uuid.UUID | None:
    latest = (await session.execute(select(Version).where(col(Version.app_id) == app.id)
                                    .order_by(col(Version.number).desc()).limit(1))
              ).scalar_one_or_none()
    detail: dict[str, Any] = {"build": str(build.id), "ref": build.ref, "image": build.image}
    if latest is None:
        events.record(session, None, "version.auto_skipped", "app", app.id,
                      group_id=app.group_id, outcome="skipped",
                      reason="the app has no version to copy settings from: create its "
                             "first version by hand", **detail)
        return None
    version = await add_version(session, app, next_fields(latest, build), build.created_by)
    events.record(session, None, "version.auto_created", "app", app.id, group_id=app.group_id,
                  version=version.number, from_version=latest.number, **detail)
    return version.id
