"""The browser terminal in Chromium: xterm.js over the exec socket into a real container."""

import os
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.terminal.conftest import PASSWORD, TermEnv, term  # noqa: F401 (fixture)


def test_terminal_in_the_browser(term: TermEnv, tmp_path: Path) -> None:  # noqa: F811
    if not (ROOT / "frontend/dist/index.html").is_file():
        pytest.fail("frontend/dist is missing: scripts/test builds it before pytest")
    key = tmp_path / "id_e2e"
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(key)], check=True)
    listed = subprocess.run(["ssh-keygen", "-l", "-E", "sha256", "-f", f"{key}.pub"],
                            check=True, capture_output=True, text=True).stdout
    shots = Path(os.environ.get("E2E_SHOTS", tmp_path / "shots"))
    env = {**os.environ, "BASE_URL": term.live.url, "E2E_USERNAME": term.usernames["dev"],
           "E2E_PASSWORD": PASSWORD, "APP_ID": term.app, "CONTAINER_ID": term.container,
           "PUBLIC_KEY": Path(f"{key}.pub").read_text().strip(),
           "FINGERPRINT": listed.split()[1], "SHOTS": str(shots / "terminal")}
    done = subprocess.run(["node", str(ROOT / "tests/e2e/terminal.e2e.mjs")], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-4000:]
    ended = [e for e in term.events() if e["actor_name"] == term.usernames["dev"]
             and e["detail"].get("exit_code") == 23 and e["detail"].get("via") == "web"]
    assert ended, "the browser session is in the event log"
