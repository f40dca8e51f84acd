"""How the API serves the built dashboard, over real HTTP (uvicorn on loopback).

A scratch build (hashed asset, its gzip copy and source map, index.html) checks the
rules exactly; the real build, when present, checks what Vite wrote (gzip copies, no
map references, initial JavaScript size). scripts/dashboard's rebuild rule runs on a
scratch tree with a stand-in build command.
"""

import gzip
import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.conftest import ROOT, _wait_http, free_port

IMMUTABLE = "public, max-age=31536000, immutable"
APP_JS = "console.log('dockyard dashboard');\n" * 200
INDEX = ('<!doctype html><html><head><script type="module" src="/assets/index-Ab12Cd34.js">'
         "</script></head><body><div id=root></div></body></html>\n" + "<!-- pad -->\n" * 60)


def _scratch_dist(dist: Path) -> None:
    assets = dist / "assets"
    assets.mkdir(parents=True)
    (assets / "index-Ab12Cd34.js").write_text(APP_JS)
    (assets / "index-Ab12Cd34.js.gz").write_bytes(gzip.compress(APP_JS.encode()))
    (assets / "index-Ab12Cd34.js.map").write_text('{"version":3}')
    (dist / "index.html").write_text(INDEX)
    (dist / "index.html.gz").write_bytes(gzip.compress(INDEX.encode()))
    (dist / "favicon.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")


def _serve(dist: Path, log: Path) -> Iterator[str]:
    port = free_port()
    env = {**os.environ, "DOCKYARD_FRONTEND_DIST": str(dist)}
    with log.open("w") as out:
        api = subprocess.Popen([str(Path(sys.executable).parent / "uvicorn"),
                                "backend.main:create_app", "--factory", "--host", "127.0.0.1",
                                "--port", str(port)], env=env, cwd=ROOT, stdout=out,
                               stderr=subprocess.STDOUT)
        try:
            _wait_http(f"http://127.0.0.1:{port}/api/v1/openapi.json", 30)
            yield f"http://127.0.0.1:{port}"
        finally:
            api.terminate()
            api.wait(timeout=10)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    dist = tmp_path_factory.mktemp("dist")
    _scratch_dist(dist)
    yield from _serve(dist, tmp_path_factory.mktemp("log") / "api.log")


class Raw:
    """Status, headers and the bytes as sent (httpx would decode gzip and hide it)."""

    def __init__(self, response: httpx.Response, content: bytes) -> None:
        self.status_code = response.status_code
        self.headers = response.headers
        self.content = content

    def json(self) -> Any:
        return json.loads(self.content)


def _get(url: str, encoding: str | None = "gzip", **headers: str) -> Raw:
    sent = {**headers, "Accept-Encoding": encoding} if encoding is not None else headers
    with httpx.Client() as client:
        request = client.build_request("GET", url, headers=sent)
        if encoding is None:
            request.headers.pop("Accept-Encoding", None)
        response = client.send(request, stream=True)
        try:
            return Raw(response, b"".join(response.iter_raw()))
        finally:
            response.close()


class TestScratchBuild:
    def test_hashed_asset_is_immutable_and_gzipped(self, scratch: str) -> None:
        r = _get(f"{scratch}/assets/index-Ab12Cd34.js")
        assert r.status_code == 200
        assert r.headers["cache-control"] == IMMUTABLE
        assert r.headers["content-encoding"] == "gzip"
        assert "accept-encoding" in r.headers["vary"].lower()
        assert r.headers["content-type"].startswith("text/javascript")
        assert gzip.decompress(r.content).decode() == APP_JS

    def test_identity_when_gzip_not_accepted(self, scratch: str) -> None:
        for encoding in (None, "identity", "gzip;q=0, br", "br"):
            r = _get(f"{scratch}/assets/index-Ab12Cd34.js", encoding)
            assert r.status_code == 200, encoding
            assert "content-encoding" not in r.headers, encoding
            assert r.content.decode() == APP_JS
            assert "accept-encoding" in r.headers["vary"].lower()

    def test_star_accepts_gzip(self, scratch: str) -> None:
        r = _get(f"{scratch}/assets/index-Ab12Cd34.js", "*")
        assert r.headers["content-encoding"] == "gzip"

    def test_index_and_client_routes_are_no_cache(self, scratch: str) -> None:
        for path in ("/", "/groups", "/apps/1f6a/containers/9", "/login?next=%2Fevents"):
            r = _get(f"{scratch}{path}")
            assert r.status_code == 200, path
            assert r.headers["cache-control"] == "no-cache", path
            assert r.headers["content-type"].startswith("text/html"), path
            assert gzip.decompress(r.content).decode() == INDEX

    def test_index_revalidates_with_its_etag(self, scratch: str) -> None:
        first = _get(f"{scratch}/")
        again = _get(f"{scratch}/groups", **{"If-None-Match": first.headers["etag"]})
        assert again.status_code == 304
        assert again.content == b""
        assert again.headers["cache-control"] == "no-cache"

    def test_source_maps_and_gz_files_never_served(self, scratch: str) -> None:
        for path in ("/assets/index-Ab12Cd34.js.map", "/assets/index-Ab12Cd34.js.gz",
                     "/index.html.gz"):
            r = _get(f"{scratch}{path}")
            assert r.status_code == 404, path
            assert r.headers["content-type"] == "application/problem+json"

    def test_missing_asset_is_404_not_html(self, scratch: str) -> None:
        r = _get(f"{scratch}/assets/index-OldBuild.js")
        assert r.status_code == 404
        assert "rebuilt" in r.json()["detail"]

    def test_unhashed_public_file_is_no_cache(self, scratch: str) -> None:
        r = _get(f"{scratch}/favicon.svg")
        assert r.status_code == 200
        assert r.headers["cache-control"] == "no-cache"

    def test_unknown_api_path_is_a_problem_not_the_spa(self, scratch: str) -> None:
        r = _get(f"{scratch}/api/v1/no-such-thing")
        assert r.status_code == 404
        assert r.headers["content-type"] == "application/problem+json"

    def test_head_answers_like_get(self, scratch: str) -> None:
        r = httpx.head(f"{scratch}/assets/index-Ab12Cd34.js", headers={"Accept-Encoding": "gzip"})
        assert r.status_code == 200
        assert r.headers["cache-control"] == IMMUTABLE


def test_not_built_says_how_to_build(tmp_path: Path) -> None:
    for base in _serve(tmp_path / "nothing", tmp_path / "api.log"):
        r = httpx.get(f"{base}/groups")
        assert r.status_code == 404
        assert "make up" in r.json()["detail"]


DIST = ROOT / "frontend/dist"
INITIAL_JS_BUDGET = 300 * 1024


@pytest.mark.skipif(not (DIST / "index.html").is_file(),
                    reason="frontend/dist not built (scripts/test builds it)")
class TestRealBuild:
    def test_every_script_has_a_gzip_copy_and_no_map_reference(self) -> None:
        scripts = sorted((DIST / "assets").glob("*.js"))
        assert scripts
        for script in scripts:
            assert "sourceMappingURL" not in script.read_text(), script.name
            if script.stat().st_size >= 512:
                assert script.with_name(script.name + ".gz").is_file(), script.name

    def test_initial_javascript_within_budget(self) -> None:
        """What index.html loads before the first page renders, gzipped."""
        index = (DIST / "index.html").read_text()
        initial = set(re.findall(r'(?:src|href)="/(assets/[^"]+\.js)"', index))
        assert initial
        size = sum(len(gzip.compress((DIST / p).read_bytes(), 9)) for p in initial)
        assert size <= INITIAL_JS_BUDGET, f"initial JS {size / 1024:.1f} KB gzipped"


def test_rebuild_rule(tmp_path: Path) -> None:
    front = tmp_path / "front"
    (front / "src").mkdir(parents=True)
    (front / "package.json").write_text("{}")
    (front / "src" / "main.tsx").write_text("x")
    log = tmp_path / "builds"
    build = f"mkdir -p {front}/dist && echo built > {front}/dist/index.html && echo 1 >> {log}"
    env = {**os.environ, "DASHBOARD_FRONTEND": str(front), "DASHBOARD_BUILD": build}

    def run(*args: str) -> str:
        done = subprocess.run([str(ROOT / "scripts/dashboard"), *args], env=env,
                              capture_output=True, text=True, check=True, timeout=30)
        return done.stderr

    def builds() -> int:
        return len(log.read_text().split()) if log.exists() else 0

    assert "no build yet" in run()
    assert builds() == 1
    assert run() == ""
    assert builds() == 1
    # A source saved after the build: mtimes have 1 s resolution on some filesystems.
    later = time.time() + 2
    os.utime(front / "src" / "main.tsx", (later, later))
    assert "main.tsx is newer than the build" in run()
    assert builds() == 2
    for source in (front / "src" / "main.tsx", front / "package.json"):
        os.utime(source, (later - 3600, later - 3600))
    os.utime(front / "dist" / "index.html", (later - 60, later - 60))
    assert run() == ""
    assert "asked to rebuild" in run("--force")
    assert builds() == 3
