"""A token-auth registry (the stack's own Registry service class) whose realm is the live
API, and people with their own Docker CLI config, for tests that go through Docker."""

import dataclasses
import json
import shutil
import subprocess
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import httpx
import pytest

from backend.core.config import BackendSettings
from backend.registry.signing import ensure_files
from tests.conftest import ROOT, Live, free_port

sys.path.insert(0, str(ROOT / "scripts"))
from stacklib import envfile
from stacklib.config import PROFILES, Stack
from stacklib.services import Registry

DOCKER = shutil.which("/usr/bin/docker") or "docker"  # the engine's own (20.10) CLI
PASSWORD = "registry-pass-1"


@dataclass
class TokenRegistry:
    address: str
    docker_host: str
    source_image: str  # a local image of the engine, to tag and push


@pytest.fixture(scope="session")
def token_registry(live: Live, tmp_path_factory: pytest.TempPathFactory
                   ) -> Iterator[TokenRegistry]:
    settings = BackendSettings()
    home = tmp_path_factory.mktemp("registry-stack")
    base = PROFILES["test"]
    ports = dataclasses.replace(base.ports, registry=free_port(),
                                api=int(urlparse(live.url).port or 0))
    stack = Stack(dataclasses.replace(base, ports=ports), home)
    envfile.write(stack.env_file, {})
    # The live API signs with the test stack's key: this registry trusts the same one.
    ensure_files(settings.registry_auth_dir)
    (home / "registry-auth").symlink_to(settings.registry_auth_dir.resolve())
    registry = Registry(stack)
    registry.wait(registry.start())
    try:
        yield TokenRegistry(address=registry.address(), docker_host=settings.docker_host,
                            source_image=f"{settings.registry_address}/library/busybox:1.35")
    finally:
        registry.stop()


class Person:
    """A platform user with a Docker CLI config of their own."""

    def __init__(self, live: Live, registry: TokenRegistry, config: Path, username: str,
                 token: str) -> None:
        self.live, self.registry, self.config = live, registry, config
        self.username, self.token = username, token

    def docker(self, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run([DOCKER, "--host", self.registry.docker_host, "--config",
                               str(self.config), *args], input=stdin, capture_output=True,
                              text=True, timeout=120, check=False)

    def login(self, secret: str | None = None) -> subprocess.CompletedProcess[str]:
        return self.docker("login", self.registry.address, "--username", self.username,
                           "--password-stdin", stdin=secret or PASSWORD)

    def api(self, method: str, path: str, **kwargs: object) -> httpx.Response:
        return httpx.request(method, self.live.api(path),
                             headers={"Authorization": f"Bearer {self.token}"}, **kwargs)


class People:
    def __init__(self, live: Live, registry: TokenRegistry, admin_token: str,
                 root: Path) -> None:
        self.live, self.registry, self.admin_token, self.root = live, registry, admin_token, root

    def make(self, prefix: str) -> Person:
        name = f"{prefix}-{uuid.uuid4().hex[:6]}"
        r = httpx.post(self.live.api("/users"), json={"username": name, "password": PASSWORD},
                       headers={"Authorization": f"Bearer {self.admin_token}"})
        assert r.status_code == 201, r.text
        r = httpx.post(self.live.api("/auth/login"), json={"username": name,
                                                            "password": PASSWORD})
        config = self.root / name
        config.mkdir()
        (config / "config.json").write_text(json.dumps({"auths": {}}))
        return Person(self.live, self.registry, config, name, r.json()["access_token"])

    def anonymous(self) -> Person:
        config = self.root / f"anon-{uuid.uuid4().hex[:6]}"
        config.mkdir()
        return Person(self.live, self.registry, config, "", "")


@pytest.fixture(scope="session")
def people(live: Live, token_registry: TokenRegistry, admin_token: str,
           tmp_path_factory: pytest.TempPathFactory) -> People:
    return People(live, token_registry, admin_token, tmp_path_factory.mktemp("docker-configs"))
