"""Push -> build -> version as one flow: a build queued by builds.service.queue_build (as
the API and the webhooks queue it) reaches the real builder, and its success gives the
app that follows the repository its next version with the built image."""

import uuid

from arq.connections import ArqRedis
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from backend.builds.service import queue_build
from backend.core.config import BackendSettings
from backend.core.jobs import JobSender
from backend.models import App, BuildStatus, Event, Version
from tests.builder.conftest import BuilderProc, make_source, wait_build
from tests.builder.gitserver import GitServer
from tests.factories import uniq

Maker = async_sessionmaker[AsyncSession]


async def test_a_successful_build_becomes_the_next_version(
        builder: BuilderProc, git_server: GitServer, committed: Maker, arq_redis: ArqRedis,
        settings: BackendSettings) -> None:
    git = git_server.create(f"auto-{uuid.uuid4().hex[:6]}", {"index.html": "auto\n",
                                                             "nonce": uuid.uuid4().hex})
    source = await make_source(committed, settings, git.url,
                               build_script="mkdir -p /www && cp index.html /www/")
    async with committed() as session:
        app = App(group_id=source.namespace.group_id, name=uniq("auto"), config_revision=1,
                  auto_version={"repository_id": str(source.repository.id),
                                "branch_or_tag_pattern": "ma*"})
        session.add(app)
        await session.flush()
        session.add(Version(app_id=app.id, number=1, config_revision=1, memory_mb=48,
                            image=f"{settings.registry_address}/library/busybox:1.35",
                            ports=[{"container_port": 8080, "protocol": "tcp"}],
                            env={"MODE": "kept"}))
        build = await queue_build(session, builder.settings, source.repository, ref="main",
                                  ref_type="branch", trigger="push", commit=git.head(),
                                  delivery_id=uniq("delivery"))
        await session.commit()
        await JobSender(arq_redis).flush_after_commit(session)  # as the request does

    done = await wait_build(committed, build.id)
    assert done.status == BuildStatus.succeeded, (done.reason, done.log)
    async with committed() as session:
        versions = (await session.execute(select(Version).where(Version.app_id == app.id)
                                          .order_by(Version.number))).scalars().all()
        event = (await session.execute(select(Event).where(
            Event.action == "version.auto_created", Event.target_id == str(app.id)))
        ).scalar_one()
    assert [v.number for v in versions] == [1, 2]
    latest = versions[1]
    assert latest.image == done.image and done.tag == f"main-{git.head()[:7]}-c1"
    assert (latest.memory_mb, latest.env, latest.ports) == (48, {"MODE": "kept"},
                                                            versions[0].ports)
    assert event.detail["build"] == str(build.id) and event.detail["version"] == 2
