"""The platform's base images (scripts/base_images.sh) run: each is pulled from the real
registry with a platform token and runs its tools. Built here when the registry lacks
them (about a minute for Debian and Python, then skipped)."""

import subprocess

import aiodocker
import pytest

from backend.core.config import BackendSettings
from backend.registry.tokens import platform_auth
from tests.conftest import ROOT

CHECKS = {
    "library/busybox:1.35": ["sh", "-c", "httpd --help 2>&1 | head -1; wget --help 2>&1 | head -1"],
    "library/debian:bookworm": ["sh", "-c", ". /etc/os-release && echo $VERSION_CODENAME "
                                "&& apt-get --version | head -1"],
    "library/python:3-bookworm": ["sh", "-c", "python -c 'import sys; print(sys.version)' "
                                  "&& pip --version && python3 -m venv /tmp/v && echo venv"],
}
EXPECT = {"library/busybox:1.35": "BusyBox", "library/debian:bookworm": "bookworm",
          "library/python:3-bookworm": "venv"}


@pytest.fixture(scope="module")
def built() -> BackendSettings:
    settings = BackendSettings()
    subprocess.run(["bash", str(ROOT / "scripts" / "base_images.sh"),
                    settings.docker_host.removeprefix("unix://"), settings.registry_address,
                    "all"], check=True, timeout=900)
    return settings


@pytest.mark.parametrize("path", sorted(CHECKS))
async def test_pulled_with_a_token_and_runs(built: BackendSettings, path: str) -> None:
    image = f"{built.registry_address}/{path}"
    async with aiodocker.Docker(url=built.docker_host) as docker:
        # Even with the image at hand the engine asks the registry for the manifest.
        await docker.images.pull(image, auth=platform_auth(built, image))
        container = await docker.containers.run(config={"Image": image, "Cmd": CHECKS[path]})
        try:
            await container.wait(timeout=60)
            logs = "".join(await container.log(stdout=True, stderr=True))
            state = (await container.show())["State"]
        finally:
            await container.delete(force=True)
        assert state["ExitCode"] == 0, logs
        assert EXPECT[path] in logs, logs
