"""Deploy benchmark: replicas from the API call until they serve, beside plain `docker run -d`.

    make up HOSTS=3         (the dev stack: API, etcd and engines at their default addresses)
    .venv/bin/python bench/deploy.py [--replicas 30] [--rounds 3] [--singles 20]
        [--poll-ms 100] [--concurrency 10]

(a) 30 replicas of one version on the 3 hosts of the public cluster `default`: wall time
    from `POST /apps/{id}/deploy` until `GET /apps/{id}/containers` says all 30 serve.
    Baseline, in the same run: the same 30 containers made straight on the 3 engines,
    10 each, at most `--concurrency` at a time (the worker runs up to 10 jobs at once),
    each a create and a start (what `docker run -d` does), until Docker says all healthy.
    The rounds alternate which side goes first; the ratio of each round is printed and
    the target (<= 1.3) is read on their median.
(b) One replica, `--singles` times: deploy 1 -> serving -> scale 0 -> gone from Docker,
    interleaved with the baseline's run of one container -> healthy -> rm -f. p50/p99 of
    call -> serving (target p99 <= 3 s).
Both sides poll every `--poll-ms` and the containers are the same: the baseline's config
is the worker's own (backend.containers.spec.create_config) minus Dockyard's labels, i.e.

    docker run -d --init --restart unless-stopped -m 32m --cpu-shares 1024 \
        -p <host address>::8080 --health-cmd 'wget -q -O /dev/null http://127.0.0.1:8080/' \
        --health-interval 1s --health-timeout 1s --health-retries 2 \
        127.0.0.1:5000/library/busybox:1.35 sh -c 'echo hi > /www/index.html && exec httpd …'

A Docker event listener on every engine times each container's create, start and first
`healthy`, an etcd watch times the agent's record turning healthy, and the jobs give when
the worker picked each one up and finished it; the second table splits the time into
the API call, job pickup (arq's queue), the job's own work, Docker create/start, the
health check, the agent (Docker healthy -> etcd) and the rest (etcd -> watcher ->
PostgreSQL -> API says serving, within one poll interval).
Everything it makes is removed at the end (containers, the app, the group). Loopback
only, bounded: every wait has a limit.
"""

import argparse
import asyncio
import contextlib
import json
import math
import os
import statistics
import sys
import time
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import aiodocker
import aiohttp
import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from backend.containers.spec import create_config  # noqa: E402
from backend.core.config import BackendSettings  # noqa: E402
from backend.registry.tokens import platform_auth  # noqa: E402
from backend.versions.schemas import VersionCreate  # noqa: E402
from livestate import labels  # noqa: E402
from livestate.endpoints import docker_url  # noqa: E402
from livestate.store import EtcdStore  # noqa: E402

RUN = uuid.uuid4().hex[:8]
BENCH_LABEL = "dockyard-bench.run"  # the baseline's containers: not managed, no agent sees them
IMAGE = "127.0.0.1:5000/library/busybox:1.35"
VERSION: dict[str, Any] = {
    "image": IMAGE,
    "command": ["sh", "-c", "echo hi > /www/index.html && exec httpd -f -p 8080 -h /www"],
    "ports": [{"container_port": 8080}],
    "memory_mb": 32,
    "health_check": {"type": "http", "path": "/", "interval_s": 1, "timeout_s": 1,
                     "retries": 2},
}
GONE_LIMIT_S = 60.0


def pct(values: list[float], q: float) -> float:
    """Nearest rank: p99 of 20 samples is the largest."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered), max(1, math.ceil(q * len(ordered)))) - 1]


def stamp(value: str) -> float:
    return datetime.fromisoformat(value).timestamp()


async def until(check: Callable[[], Awaitable[bool]], limit_s: float, every_s: float,
                what: str) -> float:
    """Poll `check` every `every_s` until true; the wall-clock time it first was."""
    end = time.monotonic() + limit_s
    while True:
        if await check():
            return time.time()
        if time.monotonic() > end:
            raise TimeoutError(f"timed out after {limit_s:.0f} s waiting for {what}")
        await asyncio.sleep(every_s)


# --- Docker side ---------------------------------------------------------------------


@dataclass
class Host:
    name: str
    address: str
    endpoint: str
    docker: aiodocker.Docker


@dataclass
class Seen:
    """First time Docker reported each action of one container (its events' clock)."""

    labels: dict[str, str]
    at: dict[str, float] = field(default_factory=dict)


class Events:
    """Container events of every engine, by Docker id: create, start, healthy, destroy."""

    def __init__(self, hosts: list[Host]):
        self.hosts = hosts
        self.seen: dict[str, Seen] = {}
        self.tasks: list[asyncio.Task[None]] = []

    async def start(self) -> None:
        self.tasks = [asyncio.create_task(self._listen(h)) for h in self.hosts]
        await asyncio.sleep(0.3)  # subscribed before anything is made

    async def stop(self) -> None:
        for task in self.tasks:
            task.cancel()
        await asyncio.gather(*self.tasks, return_exceptions=True)

    async def _listen(self, host: Host) -> None:
        params = {"filters": json.dumps({"type": ["container"]})}
        timeout = aiohttp.ClientTimeout(total=None, sock_read=None)
        async with host.docker._query("events", method="GET", params=params,
                                      timeout=timeout) as response:
            async for line in response.content:
                if line.strip():
                    self._record(json.loads(line))

    def _record(self, event: dict[str, Any]) -> None:
        action = str(event.get("Action", ""))
        name = {"create": "create", "start": "start", "destroy": "destroy",
                "health_status: healthy": "healthy"}.get(action)
        if name is None:
            return
        actor = event.get("Actor") or {}
        seen = self.seen.setdefault(str(event.get("id") or actor.get("ID")),
                                    Seen(dict(actor.get("Attributes") or {})))
        seen.at.setdefault(name, event["timeNano"] / 1e9)

    def matching(self, key: str, value: str) -> dict[str, Seen]:
        return {i: s for i, s in self.seen.items() if s.labels.get(key) == value}


class EtcdHealthy:
    """When each container's etcd record (the agent's write) first said healthy."""

    def __init__(self, store: EtcdStore, prefix: str = "/dockyard/containers/"):
        self.store, self.prefix = store, prefix
        self.at: dict[str, float] = {}  # Docker id -> wall-clock time seen
        self.task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        _, revision = await self.store.get_prefix(self.prefix)
        self.task = asyncio.create_task(self._watch(revision + 1))

    async def stop(self) -> None:
        if self.task is not None:
            self.task.cancel()
            await asyncio.gather(self.task, return_exceptions=True)
        await self.store.close()

    async def _watch(self, revision: int) -> None:
        async for change in self.store.watch_prefix(self.prefix, revision):
            if change.value and json.loads(change.value).get("health") == "healthy":
                self.at.setdefault(change.key.rsplit("/", 1)[1], time.time())


def baseline_config(host: Host, tag: str) -> dict[str, Any]:
    version = {**VersionCreate.model_validate(VERSION).model_dump(), "number": 1}
    config = create_config(version=version, app_id="bench", group_id="bench",
                           cluster_id="bench", container_id="bench",
                           host_address=host.address, data_root="/nonexistent")
    config["Labels"] = {BENCH_LABEL: RUN, "dockyard-bench.case": tag}
    return config


async def ensure_image(host: Host) -> None:
    try:
        await host.docker.images.inspect(IMAGE)
    except aiodocker.DockerError:
        await host.docker.images.pull(IMAGE, auth=platform_auth(BackendSettings(), IMAGE))


async def listed(hosts: list[Host], label: str, healthy: bool = False) -> list[str]:
    """Docker ids of the containers with `label` on any host (healthy ones only, if asked)."""
    filters: dict[str, list[str]] = {"label": [label]}
    if healthy:
        filters["health"] = ["healthy"]
    found = await asyncio.gather(*(h.docker.containers.list(all=True, filters=filters)
                                   for h in hosts))
    return [c.id for f in found for c in f]


async def remove_label(hosts: list[Host], label: str, concurrency: int) -> None:
    sem = asyncio.Semaphore(concurrency)

    async def rm(container: Any) -> None:
        async with sem:
            with contextlib.suppress(aiodocker.DockerError):
                await container.delete(force=True)

    for host in hosts:
        listed = await host.docker.containers.list(all=True, filters={"label": [label]})
        await asyncio.gather(*(rm(c) for c in listed))


# Per container, seconds from the call: slot taken (baseline: the create call is made;
# Dockyard: the worker picked the job up), Docker's create, start and first healthy
# events, the call returning (docker run -d; Dockyard: the job finished), and the poll
# seeing it healthy (Dockyard: the API saying serving); Dockyard only: the agent's etcd
# record saying healthy.
STAGES = ("slot", "create", "start", "returned", "healthy", "etcd", "seen")


@dataclass
class Outcome:
    """One timed run: call -> all seen, and every container's stage times from the call."""

    wall: float
    per: list[dict[str, float]]
    api_s: float | None = None  # Dockyard: the deploy call's own time

    def stage(self, name: str) -> list[float]:
        return [c[name] for c in self.per if name in c]

    def between(self, a: str, b: str) -> list[float]:
        return [c[b] - c[a] for c in self.per if a in c and b in c]


def docker_times(seen: Seen | None, t0: float) -> dict[str, float]:
    if seen is None:
        return {}
    return {action: at - t0 for action, at in seen.at.items()
            if action in ("create", "start", "healthy")}


async def baseline_run(hosts: list[Host], events: Events, n: int, tag: str,
                       concurrency: int, poll_s: float, limit_s: float,
                       first_host: int = 0) -> Outcome:
    sem = asyncio.Semaphore(concurrency)
    label = f"dockyard-bench.case={tag}"
    seen: dict[str, float] = {}

    async def docker_run(i: int) -> tuple[str, float, float]:
        host = hosts[(first_host + i) % len(hosts)]
        async with sem:
            slot = time.time()
            container = await host.docker.containers.create(
                config=baseline_config(host, tag), name=f"dybench-{RUN}-{tag}-{i}")
            await container.start()
        return container.id, slot, time.time()

    async def all_healthy() -> bool:
        ids = await listed(hosts, label, healthy=True)
        now = time.time()
        for docker_id in ids:
            seen.setdefault(docker_id, now)
        return len(ids) >= n

    t0 = time.time()
    runs = asyncio.gather(*(docker_run(i) for i in range(n)))
    try:
        end = await until(all_healthy, limit_s, poll_s, f"{n} healthy baseline containers")
        made = await runs
    finally:
        if not runs.done():
            runs.cancel()
            await asyncio.gather(runs, return_exceptions=True)
    per = [{"slot": slot - t0, "returned": returned - t0, "seen": seen[docker_id] - t0,
            **docker_times(events.seen.get(docker_id), t0)}
           for docker_id, slot, returned in made]
    return Outcome(end - t0, per)


# --- API side ------------------------------------------------------------------------


class Api:
    def __init__(self, base: str, token: str):
        self.http = httpx.AsyncClient(base_url=base, timeout=30,
                                      headers={"Authorization": f"Bearer {token}"})

    async def call(self, method: str, path: str, body: Any = None,
                   ok: tuple[int, ...] = (200, 201, 202, 204)) -> Any:
        response = await self.http.request(method, path, json=body)
        if response.status_code not in ok:
            raise SystemExit(f"{method} {path} -> {response.status_code}: {response.text}")
        return response.json() if response.content else None


async def login(base: str, password: str) -> str:
    async with httpx.AsyncClient(base_url=base, timeout=30) as http:
        response = await http.post("/auth/login",
                                   json={"username": "admin", "password": password})
        if response.status_code != 200:
            raise SystemExit(f"login failed: {response.status_code} {response.text}")
        return str(response.json()["access_token"])


@dataclass
class Platform:
    api: Api
    app_id: str
    cluster_id: str
    events: Events
    etcd: EtcdHealthy
    hosts: list[Host]
    poll_s: float
    deployed: bool = False

    async def serving(self, seen: dict[str, float]) -> int:
        page = await self.api.call("GET", f"/apps/{self.app_id}/containers?limit=500")
        now = time.time()
        for c in page["items"]:
            if c["serving"]:
                seen.setdefault(c["id"], now)
        return sum(c["serving"] for c in page["items"])

    async def deploy(self, n: int, limit_s: float) -> Outcome:
        seen: dict[str, float] = {}
        t0 = time.time()
        result = await self.api.call("POST", f"/apps/{self.app_id}/deploy", {
            "version": 1, "cluster_id": self.cluster_id, "replicas": n})
        returned = time.time()
        self.deployed = True

        async def all_serving() -> bool:
            return await self.serving(seen) >= n

        end = await until(all_serving, limit_s, self.poll_s, f"{n} serving replicas")
        jobs = [await self.api.call("GET", f"/jobs/{j}") for j in result["job_ids"]]
        bad = [j for j in jobs if j["state"] != "succeeded"]
        if bad:
            print(f"warning: {len(bad)} jobs not succeeded, e.g. {bad[0]}", file=sys.stderr)
        by_container = {s.labels.get(labels.CONTAINER): (docker_id, s) for docker_id, s in
                        self.events.matching(labels.APP, self.app_id).items()}
        per = []
        for job in jobs:
            cid = job["target_id"]
            docker_id, docker_seen = by_container.get(cid, ("", None))
            times = docker_times(docker_seen, t0)
            if docker_id in self.etcd.at:
                times["etcd"] = self.etcd.at[docker_id] - t0
            if job["started_at"]:
                times["slot"] = stamp(job["started_at"]) - t0
            if job["finished_at"]:
                times["returned"] = stamp(job["finished_at"]) - t0
            if cid in seen:
                times["seen"] = seen[cid] - t0
            per.append(times)
        return Outcome(end - t0, per, returned - t0)

    async def scale_to_zero(self, limit_s: float = GONE_LIMIT_S) -> float:
        t0 = time.time()
        await self.api.call("POST", f"/apps/{self.app_id}/scale",
                            {"cluster_id": self.cluster_id, "replicas": 0})
        label = f"{labels.APP}={self.app_id}"

        async def gone() -> bool:
            return not await listed(self.hosts, label)

        return await until(gone, limit_s, self.poll_s, "the app's containers gone") - t0

    def forget_events(self) -> None:
        """Containers of earlier runs of the same app must not count in the next one."""
        for docker_id in list(self.events.matching(labels.APP, self.app_id)):
            del self.events.seen[docker_id]


# --- the bench -----------------------------------------------------------------------


@dataclass
class Results:
    rounds: list[tuple[Outcome, Outcome]] = field(default_factory=list)  # (platform, base)
    singles: list[tuple[Outcome, Outcome]] = field(default_factory=list)
    gone: list[tuple[float, float]] = field(default_factory=list)


async def bench(args: argparse.Namespace, res: Results) -> dict[str, Any]:
    base = args.api.rstrip("/") + "/api/v1"
    api = Api(base, await login(base, args.password))
    info: dict[str, Any] = {}
    group_id = app_id = None
    hosts: list[Host] = []
    events: Events | None = None
    etcd = EtcdHealthy(BackendSettings().etcd_store())
    platform: Platform | None = None
    try:
        clusters = (await api.call("GET", "/clusters?limit=500"))["items"]
        cluster = next((c for c in clusters if c["name"] == args.cluster), None)
        if cluster is None:
            raise SystemExit(f"no cluster named {args.cluster!r}: make up HOSTS=3")
        listed = (await api.call("GET", f"/clusters/{cluster['id']}/hosts?limit=500"))["items"]
        ready = [h for h in listed if h["status"] == "Ready" and not h["cordoned"]]
        if len(ready) < 3:
            raise SystemExit(f"{len(ready)} Ready hosts in {args.cluster!r}; want 3 "
                             "(make up HOSTS=3)")
        hosts = [Host(h["name"], h["address"], h["docker_endpoint"],
                      aiodocker.Docker(url=docker_url(h["docker_endpoint"])))
                 for h in sorted(ready, key=lambda h: h["name"])[:3]]
        info["hosts"] = ", ".join(f"{h.name} {h.address}" for h in hosts)
        await asyncio.gather(*(ensure_image(h) for h in hosts))
        events = Events(hosts)
        await events.start()
        await etcd.start()

        group_id = (await api.call("POST", "/groups", {"name": f"bench-deploy-{RUN}"}))["id"]
        app_id = (await api.call("POST", f"/groups/{group_id}/apps", {"name": "bench"}))["id"]
        await api.call("POST", f"/apps/{app_id}/versions", VERSION)
        platform = Platform(api, app_id, cluster["id"], events, etcd, hosts, args.poll_s)
        limit = args.limit_s

        # Warm-up, untimed: connections, code paths, the engines' first containers.
        await baseline_run(hosts, events, 3, "warm", args.concurrency, args.poll_s, limit)
        await remove_label(hosts, f"{BENCH_LABEL}={RUN}", args.concurrency)
        await platform.deploy(3, limit)
        await platform.scale_to_zero()

        for r in range(args.rounds):
            platform.forget_events()
            tag = f"many{r}"

            async def base_side(tag: str = tag) -> Outcome:
                out = await baseline_run(hosts, events, args.replicas, tag, args.concurrency,
                                         args.poll_s, limit)
                await remove_label(hosts, f"dockyard-bench.case={tag}", args.concurrency)
                return out

            async def platform_side() -> Outcome:
                out = await platform.deploy(args.replicas, limit)
                await platform.scale_to_zero()
                platform.forget_events()
                return out

            if r % 2 == 0:
                b = await base_side()
                p = await platform_side()
            else:
                p = await platform_side()
                b = await base_side()
            res.rounds.append((p, b))
            print(f"round {r + 1}: platform {p.wall:.2f} s, docker run -d {b.wall:.2f} s",
                  file=sys.stderr)

        for i in range(args.singles):
            tag = f"one{i}"
            b = await baseline_run(hosts, events, 1, tag, 1, args.poll_s, limit, first_host=i)
            t = time.time()
            await remove_label(hosts, f"dockyard-bench.case={tag}", 1)
            b_gone = await until(_none(hosts, tag), GONE_LIMIT_S, args.poll_s,
                                 "the baseline container gone") - t
            p = await platform.deploy(1, limit)
            p_gone = await platform.scale_to_zero()
            platform.forget_events()
            res.singles.append((p, b))
            res.gone.append((p_gone, b_gone))
    finally:
        if hosts:
            await remove_label(hosts, f"{BENCH_LABEL}={RUN}", args.concurrency)
        try:
            if platform is not None and platform.deployed:
                await platform.scale_to_zero()
            if app_id is not None:
                await api.call("DELETE", f"/apps/{app_id}")
            if group_id is not None:
                await api.call("DELETE", f"/groups/{group_id}")
        except (TimeoutError, SystemExit, httpx.HTTPError) as exc:
            print(f"cleanup incomplete (group {group_id}, app {app_id}): {exc}",
                  file=sys.stderr)
        if events is not None:
            await events.stop()
        await etcd.stop()
        for host in hosts:
            await host.docker.close()
        await api.http.aclose()
    return info


def _none(hosts: list[Host], tag: str) -> Callable[[], Awaitable[bool]]:
    async def check() -> bool:
        return not await listed(hosts, f"dockyard-bench.case={tag}")
    return check


# --- report --------------------------------------------------------------------------


def fmt(values: list[float]) -> str:
    return f"{pct(values, 0.5):.2f} / {pct(values, 0.99):.2f} s" if values else "-"


def spread(values: list[float], top: float) -> str:
    return f"{pct(values, 0.5):.2f} / {pct(values, top):.2f}" if values else "-"


def report(args: argparse.Namespace, res: Results, info: dict[str, Any], took: float) -> None:
    ratios = [p.wall / b.wall for p, b in res.rounds]
    p_walls = [p.wall for p, _ in res.rounds]
    b_walls = [b.wall for _, b in res.rounds]
    rows = [(f"(a) {args.replicas} replicas, call -> all serving (median)",
             f"{statistics.median(p_walls):.2f} s",
             f"docker run -d {statistics.median(b_walls):.2f} s",
             f"{statistics.median(ratios):.2f}", "<= 1.3")]
    for i, (p, b) in enumerate(res.rounds):
        rows.append((f"    round {i + 1}" + (" (docker first)" if i % 2 == 0 else ""),
                     f"{p.wall:.2f} s", f"{b.wall:.2f} s", f"{p.wall / b.wall:.2f}", ""))
    if res.singles:
        single_p = [p.wall for p, _ in res.singles]
        single_b = [b.wall for _, b in res.singles]
        rows.append((f"(b) 1 replica, call -> serving, p50 / p99 (n={len(res.singles)})",
                     fmt(single_p), f"docker run -d {fmt(single_b)}",
                     f"{pct(single_p, 0.99) / pct(single_b, 0.99):.2f}", "p99 <= 3 s"))
        rows.append(("    scale 0 -> gone from Docker, p50 / p99", fmt([g for g, _ in res.gone]),
                     f"docker rm -f {fmt([g for _, g in res.gone])}", "", ""))
    print(f"\n{'figure':54} {'Dockyard':>15}  {'same-run baseline':28} {'ratio':>6} "
          f"{'target':>11}")
    for figure, value, base, r, target in rows:
        print(f"{figure:54} {value:>15}  {base:28} {r:>6} {target:>11}")

    # Where the time goes: (a) the round with the median ratio, p50 / max over its
    # containers; (b) p50 / p99 over the single-replica runs.
    mid = sorted(res.rounds, key=lambda pb: pb[0].wall / pb[1].wall)[len(res.rounds) // 2]
    singles_p = Outcome(0, [c for p, _ in res.singles for c in p.per])
    singles_b = Outcome(0, [c for _, b in res.singles for c in b.per])
    sides = ((mid[0], 1.0), (mid[1], 1.0), (singles_p, 0.99), (singles_b, 0.99))
    print(f"\nwhere the time goes (s): (a) round {res.rounds.index(mid) + 1}, p50 / max over "
          f"its {args.replicas} containers; (b) p50 / p99 over {len(res.singles)} runs")
    print(f"{'':42} {'(a) Dockyard':>13} {'(a) docker':>13} {'(b) Dockyard':>13} "
          f"{'(b) docker':>13}")
    api = [p.api_s for p, _ in res.rounds if p.api_s is not None]
    api_b = [p.api_s for p, _ in res.singles if p.api_s is not None]
    print(f"{'call -> deploy call returned':42} {spread([mid[0].api_s or 0], 1):>13} {'-':>13} "
          f"{spread(api_b, 0.99):>13} {'-':>13}   (all rounds: {spread(api, 1)})")
    names = {"slot": "call -> slot (job picked | create made)", "create": "call -> docker create",
             "start": "call -> docker start", "returned": "call -> job done | run -d returned",
             "healthy": "call -> docker healthy", "etcd": "call -> etcd record healthy",
             "seen": "call -> seen serving | healthy"}
    for stage in STAGES:
        cells = [spread(o.stage(stage), q) for o, q in sides]
        print(f"{names[stage]:42} " + " ".join(f"{c:>13}" for c in cells))
    for first, then, what in (("slot", "create", "slot -> create (job: DB, find, inspect)"),
                              ("create", "start", "create -> start"),
                              ("start", "healthy", "start -> healthy (health check)"),
                              ("healthy", "etcd", "healthy -> etcd (agent)"),
                              ("etcd", "seen", "etcd -> serving (watcher, DB, API, poll)"),
                              ("healthy", "seen", "healthy -> seen serving | healthy")):
        cells = [spread(o.between(first, then), q) for o, q in sides]
        print(f"{what:42} " + " ".join(f"{c:>13}" for c in cells))
    load = os.getloadavg()
    print(f"\n{info.get('hosts')}; baseline concurrency {args.concurrency}, poll every "
          f"{args.poll_s * 1000:.0f} ms, {args.rounds} rounds (alternating first side), "
          f"cores: {os.cpu_count()}, load {load[0]:.1f}, {took:.0f} s; (b) ratio: p99 over p99")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--api", default=os.environ.get("DOCKYARD_API_URL",
                                                        "http://127.0.0.1:8000"))
    parser.add_argument("--password-file", default=str(ROOT / ".dockyard" / "admin-password"))
    parser.add_argument("--cluster", default="default")
    parser.add_argument("--replicas", type=int, default=30)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--singles", type=int, default=20)
    parser.add_argument("--concurrency", type=int, default=10,
                        help="baseline creates at once (the worker's max_jobs)")
    parser.add_argument("--poll-ms", type=float, default=100.0)
    parser.add_argument("--limit-s", type=float, default=120.0, help="bound on each wait")
    args = parser.parse_args()
    args.poll_s = args.poll_ms / 1000
    args.password = os.environ.get("DOCKYARD_ADMIN_PASSWORD") or \
        Path(args.password_file).read_text().strip()
    res = Results()
    t0 = time.monotonic()
    info = asyncio.run(bench(args, res))
    if not res.rounds:
        raise SystemExit("no round ran")
    report(args, res, info, time.monotonic() - t0)


if __name__ == "__main__":
    main()
