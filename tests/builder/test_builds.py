"""Builds end to end on the real stack: git daemon -> builder worker (arq) -> Docker
engine -> token-auth registry; the database rows and the registry checked after."""

import asyncio
import time
import uuid
from pathlib import Path

import aiodocker
import httpx
import pytest
from arq.connections import ArqRedis
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from backend.core.config import BackendSettings
from backend.models import Build, BuildStatus, BuildStep, Group, ImageTag, Version
from backend.registry.client import tag_exists
from backend.registry.tokens import platform_auth
from backend.repositories.deploy_keys import generate
from livestate.endpoints import docker_url
from tests.builder.conftest import (
    PYTHON_TAG,
    BuilderProc,
    make_source,
    queue,
    wait_build,
)
from tests.builder.gitserver import GitServer
from tests.builder.sshgit import SshGitServer
from tests.conftest import free_port
from tests.factories import make_app

Maker = async_sessionmaker[AsyncSession]
HTTPD_FILES = {"index.html": "hello from a dockyard build\n"}
HTTPD_BUILD = ('mkdir -p /www && cp index.html /www/ && echo "greeting=[$GREETING]"\n')


def _egress_ca() -> str | None:
    """This machine's extra CAs (an intercepting egress proxy re-signs PyPI's TLS): a
    container trusts only its own bundle, so the app hands pip the host's, as a team
    behind such a proxy would."""
    extra = sorted(Path("/usr/local/share/ca-certificates").glob("*.crt"))
    if not extra:
        return None
    return Path("/etc/ssl/certs/ca-certificates.crt").read_text() + "".join(
        p.read_text() for p in extra)


async def _answer(settings: BackendSettings, image: str, port: int, path: str = "/") -> str:
    """Run the image on the stack's engine, published on loopback; its HTTP answer."""
    async with aiodocker.Docker(url=docker_url(settings.docker_host)) as docker:
        container = await docker.containers.run(config={
            "Image": image, "ExposedPorts": {f"{port}/tcp": {}},
            "HostConfig": {"PortBindings": {f"{port}/tcp": [{"HostIp": "127.0.0.1",
                                                             "HostPort": ""}]}}})
        try:
            info = await container.show()
            host_port = info["NetworkSettings"]["Ports"][f"{port}/tcp"][0]["HostPort"]
            async with httpx.AsyncClient() as http:
                for _ in range(150):
                    try:
                        r = await http.get(f"http://127.0.0.1:{host_port}{path}", timeout=2)
                        return r.text
                    except httpx.HTTPError:
                        await asyncio.sleep(0.2)
            raise AssertionError(f"{image} did not answer on {port}")
        finally:
            await container.delete(force=True)


class TestSuccessfulBuild:
    async def test_busybox_app_builds_pushes_and_answers(
            self, builder: BuilderProc, git_server: GitServer, committed: Maker,
            arq_redis: ArqRedis, settings: BackendSettings) -> None:
        # New content: a cached build step would not print the greeting again.
        repo = git_server.create(f"httpd-{uuid.uuid4().hex[:6]}",
                                 {**HTTPD_FILES, "nonce": uuid.uuid4().hex})
        sha = repo.head()
        hostile = '$HOME "q" \\ `id`'
        source = await make_source(committed, settings, repo.url, build_script=HTTPD_BUILD,
                                   build_env={"GREETING": hostile})
        build_id = await queue(committed, arq_redis, source, builder.settings.build_queue_name)
        build = await wait_build(committed, build_id)
        assert build.status == BuildStatus.succeeded, (build.reason, build.log)
        assert build.tag == f"main-{sha[:7]}-c1"
        assert build.commit == sha and build.ref_type == "branch"
        assert build.digest and build.digest.startswith("sha256:")
        assert build.size and build.size > 100_000  # busybox's layer, compressed
        assert build.dockerfile and "RUN" in build.dockerfile and build.started_at
        assert build.finished_at and build.step == BuildStep.push and build.reason is None
        assert f"greeting=[{hostile}]" in (build.log or "")  # the value arrived literally
        repository = f"{source.namespace.name}/{source.repository.name}"
        assert await tag_exists(settings, repository, build.tag)
        async with committed() as session:
            tag = (await session.execute(select(ImageTag).where(
                ImageTag.build_id == build_id))).scalar_one()
        assert (tag.tag, tag.digest, tag.commit, tag.config_revision) == (
            build.tag, build.digest, sha, 1)
        assert build.image
        assert "hello from a dockyard build" in await _answer(settings, build.image, 8080)

    async def test_redelivered_job_does_nothing(
            self, builder: BuilderProc, git_server: GitServer, committed: Maker,
            arq_redis: ArqRedis, settings: BackendSettings) -> None:
        repo = git_server.create(f"again-{uuid.uuid4().hex[:6]}", HTTPD_FILES)
        source = await make_source(committed, settings, repo.url, build_script=HTTPD_BUILD)
        queue_name = builder.settings.build_queue_name
        build_id = await queue(committed, arq_redis, source, queue_name)
        first = await wait_build(committed, build_id)
        assert first.status == BuildStatus.succeeded, first.reason
        # arq runs a job at least once: a second message for the same build is a no-op.
        job = await arq_redis.enqueue_job("builds.run", str(build_id), _queue_name=queue_name)
        assert job is not None
        assert await job.result(timeout=60) == "nothing to do"
        again = await wait_build(committed, build_id)
        assert (again.finished_at, again.digest) == (first.finished_at, first.digest)


class TestVersionsFromBuilds:
    async def test_success_makes_the_next_version_of_a_following_app(
            self, builder: BuilderProc, git_server: GitServer, committed: Maker,
            arq_redis: ArqRedis, settings: BackendSettings) -> None:
        repo = git_server.create(f"follow-{uuid.uuid4().hex[:6]}", HTTPD_FILES)
        source = await make_source(committed, settings, repo.url, build_script=HTTPD_BUILD)
        async with committed() as session:
            group = await session.get_one(Group, source.namespace.group_id)
            app = await make_app(session, group)
            app.auto_version = {"repository_id": str(source.repository.id),
                                "branch_or_tag_pattern": "ma*"}
            await session.commit()
        build_id = await queue(committed, arq_redis, source, builder.settings.build_queue_name)
        build = await wait_build(committed, build_id)
        assert build.status == BuildStatus.succeeded, build.reason
        async with committed() as session:
            versions = (await session.execute(select(Version).where(
                Version.app_id == app.id).order_by(Version.number))).scalars().all()
        assert [(v.number, v.image) for v in versions] == [(1, "busybox:1"), (2, build.image)]


class TestSshSource:
    async def test_private_repository_over_ssh_with_the_deploy_key(
            self, builder: BuilderProc, git_server: GitServer, committed: Maker,
            arq_redis: ArqRedis, settings: BackendSettings) -> None:
        name = f"private-{uuid.uuid4().hex[:6]}"
        repo = git_server.create(name, {**HTTPD_FILES, "nonce": name})
        ssh = SshGitServer(git_server.base, free_port())
        await ssh.start()
        try:
            key, other = generate("deploy"), generate("someone else")
            source = await make_source(committed, settings, ssh.url(name),
                                       build_script=HTTPD_BUILD,
                                       deploy_key_private=key.private,
                                       deploy_key_public=key.public)
            queue_name = builder.settings.build_queue_name
            ssh.keys = [other.public]  # the key is not on the git host yet
            refused = await wait_build(committed, await queue(
                committed, arq_redis, source, queue_name))
            assert refused.status == BuildStatus.failed and refused.step == BuildStep.clone
            assert refused.reason and "may read the repository" in refused.reason
            ssh.keys = [key.public]  # pasted into the git host as a deploy key
            build = await wait_build(committed, await queue(
                committed, arq_redis, source, queue_name))
            assert build.status == BuildStatus.succeeded, (build.reason, build.log)
            assert build.commit == repo.head()
            assert key.private not in (build.log or "")
        finally:
            ssh.close()


class TestFailures:
    async def test_failing_build_script(
            self, builder: BuilderProc, git_server: GitServer, committed: Maker,
            arq_redis: ArqRedis, settings: BackendSettings) -> None:
        repo = git_server.create(f"fail-{uuid.uuid4().hex[:6]}")
        source = await make_source(committed, settings, repo.url,
                                   build_script="echo about to fail\nexit 2\n")
        build_id = await queue(committed, arq_redis, source, builder.settings.build_queue_name)
        build = await wait_build(committed, build_id)
        assert build.status == BuildStatus.failed
        assert build.step == BuildStep.build
        assert build.reason == "build script exited 2 at step build: see the log"
        assert "about to fail" in (build.log or "")
        assert build.tag and build.digest is None

    async def test_unknown_branch_fails_at_clone(
            self, builder: BuilderProc, git_server: GitServer, committed: Maker,
            arq_redis: ArqRedis, settings: BackendSettings) -> None:
        repo = git_server.create(f"nobranch-{uuid.uuid4().hex[:6]}")
        source = await make_source(committed, settings, repo.url)
        build_id = await queue(committed, arq_redis, source, builder.settings.build_queue_name,
                               ref="nope", ref_type="auto")
        build = await wait_build(committed, build_id)
        assert build.status == BuildStatus.failed and build.step == BuildStep.clone
        assert build.reason == "the repository has no branch or tag named 'nope'"


class TestCancel:
    async def test_cancel_stops_a_running_build(
            self, builder: BuilderProc, git_server: GitServer, committed: Maker,
            arq_redis: ArqRedis, settings: BackendSettings) -> None:
        marker = f"sleeper-{uuid.uuid4().hex[:8]}"
        repo = git_server.create(marker)
        source = await make_source(committed, settings, repo.url,
                                   build_script=f"echo {marker} sleeping\nsleep 300\n")
        build_id = await queue(committed, arq_redis, source, builder.settings.build_queue_name)
        await wait_build(committed, build_id, 120, until=lambda b: b.log is None and (
            b.step == BuildStep.build or b.status.finished))
        # The build script is running once its line is in the log stream.
        from builder.logs import read_since
        end = time.monotonic() + 120
        while marker + " sleeping\n" not in (await read_since(arq_redis, build_id))[0]:
            assert time.monotonic() < end, "the build script never started"
            await asyncio.sleep(0.2)
        async with committed() as session, session.begin():
            build = await session.get_one(Build, build_id, with_for_update=True)
            build.cancel_requested = True
        await arq_redis.publish("dockyard:builds:cancel", str(build_id))
        asked = time.monotonic()
        build = await wait_build(committed, build_id, 30)
        took = time.monotonic() - asked
        assert build.status == BuildStatus.cancelled, build.reason
        assert build.step == BuildStep.build and took < 10, took
        # The build's container is gone from the engine, not left sleeping.
        async with aiodocker.Docker(url=docker_url(settings.docker_host)) as docker:
            end = time.monotonic() + 15
            while True:
                running = [c for c in await docker.containers.list()
                           if "/dockyard/build.sh" in str(c._container.get("Command"))]
                if not running:
                    break
                assert time.monotonic() < end, "the build's container still runs"
                await asyncio.sleep(0.3)


class TestPythonApp:
    async def test_python_app_with_pip_builds_and_answers(
            self, builder: BuilderProc, git_server: GitServer, committed: Maker,
            arq_redis: ArqRedis, settings: BackendSettings) -> None:
        image = f"{settings.registry_address}/{PYTHON_TAG}"
        if not await tag_exists(settings, *PYTHON_TAG.split(":")):
            pytest.skip(f"{image} is not in the test registry: `make base-images` (or "
                        "scripts/base_images.sh python with the test stack's env) builds it")
        app = ("import http.server, six\n"
               "class H(http.server.BaseHTTPRequestHandler):\n"
               "    def do_GET(self):\n"
               "        self.send_response(200); self.end_headers()\n"
               "        self.wfile.write(('six ' + six.__version__).encode())\n"
               "http.server.HTTPServer(('', 8000), H).serve_forever()\n")
        files, env = {"app.py": app, "requirements.txt": "six==1.16.0\n"}, {}
        if ca := _egress_ca():
            files["ca.pem"], env["PIP_CERT"] = ca, "/app/ca.pem"
        repo = git_server.create(f"py-{uuid.uuid4().hex[:6]}", files)
        source = await make_source(committed, settings, repo.url, base=PYTHON_TAG,
                                   build_env=env,
                                   build_script="pip install -r requirements.txt\n",
                                   start_script="exec python3 app.py\n",
                                   ports=[{"container_port": 8000}])
        build_id = await queue(committed, arq_redis, source, builder.settings.build_queue_name)
        build = await wait_build(committed, build_id, 600)
        if build.status != BuildStatus.succeeded:
            print(build.log)
        assert build.status == BuildStatus.succeeded, build.reason
        assert build.image and platform_auth(settings, build.image)
        assert (await _answer(settings, build.image, 8000)) == "six 1.16.0"
