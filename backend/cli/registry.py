"""The registry from the command line: the token key, and pushes with a platform token.

scripts/base_images.sh pushes through these, so no password ever sits in a Docker
config file: each push gets a token for its one repository, valid for minutes.
"""

import asyncio
import sys

import aiodocker

from backend.cli.clusters import CliError
from backend.core.config import get_settings
from backend.registry.scopes import parse_scopes
from backend.registry.signing import ensure_files
from backend.registry.tokens import PLATFORM_SUBJECT, platform_auth, sign


def ensure_keys() -> None:
    """Make the signing key and certificate (idempotent); print the certificate's path."""
    _, cert = ensure_files(get_settings().registry_auth_dir)
    print(cert)


def platform_token(scopes: list[str]) -> None:
    """Print a platform token for exactly these scopes (for scripts: curl, wget)."""
    parsed = parse_scopes(scopes)
    if not parsed:
        raise CliError("give at least one scope like repository:library/busybox:pull")
    token, _ = sign(get_settings(), PLATFORM_SUBJECT, [s.access() for s in parsed])
    print(token)


async def push_image(docker_host: str, image: str) -> None:
    """Push a local image to our registry with a short-lived push token."""
    auth = platform_auth(get_settings(), image, ("pull", "push"))
    if auth is None:
        raise CliError(f"{image} is not in this platform's registry "
                       f"({get_settings().registry_address})")
    name, _, tag = image.rpartition(":")
    if "/" in tag or not name:
        raise CliError(f"{image}: name the tag (name:tag)")
    async with aiodocker.Docker(url=docker_host) as docker:
        try:
            await docker.images.push(name, tag=tag, auth=auth)
        except aiodocker.DockerError as exc:
            raise CliError(f"push of {image} failed: {exc.message}") from exc


async def pull_image(docker_host: str, image: str) -> None:
    """Pull one of our registry's images with a short-lived pull token."""
    auth = platform_auth(get_settings(), image)
    if auth is None:
        raise CliError(f"{image} is not in this platform's registry "
                       f"({get_settings().registry_address})")
    async with aiodocker.Docker(url=docker_host) as docker:
        try:
            await docker.images.pull(image, auth=auth)
        except aiodocker.DockerError as exc:
            raise CliError(f"pull of {image} failed: {exc.message}") from exc


def run_push(docker_host: str, image: str) -> None:
    asyncio.run(push_image(docker_host, image))
    print(f"pushed {image}", file=sys.stderr)


def run_pull(docker_host: str, image: str) -> None:
    asyncio.run(pull_image(docker_host, image))
    print(f"pulled {image}", file=sys.stderr)
