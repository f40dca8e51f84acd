"""The Docker engine side of a build: base image, build with the log streamed, push, the
image's digest and size from the registry, and clean-up. All aiodocker calls live here.

The layer cache is the engine's own: every build of a repository runs on the same engine
from the same base with a deterministic context, and the newest image of the repository
stays tagged there (its intermediate layers are the cache); older ones are removed.
"""

import asyncio
import contextlib
import io
import re
from collections.abc import Awaitable, Callable
from typing import Any

import aiodocker
import httpx

from backend.core.config import BackendSettings
from backend.registry.client import MANIFEST_TYPES
from backend.registry.tokens import PLATFORM_SUBJECT, platform_auth, sign

Output = Callable[[str], Awaitable[None]]
LABEL_REPOSITORY = "dockyard.repository"
_RUN_FAILED = re.compile(r"returned a non-zero code: (\d+)")
_RUNNING_IN = re.compile(r"---> Running in ([0-9a-f]{12,64})")


class EngineError(Exception):
    """A step on the engine failed; the message says what a person can do about it."""


async def ensure_base(docker: aiodocker.Docker, settings: BackendSettings, image: str,
                      out: Output) -> None:
    """The base image on the engine, pulled with a platform token when it is ours."""
    try:
        await docker.images.inspect(image)
        return
    except aiodocker.DockerError as exc:
        if exc.status != 404:
            raise
    await out(f"pulling base image {image}\n")
    try:
        await docker.images.pull(image, auth=platform_auth(settings, image))
    except aiodocker.DockerError as exc:
        raise EngineError(f"the base image {image} could not be pulled ({exc.message}): "
                          "pick a base image that exists and that you may pull") from exc


async def build(docker: aiodocker.Docker, context: bytes, image: str,
                labels: dict[str, str], out: Output, on_step: Output | None = None) -> str:
    """Build and tag; each output line to out, each step's container id to on_step.
    Returns the image id."""
    image_id, container = "", None
    try:
        async for chunk in docker.images.build(
                fileobj=io.BytesIO(context), encoding="identity", tag=image, labels=labels,
                rm=True, forcerm=True, stream=True):
            if "stream" in chunk:
                await out(chunk["stream"])
                if found := _RUNNING_IN.search(chunk["stream"]):
                    container = found.group(1)
                    if on_step is not None:
                        await on_step(container)
            if "aux" in chunk and isinstance(chunk["aux"], dict):
                image_id = chunk["aux"].get("ID", image_id)
    except asyncio.CancelledError:
        # The engine goes on with a build whose client left: stop its running step.
        if container is not None:
            await asyncio.shield(_kill(docker, container))
        raise
    except aiodocker.DockerError as exc:
        await out(f"{exc.message}\n")
        code = _RUN_FAILED.search(exc.message or "")
        if code:
            raise EngineError(f"build script exited {code.group(1)} at step build: "
                              "see the log") from exc
        raise EngineError(f"the image build failed ({exc.message}): see the log") from exc
    if not image_id:
        image_id = (await docker.images.inspect(image))["Id"]
    return image_id


async def kill(docker: aiodocker.Docker, container_id: str) -> None:
    """Stop a build step's container (one whose builder is gone)."""
    await _kill(docker, container_id)


async def _kill(docker: aiodocker.Docker, container_id: str) -> None:
    with contextlib.suppress(aiodocker.DockerError):  # ended on its own meanwhile
        await docker.containers.container(container_id).delete(force=True)


async def push(docker: aiodocker.Docker, settings: BackendSettings, image: str,
               out: Output) -> str:
    """Push with a push token for this one repository; returns the manifest digest."""
    name, _, tag = image.rpartition(":")
    digest = ""
    try:
        async for chunk in docker.images.push(
                name, tag=tag, auth=platform_auth(settings, image, ("pull", "push")),
                stream=True):
            if chunk.get("status") and not chunk.get("progressDetail"):
                await out(f"{chunk.get('id', '')}: {chunk['status']}\n".lstrip(": "))
            aux = chunk.get("aux")
            if isinstance(aux, dict) and aux.get("Digest"):
                digest = aux["Digest"]
    except aiodocker.DockerError as exc:
        raise EngineError(f"the registry refused the push ({exc.message}); check that the "
                          "registry is up and the namespace exists") from exc
    if not digest:
        raise EngineError("the push ended without a digest from the registry; build again")
    return digest


async def pushed_size(settings: BackendSettings, repository: str, digest: str) -> int | None:
    """Bytes a pull transfers: config plus compressed layers, from the manifest."""
    token, _ = sign(settings, PLATFORM_SUBJECT,
                    [{"type": "repository", "name": repository, "actions": ["pull"]}])
    url = f"{settings.registry_url.rstrip('/')}/v2/{repository}/manifests/{digest}"
    try:
        async with httpx.AsyncClient(timeout=10.0) as http:
            r = await http.get(url, headers={"Authorization": f"Bearer {token}",
                                             "Accept": MANIFEST_TYPES})
        manifest: dict[str, Any] = r.json() if r.status_code == 200 else {}
    except (httpx.HTTPError, ValueError):
        return None
    parts = [manifest.get("config") or {}, *(manifest.get("layers") or [])]
    sizes = [int(p.get("size", 0)) for p in parts if isinstance(p, dict)]
    return sum(sizes) if manifest else None


async def clean_up(docker: aiodocker.Docker, repository_id: str, keep: str | None) -> None:
    """Remove this repository's older images (keep: the one just built) and its dangling
    ones; the kept image's layers stay as the next build's cache."""
    images = await docker.images.list(filters={"label": [f"{LABEL_REPOSITORY}={repository_id}"]})
    for found in images:
        if keep is not None and found["Id"] != keep:
            for ref in found.get("RepoTags") or []:
                # In use by a container, or gone already: next time.
                with contextlib.suppress(aiodocker.DockerError):
                    await docker.images.delete(ref)
    # Another prune may run at the same time (the engine answers 409): next time.
    with contextlib.suppress(aiodocker.DockerError):
        await docker.images.prune(filters={"dangling": ["true"],
                                           "label": [f"{LABEL_REPOSITORY}={repository_id}"]})
