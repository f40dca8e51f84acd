"""Builds: queued here (manual, or by the webhooks), run by the builder worker.

A build snapshots its repository's build configuration when queued, so an edit made
while it waits or runs changes only later builds. The arq message goes out after the
commit that recorded the build, with a dedupe id (arq delivers at least once).
"""

import uuid
from datetime import UTC, datetime
from typing import Any

from arq.connections import ArqRedis
from sqlalchemy import func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from backend.builds.errors import AlreadyBuilt, BuildFinished, BuildNotFound
from backend.builds.schemas import RefType, Trigger
from backend.core import events
from backend.core.config import BackendSettings
from backend.core.jobs import after_commit
from backend.core.pagination import PageParams, paginate
from backend.models import Build, BuildStatus, ImageRepository, ImageTag, RegistryNamespace, User
from backend.repositories.access import Need, RepoAccess, get_repository
from backend.repositories.errors import RepositoryNotFound

RUN_JOB = "builds.run"
CANCEL_CHANNEL = "dockyard:builds:cancel"


def snapshot(repo: ImageRepository, namespace: str, settings: BackendSettings
             ) -> dict[str, Any]:
    """What the builder needs, frozen at queue time (the deploy key is read at clone)."""
    return {"repository": f"{namespace}/{repo.name}",
            "image": f"{settings.registry_address}/{namespace}/{repo.name}",
            "git_url": repo.git_url, "branch": repo.branch, "base_image": repo.base_image,
            "build_script": repo.build_script, "start_script": repo.start_script,
            "ports": list(repo.ports), "volumes": list(repo.volumes),
            "build_env": dict(repo.build_env)}


def manual_ref(ref: str | None, branch: str) -> tuple[str, RefType]:
    """`refs/tags/x` is the tag x, `refs/heads/x` the branch x; other names the builder
    resolves, except the configured branch."""
    if ref is None or ref == branch:
        return branch, RefType.branch
    if ref.startswith("refs/tags/"):
        return ref.removeprefix("refs/tags/"), RefType.tag
    if ref.startswith("refs/heads/"):
        return ref.removeprefix("refs/heads/"), RefType.branch
    return ref, RefType.auto


async def enqueue(redis: ArqRedis, settings: BackendSettings, build_id: uuid.UUID) -> None:
    # The dedupe id makes a resend harmless while the job is queued or running.
    await redis.enqueue_job(RUN_JOB, str(build_id), _job_id=f"build:{build_id}",
                            _queue_name=settings.build_queue_name)


async def _same_tag_build(session: AsyncSession, repo_id: uuid.UUID, ref: str,
                          commit: str | None) -> Build | None:
    # Git hosts announce one tag push twice (GitHub/Gitea `push` and `create`, the latter
    # without a commit); serialise per tag so the second sees the first.
    await session.execute(select(func.pg_advisory_xact_lock(
        func.hashtextextended(f"build-tag:{repo_id}:{ref}", 0))))
    stmt = select(Build).where(Build.repository_id == repo_id, Build.ref_type == RefType.tag,
                               Build.ref == ref, Build.trigger != Trigger.manual,
                               Build.status != BuildStatus.cancelled)
    if commit is not None:
        stmt = stmt.where(or_(Build.commit.is_(None), Build.commit == commit))
    return (await session.execute(stmt.limit(1))).scalar_one_or_none()


async def queue_build(session: AsyncSession, settings: BackendSettings, repo: ImageRepository,
                      *, ref: str, ref_type: str, trigger: str, commit: str | None = None,
                      delivery_id: str | None = None, user: User | None = None) -> Build:
    """Record a queued build and send it to the builder after commit.

    Raises AlreadyBuilt (409, with the build's id) for a delivery id seen before, or for
    a webhook tag build of a tag already built at that commit. Outside a request, hand
    the session to `JobSender(redis).flush_after_commit` after committing.
    """
    namespace = await session.get_one(RegistryNamespace, repo.namespace_id)
    if ref_type == RefType.tag and trigger != Trigger.manual and (
            seen := await _same_tag_build(session, repo.id, ref, commit)):
        raise AlreadyBuilt(f"The tag {ref} was built already (build {seen.id}).", seen.id)
    build = Build(repository_id=repo.id, trigger=trigger, ref=ref, ref_type=ref_type,
                  commit=commit, delivery_id=delivery_id, created_by=user.id if user else None,
                  config_revision=repo.config_revision,
                  config=snapshot(repo, namespace.name, settings))
    try:
        async with session.begin_nested():  # a replayed delivery fails alone
            session.add(build)
            await session.flush()
    except IntegrityError:
        seen_id = await session.scalar(select(Build.id).where(
            Build.repository_id == repo.id, Build.delivery_id == delivery_id))
        if seen_id is None:
            raise
        raise AlreadyBuilt(f"The delivery {delivery_id} was built already (build {seen_id}).",
                           seen_id) from None
    events.record(session, user, "build.queued", "repository", repo.id,
                  group_id=namespace.group_id, build=str(build.id), trigger=trigger, ref=ref,
                  ref_type=ref_type, commit=commit, config_revision=repo.config_revision)
    build_id = build.id
    after_commit(session, f"enqueue build {build_id}",
                 lambda redis: enqueue(redis, settings, build_id))
    return build


async def get_build(session: AsyncSession, user: User, build_id: uuid.UUID,
                    need: Need = Need.read, *, for_update: bool = False
                    ) -> tuple[Build, RepoAccess]:
    stmt = select(Build).where(Build.id == build_id)
    if for_update:
        stmt = stmt.with_for_update()
    build = (await session.execute(stmt)).scalar_one_or_none()
    if build is None:
        raise BuildNotFound("No build with that id.")
    try:
        scoped = await get_repository(session, user, build.repository_id, need)
    except RepositoryNotFound:
        raise BuildNotFound("No build with that id.") from None
    return build, scoped


async def list_builds(session: AsyncSession, user: User, repo_id: uuid.UUID,
                      params: PageParams) -> tuple[list[Build], str | None]:
    await get_repository(session, user, repo_id)
    return await paginate(session, select(Build).where(Build.repository_id == repo_id),
                          [Build.created_at, Build.id], params, descending=True)


async def cancel_build(session: AsyncSession, user: User, build_id: uuid.UUID) -> Build:
    """Queued: cancelled at once. Running: the builder is told and stops it."""
    build, scoped = await get_build(session, user, build_id, Need.write, for_update=True)
    was = build.status
    if was.finished:
        raise BuildFinished(f"The build is {was.value} already.")
    if was == BuildStatus.queued:
        build.status = BuildStatus.cancelled
        build.finished_at = datetime.now(UTC)
        build.reason = f"Cancelled by {user.username} before it started."
    else:
        build.cancel_requested = True
        after_commit(session, f"publish the cancel of build {build.id}",
                     lambda redis: redis.publish(CANCEL_CHANNEL, str(build_id)))
    events.record(session, user, "build.cancelled", "repository", scoped.repository.id,
                  group_id=scoped.namespace.group_id, build=str(build.id),
                  was=was.value)
    return build


async def list_tags(session: AsyncSession, user: User, repo_id: uuid.UUID,
                    params: PageParams) -> tuple[list[ImageTag], RepoAccess, str | None]:
    scoped = await get_repository(session, user, repo_id)
    rows, cursor = await paginate(session, select(ImageTag).where(
        ImageTag.repository_id == repo_id), [ImageTag.created_at, ImageTag.id], params,
        descending=True)
    return rows, scoped, cursor
