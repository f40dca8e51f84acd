"""Agent benchmark: event-to-etcd latency, idle writes, memory, and a 500-agent scale run.

    set -a; . .dockyard-test/env; set +a
    .venv/bin/python bench/agent.py [--docker-host unix://…] [--only a,b,c,d]
        [--starts 200] [--idle-s 60] [--agents 500] [--window-s 30]

(a) 200 starts of labelled containers (a pool of 10, each started, seen running in etcd,
    killed, seen exited): time from Docker's `start` event, and from the start call
    returning, to the agent's key saying running, seen by an etcd watch.
    Baseline: the `docker start` call itself.
(b) 50 running labelled containers, an agent with the default resync (30 s) and one
    resyncing every 1 s beside it: etcd events under each agent's prefix over 60 s.
    Keep-alives change no revision, so write-on-change means 0 for both.
(c) VmRSS of those agents (peak over the window) beside an idle Python process.
(d) bench/agent_scale.py: 500 simulated agents, etcd writes/s and keep-alives/s in steady
    state, and the backend watcher's lag.
Every agent is a real `python -m agent` under a key prefix of its own, so other users
of the same etcd are not touched. A Docker engine is shared, though: a concurrent
`make test` adds its containers' writes to (b) and its agents see ours. Give the bench
an engine of its own: scripts/hosts up 2 --profile test --home .dockyard-test, then
--docker-host unix:///run/dockyard/test-<key>/host1/docker.sock.
"""

import argparse
import asyncio
import contextlib
import json
import os
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import aiodocker

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from agent.runtime import Runtime  # noqa: E402
from backend.core.config import BackendSettings  # noqa: E402
from backend.registry.tokens import platform_auth  # noqa: E402
from bench.agent_scale import pct, run_scale  # noqa: E402
from livestate import labels  # noqa: E402
from livestate.store import EtcdStore  # noqa: E402

RUN = uuid.uuid4().hex[:8]
APP = f"bench-{RUN}"  # dockyard.app label of every container made here
POOL = 10
IDLE_CONTAINERS = 50
DEFAULT_RESYNC_S = 30.0


# --- processes -----------------------------------------------------------------------


def spawn_agent(settings: BackendSettings, docker_host: str, prefix: str, resync_s: float,
                logdir: Path) -> tuple[subprocess.Popen[bytes], str]:
    host_id = str(uuid.uuid4())
    env = {k: v for k, v in os.environ.items() if not k.startswith("DOCKYARD_AGENT_")}
    env.update({"DOCKYARD_AGENT_HOST_ID": host_id, "DOCKYARD_AGENT_PREFIX": prefix,
                "DOCKYARD_AGENT_NAME": f"bench-{host_id[:8]}",
                "DOCKYARD_AGENT_DOCKER_HOST": docker_host,
                "DOCKYARD_AGENT_ETCD_ENDPOINT": settings.etcd_endpoint,
                "DOCKYARD_AGENT_RESYNC_INTERVAL_S": str(resync_s),
                "DOCKYARD_AGENT_STATE_DIR": str(logdir)})
    with (logdir / f"agent-{host_id[:8]}.log").open("w") as log:
        proc = subprocess.Popen([sys.executable, "-m", "agent"], env=env, cwd=ROOT,
                                stdout=log, stderr=subprocess.STDOUT)
    return proc, host_id


def spawn_sleeper(seconds: float) -> subprocess.Popen[bytes]:
    """The memory baseline: an interpreter that imported asyncio and does nothing."""
    return subprocess.Popen([sys.executable, "-c", f"import asyncio,time; time.sleep({seconds})"])


def stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def cpu_s(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def until(check: Callable[[], Awaitable[Any]], limit_s: float, what: str) -> None:
    end = time.monotonic() + limit_s
    while not await check():
        if time.monotonic() > end:
            raise SystemExit(f"timed out after {limit_s:.0f} s waiting for {what}")
        await asyncio.sleep(0.05)


# --- Docker and etcd helpers ------------------------------------------------------------


async def make_containers(docker: aiodocker.Docker, image: str, count: int, network: str
                          ) -> list[aiodocker.docker.DockerContainer]:
    return [await docker.containers.create({
        "Image": image, "Cmd": ["sleep", "3600"], "StopTimeout": 1,
        "Labels": {labels.MANAGED: "true", labels.APP: APP},
        "HostConfig": {"NetworkMode": network}}) for _ in range(count)]


async def ensure_image(docker: aiodocker.Docker, image: str) -> None:
    try:
        await docker.images.inspect(image)
    except aiodocker.DockerError:
        # an extra engine has only what the registry has, which wants a token
        await docker.images.pull(image, auth=platform_auth(BackendSettings(), image))


async def remove_ours(docker: aiodocker.Docker) -> None:
    for c in await docker.containers.list(all=True, filters={"label": [f"{labels.APP}={APP}"]}):
        with contextlib.suppress(aiodocker.DockerError):
            await c.delete(force=True)


async def running_keys(store: EtcdStore, prefix: str) -> int:
    items, _ = await store.get_prefix(prefix)
    return sum(json.loads(kv.value).get("state") == "running" for kv in items)


class Waiters:
    """Futures for (docker id, state) pairs, resolved with the wall-clock time seen."""

    def __init__(self) -> None:
        self.pending: dict[tuple[str, str], asyncio.Future[float]] = {}

    def expect(self, docker_id: str, what: str) -> asyncio.Future[float]:
        fut = asyncio.get_running_loop().create_future()
        self.pending[(docker_id, what)] = fut
        return fut

    def resolve(self, docker_id: str, what: str, at: float) -> None:
        fut = self.pending.pop((docker_id, what), None)
        if fut is not None and not fut.done():
            fut.set_result(at)


async def watch_states(store: EtcdStore, prefix: str, revision: int, waiters: Waiters) -> None:
    async for change in store.watch_prefix(prefix, revision):
        if change.value is not None:
            record = json.loads(change.value)
            waiters.resolve(record["docker_id"], record["state"], time.time())


async def watch_start_events(runtime: Runtime, waiters: Waiters) -> None:
    async for event in runtime.events():
        if event.get("Action") == "start":
            waiters.resolve(str(event.get("id")), "start-event", event["timeNano"] / 1e9)


# --- (a) latency ---------------------------------------------------------------------


async def bench_latency(docker: aiodocker.Docker, runtime: Runtime, store: EtcdStore,
                        image: str, keys: str, starts: int) -> dict[str, list[float]]:
    pool = await make_containers(docker, image, POOL, "bridge")
    await until(lambda: _count(store, keys, POOL), 10, "the pool's keys")
    _, revision = await store.get_prefix(keys)
    waiters = Waiters()
    tasks = [asyncio.create_task(watch_states(store, keys, revision + 1, waiters)),
             asyncio.create_task(watch_start_events(runtime, waiters))]
    await asyncio.sleep(0.5)  # both streams subscribed
    out: dict[str, list[float]] = {"call": [], "event": [], "return": []}
    try:
        for i in range(starts):
            c = pool[i % POOL]
            running, event = waiters.expect(c.id, "running"), waiters.expect(c.id, "start-event")
            t0 = time.time()
            await c.start()
            t1 = time.time()
            seen = await asyncio.wait_for(running, 10)
            started = await asyncio.wait_for(event, 10)
            out["call"].append((t1 - t0) * 1000)
            out["event"].append((seen - started) * 1000)
            out["return"].append((seen - t1) * 1000)
            exited = waiters.expect(c.id, "exited")
            await c.kill()
            await asyncio.wait_for(exited, 10)
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        await remove_ours(docker)
    return out


async def _count(store: EtcdStore, prefix: str, want: int) -> bool:
    items, _ = await store.get_prefix(prefix)
    return len(items) >= want


# --- (b) idle writes and (c) memory ------------------------------------------------------


async def count_events(store: EtcdStore, prefix: str, revision: int, counter: list[int]) -> None:
    async for _ in store.watch_prefix(prefix, revision):
        counter[0] += 1


async def bench_idle(docker: aiodocker.Docker, store: EtcdStore, image: str,
                     agents: dict[str, tuple[int, str]], idle_s: float) -> dict[str, Any]:
    """agents: label -> (pid, container key prefix); all watch the same engine."""
    for c in await make_containers(docker, image, IDLE_CONTAINERS, "none"):
        await c.start()
    for _, keys in agents.values():
        await until(_running(store, keys), 60, f"{IDLE_CONTAINERS} running keys")
    sleeper = spawn_sleeper(idle_s + 30)
    await asyncio.sleep(3.0)  # events of the last starts are through; the sleeper is up
    _, revision = await store.get_prefix("/")
    counters = {name: [0] for name in agents}
    tasks = [asyncio.create_task(count_events(store, keys.rsplit("/containers/", 1)[0] + "/",
                                              revision + 1, counters[name]))
             for name, (_, keys) in agents.items()]
    pids = {**{name: pid for name, (pid, _) in agents.items()}, "idle python": sleeper.pid}
    cpu0 = {name: cpu_s(pid) for name, pid in pids.items()}
    peak = {name: 0.0 for name in pids}
    end = time.monotonic() + idle_s
    try:
        while time.monotonic() < end:
            for name, pid in pids.items():
                peak[name] = max(peak[name], rss_mb(pid))
            await asyncio.sleep(min(5.0, max(0.0, end - time.monotonic())))
        cpu = {name: (cpu_s(pid) - cpu0[name]) / idle_s * 100 for name, pid in pids.items()}
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        stop(sleeper)
        await remove_ours(docker)
    return {"writes_min": {n: c[0] * 60 / idle_s for n, c in counters.items()},
            "rss": peak, "cpu": cpu}


def _running(store: EtcdStore, keys: str) -> Callable[[], Awaitable[bool]]:
    async def check() -> bool:
        return await running_keys(store, keys) >= IDLE_CONTAINERS
    return check


# --- main ----------------------------------------------------------------------------


def ms(values: list[float]) -> str:
    return f"{pct(values, 0.5):.1f} / {pct(values, 0.99):.1f} ms"


def table(rows: list[tuple[str, str, str, str]]) -> None:
    print(f"\n{'figure':50} {'measured':>15}  {'same-run baseline':44} {'target':>8}")
    for figure, value, base, target in rows:
        print(f"{figure:50} {value:>15}  {base:44} {target:>8}")


async def run_agents_part(args: argparse.Namespace, settings: BackendSettings,
                          docker_host: str, logdir: Path) -> list[tuple[str, str, str, str]]:
    image = f"{settings.registry_url.removeprefix('http://')}/library/busybox:1.35"
    docker, runtime = aiodocker.Docker(url=docker_host), Runtime(docker_host)
    store = settings.etcd_root_store() or settings.etcd_store()
    prefixes = {"default": f"/dybench-{RUN}-a", "resync 1 s": f"/dybench-{RUN}-b"}
    procs: dict[str, tuple[subprocess.Popen[bytes], str]] = {}
    rows: list[tuple[str, str, str, str]] = []
    try:
        await ensure_image(docker, image)
        procs["default"] = spawn_agent(settings, docker_host, prefixes["default"],
                                       DEFAULT_RESYNC_S, logdir)
        keys = {n: f"{p}/containers/{procs['default'][1]}/" for n, p in prefixes.items()}
        host_key = f"{prefixes['default']}/hosts/{procs['default'][1]}"
        await until(lambda: store.get(host_key), 15, "the agent's host key")
        if "a" in args.only:
            lat = await bench_latency(docker, runtime, store, image, keys["default"],
                                      args.starts)
            rows.append((f"(a) start event -> etcd key, p50 / p99 (n={args.starts})",
                         ms(lat["event"]), f"docker start call {ms(lat['call'])}", "< 1 s"))
            rows.append(("    start call returned -> etcd key, p50 / p99", ms(lat["return"]),
                         "", ""))
        if "b" in args.only or "c" in args.only:
            procs["resync 1 s"] = spawn_agent(settings, docker_host, prefixes["resync 1 s"],
                                              1.0, logdir)
            keys["resync 1 s"] = f"{prefixes['resync 1 s']}/containers/{procs['resync 1 s'][1]}/"
            idle = await bench_idle(docker, store, image,
                                    {n: (p.pid, keys[n]) for n, (p, _) in procs.items()},
                                    args.idle_s)
            rows += idle_rows(idle, args.idle_s)
    finally:
        for proc, _ in procs.values():
            stop(proc)
        await remove_ours(docker)
        client = await store.connect()
        for prefix in prefixes.values():
            await client.delete_prefix(prefix.encode())
        await store.close()
        await runtime.close()
        await docker.close()
    return rows


def idle_rows(idle: dict[str, Any], idle_s: float) -> list[tuple[str, str, str, str]]:
    w, rss, cpu = idle["writes_min"], idle["rss"], idle["cpu"]
    naive = (60 / 1.0) * (IDLE_CONTAINERS + 1)
    return [
        (f"(b) etcd writes/min, idle host, {IDLE_CONTAINERS} containers",
         f"{w['default']:.1f}",
         f"resync 1 s: {w['resync 1 s']:.1f} (rewrite-all would be {naive:.0f})", "0"),
        ("(c) agent VmRSS, peak over the idle window", f"{rss['default']:.1f} MB",
         f"idle python {rss['idle python']:.1f} MB; resync 1 s {rss['resync 1 s']:.1f} MB",
         "<= 60 MB"),
        ("    agent CPU over the idle window", f"{cpu['default']:.2f} %",
         f"idle python {cpu['idle python']:.2f} %; resync 1 s {cpu['resync 1 s']:.2f} %", ""),
    ]


def scale_rows(s: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    n = s["agents"]
    expected_ka = n / (10 / 3)
    return [
        (f"(d) {n} simulated agents: etcd writes/s", f"{s['writes_s']:.1f}",
         f"churn: {n / s['churn_s']:.1f} (1 change/host/{s['churn_s']:.0f} s)", ""),
        ("    lease keep-alives/s", f"{s['keepalives_s']:.1f}",
         f"{n} leases / (10 s / 3): {expected_ka:.1f}", ""),
        ("    watcher: changes applied/s", f"{s['watched_s']:.1f}",
         f"hosts Ready in DB: {s['ready']}/{n}", ""),
        (f"    watcher lag put -> Host row, p50 / p99 (n={s['lag_n']})",
         f"{s['lag_p50']:.1f} / {s['lag_p99']:.1f} ms",
         f"ramp {s['ramp_s']:.1f} s; errors {s['errors']}", ""),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docker-host", help="engine to use (default: DOCKYARD_DOCKER_HOST)")
    parser.add_argument("--only", default="a,b,c,d", help="parts to run, e.g. a,d")
    parser.add_argument("--starts", type=int, default=200)
    parser.add_argument("--idle-s", type=float, default=60.0)
    parser.add_argument("--agents", type=int, default=500)
    parser.add_argument("--window-s", type=float, default=30.0)
    parser.add_argument("--churn-s", type=float, default=60.0,
                        help="mean seconds between a simulated host's container changes")
    parser.add_argument("--channels", type=int, default=50,
                        help="etcd connections the simulated agents share")
    args = parser.parse_args()
    args.only = set(args.only.split(","))
    settings = BackendSettings()
    logdir = Path(tempfile.mkdtemp(prefix="bench-agent-"))
    t0 = time.monotonic()
    rows: list[tuple[str, str, str, str]] = []
    if args.only & {"a", "b", "c"}:
        rows += asyncio.run(run_agents_part(args, settings, args.docker_host
                                            or settings.docker_host, logdir))
    if "d" in args.only:
        rows += scale_rows(asyncio.run(run_scale(settings, args.agents, args.window_s,
                                                 args.churn_s, args.channels, 0.2)))
    table(rows)
    print(f"\netcd {settings.etcd_endpoint}, engine {args.docker_host or settings.docker_host}, "
          f"cores: {os.cpu_count()}, {time.monotonic() - t0:.0f} s; agent logs in {logdir}")


if __name__ == "__main__":
    main()
