"""Image repositories: a git source, a base image and scripts the builder turns into
`<registry>/<namespace>/<name>:<tag>`. Services flush, never commit."""

import secrets
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import exists, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from backend.core import events
from backend.core.config import BackendSettings
from backend.core.errors import Forbidden, Unprocessable
from backend.core.pagination import PageParams, paginate
from backend.models import App, Build, BuildStatus, ImageRepository, User
from backend.namespaces.service import get_namespace
from backend.repositories import deploy_keys, git_hosts, rules
from backend.repositories.access import RepoAccess, may_write, visible_stmt
from backend.repositories.base_image import base_image_error
from backend.repositories.errors import RepositoryBusy, RepositoryNameTaken
from backend.repositories.schemas import RepositoryCreate, RepositoryUpdate

# Changing any of these changes what a build makes: the config revision goes up.
BUILD_CONFIG = ("git_url", "branch", "base_image", "build_script", "start_script", "ports",
                "volumes", "build_env")


def _invalid(field: str, msg: str) -> Unprocessable:
    return Unprocessable(f"{field}: {msg}", errors=[{"loc": ["body", field], "msg": msg,
                                                      "type": "value_error"}])


async def _check_sources(session: AsyncSession, settings: BackendSettings, user: User,
                         values: dict[str, Any]) -> None:
    """The checks that need the network: where the git host resolves, the base image."""
    if "git_url" in values and (err := await git_hosts.host_error(settings, values["git_url"])):
        raise _invalid("git_url", err)
    if "base_image" in values and (
            err := await base_image_error(session, settings, user, values["base_image"])):
        raise _invalid("base_image", err)


def _ensure_deploy_key(repo: ImageRepository, namespace: str, *, regenerate: bool = False
                       ) -> None:
    if rules.is_ssh(repo.git_url) and (regenerate or repo.deploy_key_private is None):
        key = deploy_keys.generate(f"dockyard-deploy@{namespace}/{repo.name}")
        repo.deploy_key_private, repo.deploy_key_public = key.private, key.public


async def list_repositories(session: AsyncSession, user: User, namespace: str,
                            params: PageParams) -> tuple[list[RepoAccess], str | None]:
    scoped = await get_namespace(session, user, namespace)
    rows, cursor = await paginate(
        session, visible_stmt(user).where(ImageRepository.namespace_id == scoped.namespace.id),
        [ImageRepository.name], params)
    return [RepoAccess(*row) for row in rows], cursor


async def create_repository(session: AsyncSession, settings: BackendSettings, user: User,
                            namespace: str, body: RepositoryCreate) -> RepoAccess:
    scoped = await get_namespace(session, user, namespace)
    if not may_write(scoped.role, scoped.access):
        raise Forbidden("Creating a repository needs the developer role in the group that "
                        "owns the namespace, or push access to it.")
    ns = scoped.namespace
    if await session.scalar(select(ImageRepository.id).where(
            ImageRepository.namespace_id == ns.id, ImageRepository.name == body.name)):
        raise RepositoryNameTaken(f"The namespace {ns.name} has a repository named "
                                  f"{body.name!r} already.")
    values = body.model_dump(mode="json")
    await _check_sources(session, settings, user, values)
    repo = ImageRepository(namespace_id=ns.id, created_by=user.id, **values)
    _ensure_deploy_key(repo, ns.name)
    session.add(repo)
    await session.flush()
    events.record(session, user, "repository.created", "repository", repo.id,
                  group_id=ns.group_id, namespace=ns.name, name=repo.name)
    return RepoAccess(repo, ns, scoped.role, scoped.access)


async def update_repository(session: AsyncSession, settings: BackendSettings, user: User,
                            scoped: RepoAccess, body: RepositoryUpdate) -> RepoAccess:
    repo = scoped.repository
    values = body.model_dump(mode="json", exclude_unset=True, exclude_none=True)
    changed = {k: v for k, v in values.items() if getattr(repo, k) != v}
    await _check_sources(session, settings, user, changed)
    for key, value in changed.items():
        setattr(repo, key, value)
    config_changed = sorted(k for k in changed if k in BUILD_CONFIG)
    if config_changed:
        repo.config_revision += 1
    _ensure_deploy_key(repo, scoped.namespace.name)
    if changed:
        repo.updated_at = datetime.now(UTC)
        events.record(session, user, "repository.updated", "repository", repo.id,
                      group_id=scoped.namespace.group_id, fields=sorted(changed),
                      config_revision=repo.config_revision)
    return scoped


async def regenerate_deploy_key(session: AsyncSession, user: User, scoped: RepoAccess
                                ) -> RepoAccess:
    repo = scoped.repository
    if not rules.is_ssh(repo.git_url):
        raise Unprocessable("Deploy keys are for ssh:// git URLs; this repository fetches "
                            "over " + repo.git_url.split(":", 1)[0] + ".")
    _ensure_deploy_key(repo, scoped.namespace.name, regenerate=True)
    repo.updated_at = datetime.now(UTC)
    events.record(session, user, "repository.deploy_key_regenerated", "repository", repo.id,
                  group_id=scoped.namespace.group_id)
    return scoped


async def rotate_webhook_secret(session: AsyncSession, user: User, scoped: RepoAccess
                                ) -> RepoAccess:
    """A new secret; deliveries signed with the old one are refused from now on."""
    repo = scoped.repository
    repo.webhook_secret = secrets.token_urlsafe(32)
    repo.updated_at = datetime.now(UTC)
    events.record(session, user, "repository.webhook_secret_rotated", "repository", repo.id,
                  group_id=scoped.namespace.group_id)
    return scoped


async def delete_repository(session: AsyncSession, user: User, scoped: RepoAccess) -> None:
    repo = scoped.repository
    if await session.scalar(select(exists().where(
            Build.repository_id == repo.id,
            Build.status.in_((BuildStatus.queued, BuildStatus.running))))):  # type: ignore[attr-defined]
        raise RepositoryBusy("The repository has queued or running builds: cancel them first.")
    # Apps that followed it stop: a later repository of the same name is another one.
    follows = App.auto_version["repository_id"].astext  # type: ignore[index]
    followers = (await session.execute(
        update(App).where(follows == str(repo.id))
        .values(auto_version=None).returning(App.id))).scalars().all()
    events.record(session, user, "repository.deleted", "repository", repo.id,
                  group_id=scoped.namespace.group_id, namespace=scoped.namespace.name,
                  name=repo.name, apps_no_longer_following=[str(a) for a in followers])
    await session.delete(repo)

