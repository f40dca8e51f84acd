import uuid

from fastapi import Request, Response, status

from backend.core.auth import CurrentUser
from backend.core.db import SessionDep
from backend.core.deps import SettingsDep
from backend.core.errors import problem_responses
from backend.core.pagination import Page, PageDep
from backend.core.routing import make_router
from backend.repositories import service
from backend.repositories.access import Need, RepoAccess, get_repository
from backend.repositories.schemas import (
    RepositoryCreate,
    RepositoryPort,
    RepositoryRead,
    RepositoryUpdate,
    RepositoryVolume,
)

router = make_router("repositories", responses=problem_responses(401, 404))
R = "/repositories/{repo_id}"


def api_base(request: Request, settings: SettingsDep) -> str:
    """The platform's public address: what a git host calls the webhook on."""
    return str(settings.public_url or str(request.base_url)).rstrip("/")


def to_read(scoped: RepoAccess, request: Request, settings: SettingsDep) -> RepositoryRead:
    repo, ns = scoped.repository, scoped.namespace
    return RepositoryRead(
        id=repo.id, namespace=ns.name, name=repo.name,
        image=f"{settings.registry_address}/{ns.name}/{repo.name}",
        git_url=repo.git_url, branch=repo.branch, base_image=repo.base_image,
        build_script=repo.build_script, start_script=repo.start_script,
        ports=[RepositoryPort(**p) for p in repo.ports],
        volumes=[RepositoryVolume(**v) for v in repo.volumes], build_env=repo.build_env,
        build_on_push=repo.build_on_push, build_on_tag=repo.build_on_tag,
        config_revision=repo.config_revision,
        webhook_url=f"{api_base(request, settings)}/api/v1/hooks/git/{repo.id}",
        webhook_secret=repo.webhook_secret if scoped.sees_secret else None,
        deploy_key_public=repo.deploy_key_public, can_write=scoped.can_write,
        created_at=repo.created_at, updated_at=repo.updated_at)


@router.get("/namespaces/{name}/repositories", name="list", response_model=Page[RepositoryRead])
async def list_repositories(session: SessionDep, settings: SettingsDep, request: Request,
                            user: CurrentUser, name: str, page: PageDep
                            ) -> Page[RepositoryRead]:
    """List a namespace's image repositories."""
    rows, cursor = await service.list_repositories(session, user, name, page)
    return Page(items=[to_read(s, request, settings) for s in rows], next_cursor=cursor)


@router.post("/namespaces/{name}/repositories", name="create", response_model=RepositoryRead,
             status_code=status.HTTP_201_CREATED, responses=problem_responses(403, 409, 503))
async def create_repository(session: SessionDep, settings: SettingsDep, request: Request,
                            user: CurrentUser, name: str, body: RepositoryCreate
                            ) -> RepositoryRead:
    """Create an image repository built from git (developers, or push members)."""
    scoped = await service.create_repository(session, settings, user, name, body)
    return to_read(scoped, request, settings)


@router.get(R, name="get", response_model=RepositoryRead)
async def get_repository_(session: SessionDep, settings: SettingsDep, request: Request,
                          user: CurrentUser, repo_id: uuid.UUID) -> RepositoryRead:
    """Get an image repository; the webhook secret only for the group's developers."""
    return to_read(await get_repository(session, user, repo_id), request, settings)


@router.patch(R, name="update", response_model=RepositoryRead,
              responses=problem_responses(403, 503))
async def update_repository(session: SessionDep, settings: SettingsDep, request: Request,
                            user: CurrentUser, repo_id: uuid.UUID, body: RepositoryUpdate
                            ) -> RepositoryRead:
    """Change a repository; build configuration changes raise its config_revision."""
    scoped = await get_repository(session, user, repo_id, Need.write, for_update=True)
    scoped = await service.update_repository(session, settings, user, scoped, body)
    return to_read(scoped, request, settings)


@router.post(R + "/deploy-key", name="regenerate_deploy_key", response_model=RepositoryRead,
             responses=problem_responses(403))
async def regenerate_deploy_key(session: SessionDep, settings: SettingsDep, request: Request,
                                user: CurrentUser, repo_id: uuid.UUID) -> RepositoryRead:
    """Replace the ssh deploy key (paste the new public half into the git host)."""
    scoped = await get_repository(session, user, repo_id, Need.write, for_update=True)
    scoped = await service.regenerate_deploy_key(session, user, scoped)
    return to_read(scoped, request, settings)


@router.post(R + "/webhook-secret", name="rotate_webhook_secret", response_model=RepositoryRead,
             responses=problem_responses(403))
async def rotate_webhook_secret(session: SessionDep, settings: SettingsDep, request: Request,
                                user: CurrentUser, repo_id: uuid.UUID) -> RepositoryRead:
    """Replace the webhook secret (the group's developers); paste the new one into the git
    host."""
    scoped = await get_repository(session, user, repo_id, Need.manage_hook, for_update=True)
    scoped = await service.rotate_webhook_secret(session, user, scoped)
    return to_read(scoped, request, settings)


@router.delete(R, name="delete", status_code=status.HTTP_204_NO_CONTENT,
               responses=problem_responses(403, 409))
async def delete_repository(session: SessionDep, user: CurrentUser, repo_id: uuid.UUID
                            ) -> Response:
    """Delete a repository and its build history (group admins); images stay."""
    scoped = await get_repository(session, user, repo_id, Need.delete, for_update=True)
    await service.delete_repository(session, user, scoped)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
