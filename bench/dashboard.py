"""Dashboard figures: what a browser loads first, and drawing a big topology.

1. Initial JavaScript: the scripts index.html loads before the first page renders,
   gzipped as served (the precompressed .gz files), beside the 300 KB budget and the
   lazy chunks (the graph, the terminal) that load only when used.
2. Drawing 500 containers: the topology graph beside the table view, same page, same
   run (median of rounds), from the topology's arrival until the last container shows.

Needs the test stack (PostgreSQL) and a built frontend/dist:
    .venv/bin/python -m bench.dashboard [--count 500] [--rounds 5]
"""

import argparse
import asyncio
import json
import os
import re
import subprocess
import sys
from pathlib import Path

from backend.core.config import BackendSettings
from bench.api import port, prepare_db, serve

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "frontend" / "dist"
BUDGET_KB = 300


def bundle() -> tuple[float, list[tuple[str, float]]]:
    index = (DIST / "index.html").read_text()
    initial = sorted(set(re.findall(r'(?:src|href)="/(assets/[^"]+\.js)"', index)))
    kb = lambda p: ((DIST / f"{p}.gz") if (DIST / f"{p}.gz").exists()  # noqa: E731
                    else DIST / p).stat().st_size / 1024
    first = sum(kb(p) for p in initial)
    lazy = [(p.name, kb(f"assets/{p.name}")) for p in sorted((DIST / "assets").glob("*.js"))
            if f"assets/{p.name}" not in initial]
    return first, lazy


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    if not (DIST / "index.html").is_file():
        raise SystemExit("frontend/dist is missing: make dashboard")
    first, lazy = bundle()
    print(f"initial JavaScript, gzipped: {first:.1f} KB (budget {BUDGET_KB} KB, "
          f"{first / BUDGET_KB:.2f} of it)")
    for name, size in lazy:
        print(f"  loaded on use: {name} {size:.1f} KB")

    url, token, _group, app_id = asyncio.run(prepare_db(BackendSettings(), 1))
    env = {**os.environ, "DOCKYARD_DATABASE_URL": url}
    api_port = port()
    api = serve("backend.main:create_app", api_port, env, True)
    try:
        done = subprocess.run(
            ["node", str(ROOT / "bench/dashboard_render.mjs")], cwd=ROOT, check=True,
            capture_output=True, text=True, timeout=600,
            env={**os.environ, "BASE_URL": f"http://127.0.0.1:{api_port}", "TOKEN": token,
                 "APP_ID": app_id, "COUNT": str(args.count), "ROUNDS": str(args.rounds)})
    finally:
        api.terminate()
        api.wait(timeout=10)
    r = json.loads(done.stdout.strip().splitlines()[-1])
    print(f"{r['containers']} containers drawn, median of {r['rounds']} rounds:")
    print(f"  topology graph  {r['graph_ms']:7.0f} ms  {r['graph_all']}")
    print(f"  table (baseline){r['table_ms']:7.0f} ms  {r['table_all']}")
    print(f"  graph / table   {r['graph_ms'] / r['table_ms']:7.2f}x   (bar: graph <= 1000 ms)")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
