"""The admin area in Chromium: users created, reset, disabled and enabled behind
confirmations; a join token with its install command; no admin controls for a user."""

import os
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT, Live


def test_admin_in_the_browser(live: Live, tmp_path: Path) -> None:
    if not (ROOT / "frontend/dist/index.html").is_file():
        pytest.fail("frontend/dist is missing: scripts/test builds it before pytest")
    shots = Path(os.environ.get("E2E_SHOTS", tmp_path / "shots")) / "admin"
    env = {**os.environ, "BASE_URL": live.url, "E2E_USERNAME": live.admin_username,
           "E2E_PASSWORD": live.admin_password, "SHOTS": str(shots)}
    done = subprocess.run(["node", str(ROOT / "tests/e2e/admin.e2e.mjs")], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-4000:]
    assert len(list(shots.glob("*.png"))) >= 6
