"""Builds: the platform's build-and-push beside raw `docker build` + `docker push` of the
same rendered Dockerfile, same run, same engine and registry.

    .venv/bin/python bench/build.py [--rounds N] [--mib M]   (with the test stack's env)

  cold     a new commit (new content: no layer cache for COPY/RUN): the platform's wall
           time from queueing to the end frame on the log websocket (queue pick-up,
           clone, render, build, push, digest, database) vs the Docker CLI 20.10 building
           the same Dockerfile and context (DOCKER_BUILDKIT=0, as the engine API builds)
           and pushing with the same kind of platform token. Target ratio <= 1.15.
  warm     the same commit built again, nothing changed (every step cached, the layers in
           the registry already) vs the cold platform build. Target <= 20 %.
  log      first log line on the websocket after the build started (Build.started_at ->
           the first `lines` frame of a reader connected before), and the delivery delay
           of each line (builder's XADD -> websocket frame). Target <= 500 ms.
The build script writes M MiB of random data (a layer to push) and hashes it.
Medians of N rounds, cold platform and raw alternating.
"""

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from arq import create_pool  # noqa: E402
from arq.connections import RedisSettings  # noqa: E402
from sqlalchemy import text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402
from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine  # noqa: E402

from backend.builds.service import snapshot  # noqa: E402
from backend.core.config import BackendSettings  # noqa: E402
from backend.models import Build, ImageRepository, RegistryNamespace  # noqa: E402
from backend.registry.tokens import PLATFORM_SUBJECT, sign  # noqa: E402
from bench.api import port, serve  # noqa: E402
from builder.context import make_tar  # noqa: E402
from builder.pipeline import spec_of  # noqa: E402
from builder.render import render  # noqa: E402
from tests.builder.gitserver import GitServer  # noqa: E402
from tests.builder.logclient import LogReader, read_log  # noqa: E402
from tests.factories import make_group, make_user  # noqa: E402

BENCH_DB = "dockyard_bench_build"
DOCKER = "/usr/bin/docker"
SCRIPT = ("head -c {size} /dev/urandom > /app/blob\nsha256sum /app/blob\n"
          "mkdir -p /www && cp index.html /www/\n")


async def prepare_db(settings: BackendSettings) -> str:
    base = make_url(settings.database_url)
    admin = create_async_engine(base.set(database="postgres"), isolation_level="AUTOCOMMIT")
    async with admin.connect() as conn:
        await conn.execute(text(f'DROP DATABASE IF EXISTS "{BENCH_DB}" WITH (FORCE)'))
        await conn.execute(text(f'CREATE DATABASE "{BENCH_DB}"'))
    await admin.dispose()
    url = base.set(database=BENCH_DB).render_as_string(hide_password=False)
    subprocess.run([sys.executable, "-m", "backend.cli", "migrate"],  # noqa: ASYNC221
                   env={**os.environ, "DOCKYARD_DATABASE_URL": url}, cwd=ROOT, check=True,
                   capture_output=True)
    return url


class Bench:
    def __init__(self, settings: BackendSettings, url: str, api: str, queue: str,
                 git: GitServer, mib: int) -> None:
        self.settings, self.api, self.queue, self.git = settings, api, queue, git
        self.engine = create_async_engine(url)
        self.maker = async_sessionmaker(self.engine, expire_on_commit=False)
        self.size = mib * 1024 * 1024
        self.token = ""
        self.namespace: RegistryNamespace | None = None

    async def setup(self) -> None:
        self.redis = await create_pool(RedisSettings.from_dsn(self.settings.redis_url))
        async with self.maker() as session:
            owner, self.token = await make_user(session, prefix="bench")
            group = await make_group(session, owner)
            self.namespace = RegistryNamespace(name=f"bench-{uuid.uuid4().hex[:6]}",
                                               group_id=group.id)
            session.add(self.namespace)
            await session.commit()

    async def repository(self, git_url: str) -> ImageRepository:
        assert self.namespace is not None
        async with self.maker() as session:
            repo = ImageRepository(
                namespace_id=self.namespace.id, name=f"app-{uuid.uuid4().hex[:6]}",
                git_url=git_url, build_script=SCRIPT.format(size=self.size),
                base_image=f"{self.settings.registry_address}/library/busybox:1.35",
                start_script="exec httpd -f -p 8080 -h /www", ports=[{"container_port": 8080}])
            session.add(repo)
            await session.commit()
            return repo

    async def platform(self, repo: ImageRepository) -> dict[str, Any]:
        """One build through the platform; wall time to the websocket's end frame."""
        assert self.namespace is not None
        async with self.maker() as session:
            build = Build(repository_id=repo.id, trigger="manual", ref="main",
                          ref_type="branch", config_revision=repo.config_revision,
                          config=snapshot(repo, self.namespace.name, self.settings))
            session.add(build)
            await session.commit()
        reader_task = asyncio.create_task(read_log(self.api, build.id, self.token, 600))
        await asyncio.sleep(0.3)  # the reader is connected and waiting
        t0 = time.time()
        await self.redis.enqueue_job("builds.run", str(build.id), _job_id=f"build:{build.id}",
                                     _queue_name=self.queue)
        reader: LogReader = await reader_task
        done = reader.arrived[-1] if reader.arrived else time.time()
        async with self.maker() as session:
            row = await session.get_one(Build, build.id)
        if reader.end != "succeeded" or row.started_at is None:
            raise SystemExit(f"build failed: {row.reason}\n{row.log}")
        entries = await self.redis.xrange(f"dockyard:build:{build.id}:log", "-", "+")
        xadd = [int(eid.decode().split("-")[0]) / 1000 for eid, f in entries if b"line" in f]
        delays = [a - x for a, x in zip(reader.arrived, xadd, strict=False)]
        marks = {"pick-up": t0}
        for at, line in zip(xadd, reader.lines, strict=False):
            if line.startswith("[dockyard] step "):
                marks[line.removeprefix("[dockyard] step ")] = at
        marks["end"] = done
        names = list(marks)
        steps = {names[i]: marks[names[i + 1]] - marks[names[i]] for i in range(len(names) - 1)}
        steps["clone"] = steps.pop("pick-up")  # t0 -> step render: pick-up and clone
        finished = row.finished_at.timestamp() if row.finished_at else 0.0
        return {"steps": steps, "wall": max(done, finished) - t0,
                "first_line": reader.arrived[0] - row.started_at.timestamp(),
                "delivery": delays, "dockerfile": row.dockerfile, "config": row.config}

    def raw(self, config: dict[str, Any], workdir: Path) -> float:
        """docker build + docker push of the same Dockerfile, a context with new content."""
        src = workdir / f"src-{uuid.uuid4().hex[:6]}"
        src.mkdir()
        (src / "index.html").write_text("bench\n")
        (src / "nonce").write_text(uuid.uuid4().hex)
        context = workdir / "context.tar"
        context.write_bytes(make_tar(src, render(spec_of(config))))
        image = f"{config['image']}-raw:{uuid.uuid4().hex[:8]}"
        repository = image.split("/", 1)[1].rsplit(":", 1)[0]
        token, _ = sign(self.settings, PLATFORM_SUBJECT, [
            {"type": "repository", "name": repository, "actions": ["pull", "push"]}])
        (workdir / "config.json").write_text(json.dumps(
            {"auths": {self.settings.registry_address: {"registrytoken": token}}}))
        docker = [DOCKER, "-H", self.settings.docker_host]
        env = {**os.environ, "DOCKER_BUILDKIT": "0", "DOCKER_CONFIG": str(workdir)}
        t0 = time.time()
        with context.open("rb") as stdin:
            subprocess.run([*docker, "build", "-q", "-t", image, "-"], stdin=stdin, env=env,
                           check=True, capture_output=True)
        subprocess.run([*docker, "push", image], env=env, check=True, capture_output=True)
        took = time.time() - t0
        subprocess.run([*docker, "rmi", image], env=env, capture_output=True)
        return took


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def run(args: argparse.Namespace) -> None:
    settings = BackendSettings()
    url = await prepare_db(settings)
    queue = f"dockyard:builds:bench:{uuid.uuid4().hex[:6]}"
    env = {**os.environ, "DOCKYARD_DATABASE_URL": url, "DOCKYARD_BUILD_QUEUE_NAME": queue,
           "DOCKYARD_GIT_ALLOW_PRIVATE_HOSTS": "true"}
    api_port = port()
    api = serve("backend.main:create_app", api_port, env, factory=True)
    try:
        builder = subprocess.Popen(  # noqa: ASYNC220 (set-up, before any measurement)
            [str(Path(sys.executable).parent / "arq"), "builder.worker.WorkerSettings"],
            env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    except OSError:
        api.terminate()
        raise
    work = Path(tempfile.mkdtemp(prefix="bench-build-"))
    git = GitServer(work / "git", port())
    git.start()
    bench = Bench(settings, url, f"http://127.0.0.1:{api_port}", queue, git, args.mib)
    try:
        await bench.setup()
        await asyncio.sleep(2.0)  # the builder is up
        cold, raw, warm, first, delivery = [], [], [], [], []
        steps: dict[str, dict[str, list[float]]] = {"cold": {}, "warm": {}}
        for i in range(args.rounds + 1):  # round 0 warms the engine and the base image
            gitrepo = git.create(f"bench-{uuid.uuid4().hex[:6]}",
                                 {"index.html": "bench\n", "nonce": uuid.uuid4().hex})
            repo = await bench.repository(gitrepo.url)
            print(f"bench: round {i}", flush=True)
            c = await bench.platform(repo)
            r = await asyncio.to_thread(bench.raw, c["config"], work)
            w = await bench.platform(repo)  # same commit, nothing changed
            if i == 0:
                continue
            cold.append(c["wall"])
            raw.append(r)
            warm.append(w["wall"])
            first += [c["first_line"], w["first_line"]]
            delivery += c["delivery"] + w["delivery"]
            for kind, result in (("cold", c), ("warm", w)):
                for name, took in result["steps"].items():
                    steps[kind].setdefault(name, []).append(took)
    finally:
        git.cleanup()
        builder.terminate()
        api.terminate()
        builder.wait(timeout=20)
        api.wait(timeout=20)
        await bench.engine.dispose()
    med = statistics.median
    print(f"\nBuild benchmark ({args.rounds} rounds, {args.mib} MiB layer, busybox base)")
    print(f"{'figure':52} {'median':>9} {'baseline':>9} {'ratio':>7} {'target':>7}")
    print(f"{'cold build+push: platform vs raw docker CLI':52} {med(cold):8.2f}s "
          f"{med(raw):8.2f}s {med(cold) / med(raw):6.2f}x {'<=1.15':>7}")
    print(f"{'warm rebuild, no change vs cold platform build':52} {med(warm):8.2f}s "
          f"{med(cold):8.2f}s {med(warm) / med(cold):6.1%} {'<=20%':>7}")
    print(f"{'build start -> first line on the websocket':52} {med(first) * 1000:7.0f}ms "
          f"{'':>9} {'':>7} {'<=500ms':>7}   p99 {pct(first, .99) * 1000:.0f} ms")
    print(f"{'line written (XADD) -> websocket frame':52} {med(delivery) * 1000:7.1f}ms "
          f"{'':>9} {'':>7} {'<=200ms':>7}   p99 {pct(delivery, .99) * 1000:.1f} ms")
    for kind in ("cold", "warm"):
        parts = ", ".join(f"{name} {med(v):.2f}s" for name, v in steps[kind].items())
        print(f"  {kind} platform build by step (queue+clone, render, build, push+record): "
              f"{parts}")
    print("JSON " + json.dumps({"cold": cold, "raw": raw, "warm": warm, "first_line": first,
                                "delivery_p50": med(delivery),
                                "delivery_p99": pct(delivery, .99)}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--mib", type=int, default=16)
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()
