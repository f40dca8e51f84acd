"""The dashboard in a real browser (Debian's chromium driven by playwright-core)."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import Live

ROOT = Path(__file__).resolve().parents[2]


def test_dashboard_login_group_app_versions(live: Live, tmp_path: Path) -> None:
    if not (ROOT / "frontend/dist/index.html").is_file():
        pytest.fail("frontend/dist is missing: scripts/test builds it before pytest")
    assert shutil.which("node"), "node is required for the browser test"
    env = {**os.environ, "BASE_URL": live.url, "E2E_USERNAME": live.admin_username,
           "E2E_PASSWORD": live.admin_password, "SCREENSHOT": str(tmp_path / "app.png")}
    done = subprocess.run(["node", str(ROOT / "tests/e2e/spa.e2e.mjs")], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert (tmp_path / "app.png").stat().st_size > 10_000
