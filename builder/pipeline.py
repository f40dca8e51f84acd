"""One build's steps in order: clone, render, build, push. Each failure names its step
and says what a person can do; the work directory goes whatever happens."""

import asyncio
import shutil
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import aiodocker

from backend.core.config import BackendSettings
from backend.models import BuildStatus, BuildStep
from builder import engine, gitsource
from builder.context import make_tar
from builder.logs import BuildLog
from builder.render import BuildSpec, RenderError, render
from builder.store import Claim, Outcome
from builder.tagname import image_tag

OnStep = Callable[[BuildStep], Awaitable[None]]
OnContainer = Callable[[str], Awaitable[None]]


class StepFailed(Exception):
    pass


def spec_of(config: dict[str, Any]) -> BuildSpec:
    return BuildSpec(
        base_image=str(config.get("base_image", "")),
        build_script=str(config.get("build_script") or ""),
        start_script=str(config.get("start_script") or ""),
        ports=[int(p["container_port"]) for p in config.get("ports") or []],
        volumes=[str(v["container_path"]) for v in config.get("volumes") or []],
        build_env={str(k): str(v) for k, v in (config.get("build_env") or {}).items()})


class Pipeline:
    def __init__(self, settings: BackendSettings, docker: aiodocker.Docker, claim: Claim,
                 log: BuildLog, on_step: OnStep, work_root: Path,
                 on_container: OnContainer | None = None) -> None:
        self.settings, self.docker, self.claim, self.log = settings, docker, claim, log
        self.on_step, self.on_container = on_step, on_container
        self.work = work_root / str(claim.build_id)
        self.ssh_dir = work_root / "ssh" / str(claim.repository_id)
        self.step = BuildStep.clone
        self.values: dict[str, Any] = {}
        self.image_id: str | None = None

    async def run(self) -> Outcome:
        started = time.monotonic()
        try:
            await self._steps()
        except StepFailed as failed:
            await self.log.line(f"[dockyard] failed at step {self.step.value}: {failed}")
            return Outcome(BuildStatus.failed, self.step, str(failed), self.values)
        finally:
            await asyncio.to_thread(shutil.rmtree, self.work, True)
        took = time.monotonic() - started
        await self.log.line(f"[dockyard] pushed {self.values['image']} "
                            f"({self.values['digest']}) in {took:.1f} s")
        return Outcome(BuildStatus.succeeded, BuildStep.push, None, self.values)

    async def _enter(self, step: BuildStep) -> None:
        self.step = step
        await self.log.line(f"[dockyard] step {step.value}")
        await self.on_step(step)

    async def _steps(self) -> None:
        claim, config = self.claim, self.claim.config
        await self.log.line(f"[dockyard] build {claim.build_id}: {claim.ref_type} {claim.ref}"
                            f", config revision {claim.config_revision}")
        source = gitsource.Source(url=str(config.get("git_url", "")), ref=claim.ref,
                                  ref_type=claim.ref_type, commit=claim.commit,
                                  deploy_key=claim.deploy_key)
        try:
            fetched = await gitsource.fetch(self.settings, source, self.work / "src",
                                            self.ssh_dir, self.log.write)
        except gitsource.CloneError as exc:
            raise StepFailed(str(exc)) from exc
        self.values.update(commit=fetched.commit, ref_type=fetched.ref_type)

        await self._enter(BuildStep.render)
        try:
            rendered = render(spec_of(config))
            tag = image_tag(claim.ref, fetched.commit, claim.config_revision)
        except (RenderError, ValueError) as exc:
            raise StepFailed(f"the build settings cannot be rendered: {exc}") from exc
        image = f"{config['image']}:{tag}"
        self.values.update(tag=tag, image=image, dockerfile=rendered.dockerfile)
        await self.log.write(rendered.dockerfile)
        context = await asyncio.to_thread(make_tar, self.work / "src", rendered)

        await self._enter(BuildStep.build)
        # No per-build label: an unchanged rebuild then gives the very same image.
        labels = {engine.LABEL_REPOSITORY: str(claim.repository_id)}
        try:
            await engine.ensure_base(self.docker, self.settings, rendered.base_image,
                                     self.log.write)
            self.image_id = await engine.build(self.docker, context, image, labels,
                                               self.log.write, self.on_container)
        except engine.EngineError as exc:
            raise StepFailed(str(exc)) from exc

        await self._enter(BuildStep.push)
        try:
            digest = await engine.push(self.docker, self.settings, image, self.log.write)
        except engine.EngineError as exc:
            raise StepFailed(str(exc)) from exc
        size = await engine.pushed_size(self.settings, str(config["repository"]), digest)
        self.values.update(digest=digest, size=size)
