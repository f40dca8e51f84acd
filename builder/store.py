"""The builder's reads and writes of Build rows: claim, step, finish, dead-worker sweep.

Every write is its own short transaction with the row locked, so a cancel from the API
and the builder's own updates never overwrite each other, and a re-delivered job finds
the state the last one left (arq runs a job at least once).
"""

import logging
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from backend.core.config import BackendSettings
from backend.models import Build, BuildStatus, BuildStep, ImageRepository, ImageTag
from backend.repositories.auto_version import on_build_succeeded

log = logging.getLogger(__name__)
# Is this build still being run by that worker? (own builds: in hand; others: heartbeat)
Alive = Callable[[str, uuid.UUID], Awaitable[bool]]
Maker = async_sessionmaker[AsyncSession]
WORKER_GONE = "the builder running it stopped before it finished; build again"


@dataclass(frozen=True)
class Claim:
    build_id: uuid.UUID
    repository_id: uuid.UUID
    ref: str
    ref_type: str
    commit: str | None
    config_revision: int
    config: dict[str, Any]
    deploy_key: str | None


@dataclass
class Outcome:
    status: BuildStatus
    step: BuildStep | None
    reason: str | None = None
    values: dict[str, Any] = field(default_factory=dict)  # commit, tag, image, digest...


async def _locked(session: AsyncSession, build_id: uuid.UUID) -> Build | None:
    return (await session.execute(
        select(Build).where(Build.id == build_id).with_for_update())).scalar_one_or_none()


async def claim(maker: Maker, build_id: uuid.UUID, worker: str, alive: Alive
                ) -> Claim | None:
    """Mark the build running on this worker; None when there is nothing to run."""
    async with maker() as session, session.begin():
        build = await _locked(session, build_id)
        if build is None or build.status.finished:
            return None
        now = datetime.now(UTC)
        if build.status == BuildStatus.running:
            if build.worker and await alive(build.worker, build.id):
                return None  # running here or on a live builder: a duplicate delivery
            _end(build, BuildStatus.failed, WORKER_GONE, now)
            return None
        if build.cancel_requested:
            _end(build, BuildStatus.cancelled, "cancelled before it started", now)
            return None
        repo = await session.get(ImageRepository, build.repository_id)
        build.status, build.worker, build.started_at = BuildStatus.running, worker, now
        build.step = BuildStep.clone
        return Claim(build.id, build.repository_id, build.ref, build.ref_type, build.commit,
                     build.config_revision, dict(build.config),
                     repo.deploy_key_private if repo else None)


def _end(build: Build, status: BuildStatus, reason: str, now: datetime) -> None:
    build.status, build.reason, build.finished_at = status, reason, now


async def set_step(maker: Maker, build_id: uuid.UUID, step: BuildStep) -> None:
    async with maker() as session, session.begin():
        build = await _locked(session, build_id)
        if build is not None and build.status == BuildStatus.running:
            build.step = step


async def cancel_requested(maker: Maker, build_id: uuid.UUID) -> bool:
    async with maker() as session:
        return bool(await session.scalar(
            select(Build.cancel_requested).where(Build.id == build_id)))


async def finish(maker: Maker, settings: BackendSettings, build_id: uuid.UUID,
                 outcome: Outcome, log_text: str) -> None:
    """Record the end; for a success also the tag row and the app versions it feeds."""
    async with maker() as session, session.begin():
        build = await _locked(session, build_id)
        if build is None or build.status.finished:
            return
        for name, value in outcome.values.items():
            setattr(build, name, value)
        build.step, build.log = outcome.step, log_text
        _end(build, outcome.status, outcome.reason or "", datetime.now(UTC))
        if outcome.status == BuildStatus.succeeded:
            build.reason = None
            await _record_tag(session, build)
            await session.flush()
            # Apps that follow this repository get their next version in this transaction.
            await on_build_succeeded(session, settings, build)


async def _record_tag(session: AsyncSession, build: Build) -> None:
    # Same commit and config revision -> same tag name: the newest build owns the row.
    values = {"repository_id": build.repository_id, "tag": build.tag, "digest": build.digest,
              "size": build.size, "commit": build.commit,
              "config_revision": build.config_revision, "build_id": build.id}
    stmt = insert(ImageTag).values(id=uuid.uuid4(), **values)
    await session.execute(stmt.on_conflict_do_update(
        index_elements=["repository_id", "tag"],
        set_={k: v for k, v in values.items() if k not in ("repository_id", "tag")}))


async def sweep_dead(maker: Maker, alive: Alive) -> list[uuid.UUID]:
    """Running builds whose builder no longer beats: failed, with that reason."""
    async with maker() as session:
        rows = (await session.execute(select(Build.id, Build.worker).where(
            Build.status == BuildStatus.running))).all()
    dead = [build_id for build_id, worker in rows
            if not worker or not await alive(worker, build_id)]
    ended = []
    for build_id in dead:
        async with maker() as session, session.begin():
            build = await _locked(session, build_id)
            if build is None or build.status != BuildStatus.running:
                continue
            if build.worker and await alive(build.worker, build.id):
                continue
            _end(build, BuildStatus.failed, WORKER_GONE, datetime.now(UTC))
            ended.append(build_id)
    return ended


async def stale_queued(maker: Maker, older_than: datetime) -> list[uuid.UUID]:
    async with maker() as session:
        return list((await session.execute(select(Build.id).where(
            Build.status == BuildStatus.queued, Build.created_at < older_than).limit(500)
        )).scalars())
