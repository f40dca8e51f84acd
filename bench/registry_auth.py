"""Registry auth overhead: push and pull through the token-auth registry beside the same
registry without auth, same run, same engine, same image (busybox, ~2 MB).

    .venv/bin/python bench/registry_auth.py [--rounds N]   (with the test stack's env)

  platform push  the engine pushes to a new repository with a platform token
                 (X-Registry-Auth registrytoken) vs anonymously to the open registry
  cli pull       `docker pull` (Docker CLI 20.10) of that image, removed locally first,
                 logged in with an access token (the engine asks the API's token endpoint)
                 vs anonymously from the open registry
Medians of N rounds, alternating the two registries. Read the ratios. The layers are on
the engine and (after the first round) in the registry already, so this is the cost of
auth per operation, not of moving bytes: a pull adds the token round trip; a push into a
new repository cannot mount the layer from another repository with a token for one
repository only, so it uploads it (2 MB here) where the open registry mounts it.
"""

import argparse
import asyncio
import dataclasses
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import aiodocker

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from stacklib import envfile  # noqa: E402
from stacklib.config import PROFILES, Stack  # noqa: E402
from stacklib.services import Registry  # noqa: E402

from backend.core.config import BackendSettings  # noqa: E402
from backend.registry.signing import ensure_files  # noqa: E402
from backend.registry.tokens import platform_auth  # noqa: E402
from bench.api import port, serve  # noqa: E402
from bench.registry_token import prepare_db  # noqa: E402

DOCKER = "/usr/bin/docker"


def open_registry(root: Path) -> tuple[subprocess.Popen[bytes], str]:
    address = f"127.0.0.1:{port()}"
    config = root / "open.yml"
    config.write_text(f"version: 0.1\nstorage:\n  filesystem:\n    rootdirectory: {root}/open\n"
                      f"http:\n  addr: {address}\n")
    proc = subprocess.Popen(["docker-registry", "serve", str(config)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1.0)
    return proc, address


def token_registry(root: Path, settings: BackendSettings, api_port: int) -> tuple[Registry, str]:
    base = PROFILES["test"]
    stack = Stack(dataclasses.replace(base, ports=dataclasses.replace(
        base.ports, registry=port(), api=api_port)), root / "stack")
    stack.home.mkdir()
    envfile.write(stack.env_file, {})
    ensure_files(settings.registry_auth_dir)
    (stack.home / "registry-auth").symlink_to(settings.registry_auth_dir.resolve())
    registry = Registry(stack)
    registry.wait(registry.start())
    return registry, registry.address()


async def push(docker: aiodocker.Docker, source: str, target: str,
               auth: dict[str, str] | None) -> float:
    name, _, tag = target.rpartition(":")
    await docker.images.tag(source, name, tag=tag)
    t0 = time.perf_counter()
    await docker.images.push(name, tag=tag, auth=auth or {})
    took = time.perf_counter() - t0
    await docker.images.delete(target)
    return took


def cli(config: Path, docker_host: str, *args: str, stdin: str | None = None) -> float:
    t0 = time.perf_counter()
    subprocess.run([DOCKER, "--host", docker_host, "--config", str(config), *args],
                   input=stdin, capture_output=True, text=True, check=True)
    return time.perf_counter() - t0


async def run(rounds: int) -> None:
    settings = BackendSettings()
    url, token = await prepare_db(settings)
    api_port = port()
    api = serve("backend.main:create_app", api_port,
                {**os.environ, "DOCKYARD_DATABASE_URL": url}, factory=True)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        openp, open_addr = open_registry(root)
        registry, auth_addr = token_registry(root, settings, api_port)
        source = f"{settings.registry_address}/library/busybox:1.35"
        config = root / "docker"
        config.mkdir()
        (config / "config.json").write_text(json.dumps({"auths": {}}))
        times: dict[str, list[float]] = {k: [] for k in ("push open", "push token",
                                                          "pull open", "pull token")}
        try:
            cli(config, settings.docker_host, "login", auth_addr, "-u", "bench",
                "--password-stdin", stdin=token)
            async with aiodocker.Docker(url=settings.docker_host) as docker:
                for i in range(rounds):
                    repo = f"benchns/r{uuid.uuid4().hex[:8]}:{i}"
                    for kind, address in (("open", open_addr), ("token", auth_addr)):
                        image = f"{address}/{repo}"
                        here = settings.model_copy(update={"registry_host": address})
                        auth = (platform_auth(here, image, ("pull", "push"))
                                if kind == "token" else None)
                        times[f"push {kind}"].append(await push(docker, source, image, auth))
                        host = settings.docker_host
                        times[f"pull {kind}"].append(cli(config, host, "pull", image))
                        cli(config, host, "rmi", image)
        finally:
            registry.stop()
            openp.terminate()
            api.terminate()
            api.wait(timeout=10)
    print(f"\n{'scenario':<48} {'median s':>9} {'ratio':>7}")
    for what in ("push", "pull"):
        base = statistics.median(times[f"{what} open"])
        auth = statistics.median(times[f"{what} token"])
        label = "platform push (engine API)" if what == "push" else "docker pull (CLI, logged in)"
        print(f"{label + ', open registry':<48} {base:>9.3f} {1:>7.2f}")
        print(f"{label + ', token auth':<48} {auth:>9.3f} {auth / base:>7.2f}")
    print(f"\n{rounds} rounds, busybox (~2 MB), one engine, cores: {os.cpu_count()}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    asyncio.run(run(parser.parse_args().rounds))


if __name__ == "__main__":
    main()
