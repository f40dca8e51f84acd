"""The renderer against golden files, the model's checks, and gixy-ng on every golden file.

Regenerate the golden files after an intended change: LBGEN_UPDATE_GOLDEN=1 pytest tests/lbgen
"""

import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

from lbgen import model, render

GOLDEN = Path(__file__).parent / "golden"
LAYOUT = render.Layout(http_listen="127.0.0.1:8080", tls_listen="127.0.0.1:8443",
                       pid_file="/run/dockyard/nginx.pid", access_log="/var/log/edge.log",
                       temp_dir="/var/cache/edge", worker_processes="1")
A = "0a4b2c3d-0000-4000-8000-000000000001"
B = "0a4b2c3d-0000-4000-8000-000000000002"
C = "0a4b2c3d-0000-4000-8000-000000000003"


def rec(app_id: str, domains: list[str], upstreams: list[str], tls: list[str] | None = None
        ) -> tuple[str, bytes]:
    value = {"app_id": app_id, "domains": domains, "upstreams": upstreams}
    if tls is not None:
        value["tls"] = tls
    return f"/dockyard/routes/{app_id}", json.dumps(value).encode()


CASES = {
    "several_apps": (
        [rec(B, ["shop.example.test", "www.shop.example.test"],
             ["127.0.2.2:32770", "127.0.2.1:32768"]),
         rec(A, ["api.example.test"], ["127.0.2.3:32771"]),
         rec(C, [], ["127.0.2.1:32790"])], {}, LAYOUT),
    "no_containers": ([rec(A, ["quiet.example.test"], [])], {}, LAYOUT),
    "tls": ([rec(A, ["secure.example.test", "plain.example.test"], ["127.0.2.1:32768"],
                 tls=["secure.example.test"])],
            {"secure.example.test": model.Certificate(
                f"/certs/{A}/secure.example.test.crt", f"/certs/{A}/secure.example.test.key")},
            LAYOUT),
    "websocket_no_tls_port": ([rec(A, ["ws.example.test", "*.ws.example.test"],
                                   ["127.0.2.1:32768"])], {},
                              render.Layout(http_listen="0.0.0.0:80", tls_listen=None,
                                            pid_file="/run/nginx.pid", access_log="/dev/stdout",
                                            temp_dir="/tmp/edge")),
}


def rendered(case: str) -> str:
    records, certs, layout = CASES[case]
    return render.render(model.build(records, certs), layout)[0]


class TestRender:
    @pytest.mark.parametrize("case", sorted(CASES))
    def test_golden(self, case: str) -> None:
        path = GOLDEN / f"{case}.conf"
        text = rendered(case)
        if os.environ.get("LBGEN_UPDATE_GOLDEN"):
            path.write_text(text)
        assert text == path.read_text()

    def test_order_of_records_does_not_matter(self) -> None:
        records, certs, layout = CASES["several_apps"]
        shuffled = list(reversed(records))
        assert render.render(model.build(shuffled, certs), layout) == render.render(
            model.build(records, certs), layout)

    def test_generation_changes_with_upstreams(self) -> None:
        one = render.render(model.build([rec(A, ["a.example.test"], ["127.0.0.1:1"])]), LAYOUT)
        two = render.render(model.build([rec(A, ["a.example.test"], ["127.0.0.1:2"])]), LAYOUT)
        assert one[1] != two[1] and f"return 200 \"{one[1]}\\n\"" in one[0]

    def test_websocket_and_proxy_headers(self) -> None:
        text = rendered("websocket_no_tls_port")
        for line in ("proxy_set_header Upgrade $http_upgrade;",
                     "proxy_set_header Connection $dockyard_connection;",
                     "proxy_set_header X-Request-ID $dockyard_request_id;",
                     "proxy_http_version 1.1;", "keepalive 16;",
                     "proxy_next_upstream error timeout http_502 http_503;"):
            assert line in text
        assert "non_idempotent" not in text.replace("unless \"non_idempotent\"", "")

    def test_1000_apps_render_fast(self) -> None:
        records = [rec(f"00000000-0000-4000-8000-{i:012d}", [f"app{i}.example.test"],
                       [f"127.0.2.{j}:{30000 + i}" for j in range(1, 4)]) for i in range(1000)]
        built = model.build(records)
        start = time.perf_counter()
        render.render(built, LAYOUT)
        assert time.perf_counter() - start < 1.0  # bench/lb.py measures it; target 100 ms


class TestModel:
    def test_bad_records_are_left_out_with_a_reason(self) -> None:
        built = model.build([
            ("/dockyard/routes/not-a-uuid", b'{"domains":[],"upstreams":[]}'),
            (f"/dockyard/routes/{A}", b"not json"),
            (f"/dockyard/routes/{B}", json.dumps({"domains": ["ok.example.test;evil"],
                                                  "upstreams": []}).encode()),
            (f"/dockyard/routes/{C}", json.dumps({"domains": ["ok.example.test"],
                                                  "upstreams": ["127.0.0.1:99999"]}).encode()),
        ])
        assert built.routes == () and len(built.dropped) == 4

    def test_a_domain_claimed_twice_goes_to_the_lower_app_id(self) -> None:
        built = model.build([rec(B, ["x.example.test"], []), rec(A, ["x.example.test"], [])])
        assert [r.domains for r in built.routes] == [("x.example.test",), ()]
        assert built.dropped

    @pytest.mark.parametrize(("name", "ok"), [
        ("a.example.test", True), ("*.example.test", True), ("xn--bcher-kva.example", True),
        ("example", False), ("*.test", False), ("a.*.example.test", False),
        ("-a.example.test", False), ("A.example.test", False), ("a_b.example.test", False),
        ("a" * 64 + ".example.test", False), ("a.example.test.", False),
    ])
    def test_domains(self, name: str, ok: bool) -> None:
        assert model.valid_domain(name) is ok

    def test_random_records_never_crash(self) -> None:
        rng = random.Random(7)
        for _ in range(500):
            junk = bytes(rng.randrange(256) for _ in range(rng.randrange(40)))
            assert isinstance(model.parse_route(f"/dockyard/routes/{A}", junk), model.Route | str)


class TestGixy:
    def test_no_high_severity_finding(self, tmp_path: Path) -> None:
        gixy = Path(sys.executable).parent / "gixy"
        for path in sorted(GOLDEN.glob("*.conf")):
            run = subprocess.run([str(gixy), "-f", "json", str(path)],
                                 capture_output=True, text=True, timeout=120)
            findings = json.loads(run.stdout or "[]")
            high = [f for f in findings if f["severity"] == "HIGH"]
            assert not high, (path.name, high)
