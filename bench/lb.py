"""Edge benchmark: lbgen + nginx on a private etcd, each figure beside a same-run baseline.

    .venv/bin/python bench/lb.py [--changes 40] [--wrk-seconds 5]
    (needs the test or dev stack's Docker engine for the container: DOCKYARD_DOCKER_HOST
    from the stack's env file, and `wrk`, which scripts/bootstrap installs)

(a) route written -> first request served by the new upstream, p50/p99 over --changes
    route changes (target <= 300 ms / <= 1 s). Baseline: nginx alone taking the same
    config (render, nginx -t, reload, confirmed), without etcd or the debounce.
(b) reloads caused by a burst of 100 route changes within 1 s (target <= 2).
(c) render time of 1,000 apps x 3 containers (target <= 100 ms), beside `nginx -t` on the
    rendered file (what every apply costs anyway).
(d) wrk -t2 -c50 through nginx beside straight to the container (busybox httpd), same
    run, alternating, median of 3 each (target >= 0.7x requests/s).
(e) nginx RSS (master + workers) after 1 reload and after 100.
Everything it starts (etcd, nginx, the container) is removed at the end.
"""

import argparse
import asyncio
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lbgen import model, render  # noqa: E402
from lbgen.service import Lbgen  # noqa: E402
from livestate.store import EtcdStore  # noqa: E402
from tests.lbgen.edge import Backend, EdgeNginx, cleanup, free_port  # noqa: E402
from tests.private_services import Etcd  # noqa: E402

PREFIX = "/dockyard"


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def record(domains: list[str], upstreams: list[str]) -> bytes:
    return json.dumps({"domains": domains, "upstreams": upstreams}).encode()


async def propagation(lb: Lbgen, store: EtcdStore, edge: EdgeNginx, backends: list[Backend],
                      changes: int) -> list[float]:
    app = str(uuid.uuid4())
    times = []
    client = await store.connect()
    for i in range(changes):
        target = backends[i % len(backends)]
        start = time.perf_counter()
        await client.put(f"{PREFIX}/routes/{app}".encode(),
                         record(["prop.example.test"], [target.address]))
        while not edge.get("/", "prop.example.test")[1].startswith(target.name):
            await asyncio.sleep(0.002)
            if time.perf_counter() - start > 10:
                raise RuntimeError("route not served within 10 s")
        times.append(time.perf_counter() - start)
        await asyncio.sleep(0.2)
    return times


async def apply_alone(edge: EdgeNginx, backends: list[Backend], changes: int) -> list[float]:
    app = f"{PREFIX}/routes/{uuid.uuid4()}"
    times = []
    for i in range(changes):
        target = backends[i % len(backends)]
        start = time.perf_counter()
        text, generation = render.render(model.build(
            [(app, record(["alone.example.test"], [target.address]))]), edge.layout)
        await edge.nginx.apply(text, generation)
        while not edge.get("/", "alone.example.test")[1].startswith(target.name):  # noqa: ASYNC110
            await asyncio.sleep(0.002)
        times.append(time.perf_counter() - start)
    return times


async def burst(lb: Lbgen, store: EtcdStore) -> int:
    await asyncio.sleep(1.0)
    before = lb.status.reloads
    client = await store.connect()
    apps = [str(uuid.uuid4()) for _ in range(10)]
    start = time.perf_counter()
    for i in range(100):
        await client.put(f"{PREFIX}/routes/{apps[i % 10]}".encode(),
                         record([f"burst{i % 10}.example.test"], [f"127.0.0.1:{20000 + i}"]))
        await asyncio.sleep(max(0.0, start + (i + 1) * 0.01 - time.perf_counter()))
    await asyncio.sleep(2.0)
    return lb.status.reloads - before


def render_1000(edge: EdgeNginx) -> tuple[float, float]:
    records = [(f"{PREFIX}/routes/00000000-0000-4000-8000-{i:012d}",
                record([f"app{i}.example.test"], [f"127.0.2.{j}:{30000 + i}" for j in (1, 2, 3)]))
               for i in range(1000)]
    runs = []
    for _ in range(5):
        start = time.perf_counter()
        text, _ = render.render(model.build(records), edge.layout)
        runs.append(time.perf_counter() - start)
    path = edge.root / "big.conf"
    path.write_text(text)
    tests = []
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run(["nginx", "-t", "-q", "-p", f"{edge.root}/", "-c", str(path)],
                       check=True, capture_output=True)
        tests.append(time.perf_counter() - start)
    return statistics.median(runs), statistics.median(tests)


def wrk(url: str, host: str | None, seconds: int) -> tuple[float, float, int]:
    argv = ["wrk", "-t2", "-c50", f"-d{seconds}s", "--latency", url]
    if host:
        argv[1:1] = ["-H", f"Host: {host}"]
    out = subprocess.run(argv, check=True, capture_output=True, text=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out)[1])  # type: ignore[index]
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", out)
    scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}[p99[2]]  # type: ignore[index]
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    sock = re.search(r"connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    errors = (int(bad[1]) if bad else 0) + (sum(int(x) for x in sock.groups()) if sock else 0)
    return rps, float(p99[1]) * scale, errors  # type: ignore[index]


def start_container() -> tuple[str, str, str]:
    """busybox httpd on the stack's engine; (docker host, container id, host:port)."""
    docker_host = os.environ.get("DOCKYARD_DOCKER_HOST", "unix:///run/docker.sock")
    registry = os.environ.get("DOCKYARD_REGISTRY_HOST", "127.0.0.1:5000")
    image = f"{registry}/library/busybox:1.35"
    port = free_port()
    cid = subprocess.run(
        ["docker", "-H", docker_host, "run", "-d", "--rm", "-p", f"127.0.0.1:{port}:8080",
         image, "sh", "-c", "echo bench > /www/index.html && exec httpd -f -p 8080 -h /www"],
        check=True, capture_output=True, text=True).stdout.strip()
    end = time.monotonic() + 15
    while time.monotonic() < end:
        probe = subprocess.run(["curl", "-sf", f"http://127.0.0.1:{port}/"], capture_output=True)
        if probe.returncode == 0:
            return docker_host, cid, f"127.0.0.1:{port}"
        time.sleep(0.1)
    raise RuntimeError("the bench container did not answer")


async def main(args: argparse.Namespace) -> None:
    if shutil.which("wrk") is None:
        sys.exit("bench/lb.py needs wrk (scripts/bootstrap installs it)")
    etcd = Etcd(Path(tempfile.mkdtemp(prefix="lbbench-etcd-")))
    etcd.start()
    edge = EdgeNginx()
    edge.start()
    backends = [Backend(f"b{i}").start() for i in range(3)]
    host, port = etcd.endpoint.split(":")
    store, own = EtcdStore(host, int(port)), EtcdStore(host, int(port))
    lb = Lbgen(edge.settings(etcd.endpoint, PREFIX), own)
    task = asyncio.create_task(lb.run())
    docker_host, cid = "", ""
    try:
        while lb.status.reloads < 1:  # noqa: ASYNC110
            await asyncio.sleep(0.01)
        rss_1 = edge.rss_kb()
        prop = await propagation(lb, store, edge, backends, args.changes)
        alone = await apply_alone(edge, backends, args.changes)
        reloads = await burst(lb, store)
        render_s, test_s = render_1000(edge)

        docker_host, cid, address = start_container()
        await store.raw_put(f"{PREFIX}/routes/{uuid.uuid4()}",
                            record(["bench.example.test"], [address]))
        while not edge.get("/", "bench.example.test")[1].startswith("bench"):  # noqa: ASYNC110
            await asyncio.sleep(0.01)
        edge_url = f"http://127.0.0.1:{edge.http_port}/"
        direct, through = [], []
        for _ in range(3):
            direct.append(await asyncio.to_thread(wrk, f"http://{address}/", None,
                                                  args.wrk_seconds))
            through.append(await asyncio.to_thread(wrk, edge_url, "bench.example.test",
                                                   args.wrk_seconds))

        text, generation = lb.render_snapshot()[:2]
        for i in range(100 - lb.status.reloads):
            variant = text.replace(f"generation {generation}", f"generation {generation}-{i}")
            variant = variant.replace(f'return 200 "{generation}', f'return 200 "{generation}-{i}')
            await edge.nginx.apply(variant, f"{generation}-{i}")
        await asyncio.sleep(1.0)  # old workers finish
        rss_100 = edge.rss_kb()
    finally:
        task.cancel()
        await asyncio.wait({task}, timeout=5)
        if cid:
            await asyncio.to_thread(subprocess.run, ["docker", "-H", docker_host, "rm", "-f", cid],
                                    capture_output=True)
        for b in backends:
            b.stop()
        cleanup(edge)
        etcd.stop()
        shutil.rmtree(etcd.root, ignore_errors=True)

    d_rps = statistics.median(r for r, _, _ in direct)
    t_rps = statistics.median(r for r, _, _ in through)
    d_p99 = statistics.median(p for _, p, _ in direct)
    t_p99 = statistics.median(p for _, p, _ in through)
    ms = 1000
    print(f"{'figure':<52} {'lbgen/nginx':>14} {'baseline':>14} {'ratio':>7}  target")
    print(f"{'route written -> served p50 (ms)':<52} {statistics.median(prop) * ms:>14.0f} "
          f"{statistics.median(alone) * ms:>14.0f} "
          f"{statistics.median(prop) / statistics.median(alone):>7.2f}  <= 300 ms")
    print(f"{'route written -> served p99 (ms)':<52} {pct(prop, 0.99) * ms:>14.0f} "
          f"{pct(alone, 0.99) * ms:>14.0f} {pct(prop, 0.99) / pct(alone, 0.99):>7.2f}  <= 1 s")
    print(f"{'  (baseline: render + nginx -t + reload + confirm, no etcd, no debounce)'}")
    print(f"{'reloads for 100 route changes in 1 s':<52} {reloads:>14d} {100:>14d} "
          f"{reloads / 100:>7.2f}  <= 2")
    print(f"{'render 1,000 apps x 3 containers (ms)':<52} {render_s * ms:>14.1f} "
          f"{test_s * ms:>14.1f} {render_s / test_s:>7.2f}  <= 100 ms")
    print(f"{'  (baseline: nginx -t on the rendered file)'}")
    print(f"{'wrk -t2 -c50 requests/s (through nginx vs direct)':<52} {t_rps:>14.0f} "
          f"{d_rps:>14.0f} {t_rps / d_rps:>7.2f}  >= 0.7")
    print(f"{'wrk -t2 -c50 p99 latency (ms)':<52} {t_p99:>14.2f} {d_p99:>14.2f} "
          f"{t_p99 / d_p99:>7.2f}")
    print(f"{'nginx RSS after 100 reloads vs after 1 (MB)':<52} {rss_100 / 1024:>14.1f} "
          f"{rss_1 / 1024:>14.1f} {rss_100 / rss_1:>7.2f}")
    print(f"{'wrk errors (non-2xx, socket) through nginx vs direct':<52} "
          f"{sum(e for _, _, e in through):>14d} {sum(e for _, _, e in direct):>14d}")
    print(f"(n={args.changes} route changes; wrk {args.wrk_seconds} s x 3 each, alternating)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--changes", type=int, default=40)
    parser.add_argument("--wrk-seconds", type=int, default=5)
    asyncio.run(main(parser.parse_args()))
