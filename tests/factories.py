"""Plain async factories for test data."""

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from backend.core import jobs
from backend.core.security import hash_password, hash_token, new_token
from backend.models import (
    AccessToken,
    App,
    Build,
    Cluster,
    ClusterQuota,
    Container,
    Deployment,
    Group,
    Host,
    ImageRepository,
    Job,
    Member,
    NamespaceMember,
    RegistryNamespace,
    Role,
    TokenKind,
    User,
    Version,
)
from backend.models.registry import BaseImage

PASSWORD = "pass-word-1"
_HASH = hash_password(PASSWORD)  # argon2 is slow on purpose: hash once for all test users


def uniq(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


async def make_user(session: AsyncSession, *, admin: bool = False, prefix: str = "user"
                    ) -> tuple[User, str]:
    user = User(username=uniq(prefix), password_hash=_HASH, is_admin=admin)
    session.add(user)
    await session.flush()
    return user, await make_token(session, user)


async def make_token(session: AsyncSession, user: User, *, revoked: bool = False) -> str:
    secret = new_token()
    session.add(AccessToken(user_id=user.id, name="test", kind=TokenKind.personal,
                            token_hash=hash_token(secret), prefix=secret[:8],
                            revoked_at=datetime.now(UTC) if revoked else None))
    await session.flush()
    return secret


async def make_group(session: AsyncSession, owner: User) -> Group:
    group = Group(name=uniq("group"))
    session.add(group)
    await session.flush()
    session.add(Member(group_id=group.id, user_id=owner.id, role=Role.owner))
    await session.flush()
    return group


async def add_member(session: AsyncSession, group: Group, user: User, role: Role) -> None:
    session.add(Member(group_id=group.id, user_id=user.id, role=role))
    await session.flush()


async def make_app(session: AsyncSession, group: Group) -> App:
    app = App(group_id=group.id, name=uniq("app"), config_revision=1)
    session.add(app)
    await session.flush()
    session.add(Version(app_id=app.id, number=1, config_revision=1, image="busybox:1",
                        memory_mb=64))
    await session.flush()
    return app


async def make_repository(session: AsyncSession, namespace: RegistryNamespace, *,
                          git_url: str = "ssh://git@git.example.test/team/app.git"
                          ) -> tuple[ImageRepository, Build]:
    """A repository with one queued build."""
    repo = ImageRepository(namespace_id=namespace.id, name=uniq("repo"), git_url=git_url,
                           base_image="127.0.0.1:5000/library/busybox:1.35",
                           start_script="exec httpd -f -p 8080",
                           ports=[{"container_port": 8080}], deploy_key_public="ssh-ed25519 AA",
                           deploy_key_private="-----BEGIN OPENSSH PRIVATE KEY-----")
    session.add(repo)
    await session.flush()
    build = Build(repository_id=repo.id, trigger="manual", ref="main", ref_type="branch",
                  config_revision=repo.config_revision, config={"git_url": git_url})
    session.add(build)
    await session.flush()
    return repo, build


@dataclass
class World:
    """One group with a member of every role, its resources, and outsiders."""

    group: Group
    app: App
    cluster: Cluster
    public: Cluster
    host: Host
    job: Job
    container: Container
    users: dict[str, User] = field(default_factory=dict)
    tokens: dict[str, str] = field(default_factory=dict)
    spare: User | None = None  # a viewer that role changes and removals act on
    free_user: User | None = None  # not in the group: can be added
    namespace: RegistryNamespace | None = None  # the group's; free_user may pull from it
    base_image: BaseImage | None = None  # a business base image of that namespace
    repository: ImageRepository | None = None  # in that namespace, over ssh (a deploy key)
    build: Build | None = None  # a queued build of that repository


async def make_world(session: AsyncSession) -> World:
    users, tokens = {}, {}
    for name in ("owner", "admin", "developer", "viewer", "other", "platform"):
        users[name], tokens[name] = await make_user(session, prefix=name,
                                                    admin=name == "platform")
    tokens["revoked"] = await make_token(session, users["owner"], revoked=True)
    group = await make_group(session, users["owner"])
    for role in (Role.admin, Role.developer, Role.viewer):
        await add_member(session, group, users[role.value], role)
    spare, _ = await make_user(session, prefix="spare")
    await add_member(session, group, spare, Role.viewer)
    free_user, _ = await make_user(session, prefix="free")
    app = await make_app(session, group)
    cluster = Cluster(name=uniq("private"), group_id=group.id)
    public = Cluster(name=uniq("public"))
    session.add_all([cluster, public])
    await session.flush()
    host = Host(cluster_id=cluster.id, name=uniq("host"), address="127.0.2.9",
                docker_endpoint="tcp://127.0.0.1:1")
    session.add(host)
    job = jobs.schedule(session, kind="hosts.probe", payload={"host_id": str(host.id)},
                        group_id=group.id, created_by=users["owner"].id)
    await session.flush()
    version = (await session.execute(select(Version).where(Version.app_id == app.id))
               ).scalar_one()
    session.add(Deployment(app_id=app.id, cluster_id=cluster.id, version_id=version.id,
                           replicas=1))
    container = Container(app_id=app.id, version_id=version.id, cluster_id=cluster.id,
                          host_id=host.id, name=uniq("dy"))
    session.add(container)
    namespace = RegistryNamespace(name=uniq("ns"), group_id=group.id)
    session.add(namespace)
    await session.flush()
    session.add(NamespaceMember(namespace_id=namespace.id, user_id=free_user.id))
    base_image = BaseImage(namespace_id=namespace.id, image=f"{namespace.name}/base:1",
                           name="base")
    session.add(base_image)
    session.add(ClusterQuota(cluster_id=public.id, group_id=group.id, memory_mb=1024,
                             containers=10))
    repository, build = await make_repository(session, namespace)
    return World(group=group, app=app, cluster=cluster, public=public, host=host, job=job,
                 container=container,
                 users=users, tokens=tokens, spare=spare, free_user=free_user,
                 namespace=namespace, base_image=base_image, repository=repository,
                 build=build)
