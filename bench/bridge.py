"""Host bridge benchmark: requests to a healthy container while a neighbour's port joins
and leaves its bridge, the bridge's MAC pinned (what the stack does) beside an unpinned
bridge (the baseline: what `ip link add … type bridge` alone gives).

    set -a; . .dockyard-test/env; set +a
    .venv/bin/python bench/bridge.py [--cycles 4] [--hold-s 5] [--timeout-s 2]

For each kind of bridge: a private dockerd on it, one busybox httpd container published
on loopback whose /cgi-bin/slow answers after 0.2 s, and sequential requests through
docker-proxy (a new connection each, as nginx makes them to busybox). --cycles times, a
veth with a MAC lower than any other joins the bridge for 1 s (new connections teach the
container the gateway MAC of that moment) and leaves while a request is in flight; then
--hold-s of requests. An unpinned bridge's MAC leaves with that port, and the container's
answer goes to a MAC nobody owns. A neighbour container starting and stopping is such a
port; the fixed low MAC and the slow answer make every cycle count (on a busy app the
window is a few milliseconds, the edge's 1 request in ~10,000).
Figures: requests, requests without an answer within --timeout-s, the slowest answer,
and how many bridge MACs were seen. Everything it starts is removed at the end.
"""

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.bridge_churn import busybox_image, measure  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cycles", type=int, default=4)
    parser.add_argument("--hold-s", type=float, default=5.0)
    parser.add_argument("--timeout-s", type=float, default=2.0)
    args = parser.parse_args()
    image = busybox_image()
    rows = []
    # Engine indexes 3 and 4: bridges dyagt3/dyagt4, 172.31.253-254.0/24, 127.0.2.253-254.
    for name, pin, index in (("unpinned bridge (baseline)", False, 3),
                             ("pinned bridge (the stack's)", True, 4)):
        f = measure(pin, index, args.cycles, args.hold_s, args.timeout_s, image)
        rows.append((name, f))
        print(f"{name}: {f.requests} requests, {f.unanswered} unanswered within "
              f"{args.timeout_s:g} s, slowest {f.slowest_s * 1000:.0f} ms, "
              f"bridge MACs seen {len(f.macs)}", flush=True)
    (_, base), (_, pinned) = rows
    print(f"\n{args.cycles} join/leave cycles each: unanswered {pinned.unanswered} (pinned) "
          f"vs {base.unanswered} (unpinned); slowest {pinned.slowest_s:.2f} s vs "
          f"{base.slowest_s:.2f} s")


if __name__ == "__main__":
    main()
