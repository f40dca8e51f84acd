import uuid

from fastapi import status

from backend.builds import service
from backend.builds.schemas import BuildCreate, BuildRead, ImageTagRead, Trigger
from backend.core.auth import CurrentUser
from backend.core.db import SessionDep
from backend.core.deps import SettingsDep
from backend.core.errors import problem_responses
from backend.core.pagination import Page, PageDep
from backend.core.routing import make_router
from backend.models import Build, ImageTag
from backend.repositories.access import Need, get_repository

router = make_router("builds", responses=problem_responses(401, 404))
R = "/repositories/{repo_id}"


def to_read(build: Build) -> BuildRead:
    read = BuildRead.model_validate(build)
    if build.started_at and build.finished_at:
        read.duration_s = round((build.finished_at - build.started_at).total_seconds(), 3)
    return read


def _tag(tag: ImageTag, image: str) -> ImageTagRead:
    return ImageTagRead.model_validate({**tag.model_dump(), "image": f"{image}:{tag.tag}"})


@router.post(R + "/builds", name="create", response_model=BuildRead,
             status_code=status.HTTP_201_CREATED, responses=problem_responses(403))
async def create_build(session: SessionDep, settings: SettingsDep, user: CurrentUser,
                       repo_id: uuid.UUID, body: BuildCreate) -> BuildRead:
    """Build a branch or tag now (developers, or push members); the branch by default."""
    scoped = await get_repository(session, user, repo_id, Need.write, for_update=True)
    ref, ref_type = service.manual_ref(body.ref, scoped.repository.branch)
    build = await service.queue_build(session, settings, scoped.repository, ref=ref,
                                      ref_type=ref_type, trigger=Trigger.manual, user=user)
    return to_read(build)


@router.get(R + "/builds", name="list", response_model=Page[BuildRead])
async def list_builds(session: SessionDep, user: CurrentUser, repo_id: uuid.UUID,
                      page: PageDep) -> Page[BuildRead]:
    """List a repository's builds, newest first."""
    rows, cursor = await service.list_builds(session, user, repo_id, page)
    return Page(items=[to_read(b) for b in rows], next_cursor=cursor)


@router.get("/builds/{build_id}", name="get", response_model=BuildRead)
async def get_build(session: SessionDep, user: CurrentUser, build_id: uuid.UUID) -> BuildRead:
    """Get a build: status, step, commit, tag, digest, the rendered Dockerfile, timings."""
    build, _ = await service.get_build(session, user, build_id)
    return to_read(build)


@router.post("/builds/{build_id}/cancel", name="cancel", response_model=BuildRead,
             responses=problem_responses(403, 409))
async def cancel_build(session: SessionDep, user: CurrentUser, build_id: uuid.UUID
                       ) -> BuildRead:
    """Cancel a build: a queued one at once, a running one as soon as the builder stops it."""
    return to_read(await service.cancel_build(session, user, build_id))


@router.get(R + "/tags", name="list_tags", response_model=Page[ImageTagRead])
async def list_tags(session: SessionDep, settings: SettingsDep, user: CurrentUser,
                    repo_id: uuid.UUID, page: PageDep) -> Page[ImageTagRead]:
    """List the image tags builds pushed, newest first."""
    rows, scoped, cursor = await service.list_tags(session, user, repo_id, page)
    image = f"{settings.registry_address}/{scoped.namespace.name}/{scoped.repository.name}"
    return Page(items=[_tag(t, image) for t in rows], next_cursor=cursor)
