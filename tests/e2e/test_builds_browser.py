"""Images built from git in Chromium (tests/e2e/builds.e2e.mjs): the real API, worker and
builder, a git daemon on loopback, the registry and Docker engine of the test stack."""

import os
import subprocess
from pathlib import Path

import pytest

from tests.builder.gitserver import GitServer
from tests.conftest import ROOT, Live, free_port

INDEX = "<h1>built by dockyard</h1>\n"


def test_build_in_the_browser(live: Live, live_builder: None, tmp_path: Path) -> None:
    if not (ROOT / "frontend/dist/index.html").is_file():
        pytest.fail("frontend/dist is missing: scripts/test builds it before pytest")
    server = GitServer(tmp_path / "git", free_port())
    server.start()
    try:
        repo = server.create("site", {"index.html": INDEX})
        shots = Path(os.environ.get("E2E_SHOTS", tmp_path / "shots")) / "builds"
        env = {**os.environ, "BASE_URL": live.url, "E2E_USERNAME": live.admin_username,
               "E2E_PASSWORD": live.admin_password, "GIT_URL": repo.url, "COMMIT": repo.head(),
               "SHOTS": str(shots), "STEP_MS": "200000"}
        done = subprocess.run(["node", str(ROOT / "tests/e2e/builds.e2e.mjs")], env=env, cwd=ROOT,
                              capture_output=True, text=True, timeout=900)
    finally:
        server.cleanup()
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-4000:]
    print(next(x for x in done.stdout.splitlines() if x.startswith("BIGLOG ")))
    # The README shows build-log-live.png (docs/screenshots/build-log.png).
    assert (shots / "build-log-live.png").is_file()
