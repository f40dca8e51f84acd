"""Runs builds in this worker process: claim, the pipeline under a timeout and a cancel
signal, finish; the heartbeat that proves this builder is alive; the cancel listener."""

import asyncio
import contextlib
import logging
import os
import shutil
import socket
import uuid
from pathlib import Path
from typing import Any

import aiodocker
from redis.asyncio import Redis

from backend.core.config import BackendSettings
from backend.models import BuildStatus, BuildStep
from builder import engine, store
from builder.logs import BuildLog, end_stream
from builder.pipeline import Pipeline
from builder.store import Claim, Maker, Outcome

log = logging.getLogger(__name__)
CANCEL_CHANNEL = "dockyard:builds:cancel"
HEARTBEAT_S = 5.0
HEARTBEAT_TTL_S = 20
CANCEL_POLL_S = 2.0


def heartbeat_key(worker: str) -> str:
    return f"dockyard:builder:alive:{worker}"


def container_key(build_id: uuid.UUID) -> str:
    """The container of a build's running step: whoever sweeps a dead builder kills it."""
    return f"dockyard:build:{build_id}:container"


class Runtime:
    def __init__(self, settings: BackendSettings, maker: Maker, redis: Redis,
                 docker: aiodocker.Docker, work_root: Path | None = None) -> None:
        self.settings, self.maker, self.redis, self.docker = settings, maker, redis, docker
        self.work_root = work_root or settings.data_dir / "builds"
        self.worker = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self.cancels: dict[uuid.UUID, asyncio.Event] = {}

    async def alive(self, worker: str, build_id: uuid.UUID) -> bool:
        """Whether that worker still runs the build: here, only if it is in hand (a build
        left "running" by a failed finish is not); elsewhere, while its heartbeat lasts."""
        if worker == self.worker:
            return build_id in self.cancels
        return bool(await self.redis.exists(heartbeat_key(worker)))

    async def beat(self) -> None:
        await self.redis.set(heartbeat_key(self.worker), "1", ex=HEARTBEAT_TTL_S)

    async def heartbeat_loop(self) -> None:
        while True:
            try:
                await self.beat()
            except Exception:
                log.exception("builder heartbeat failed")
            await asyncio.sleep(HEARTBEAT_S)

    async def cancel_listener(self) -> None:
        """Cancels published by the API (POST /builds/{id}/cancel) reach the build here;
        the database flag, polled while a build runs, covers a message missed."""
        while True:
            try:
                async with self.redis.pubsub() as pubsub:
                    await pubsub.subscribe(CANCEL_CHANNEL)
                    async for message in pubsub.listen():
                        if message.get("type") == "message":
                            self._cancel(message.get("data"))
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("cancel listener failed; resubscribing")
                await asyncio.sleep(1.0)

    def _cancel(self, data: Any) -> None:
        with contextlib.suppress(ValueError, AttributeError):
            text = data.decode() if isinstance(data, bytes) else str(data)
            event = self.cancels.get(uuid.UUID(text))
            if event is not None:
                event.set()

    async def run(self, build_id: uuid.UUID) -> str:
        if build_id in self.cancels:
            return "nothing to do"  # in hand here already
        # In hand before the claim commits, so this worker's sweep never sees it orphaned.
        cancel = self.cancels[build_id] = asyncio.Event()
        try:
            claim = await store.claim(self.maker, build_id, self.worker, self.alive)
        except BaseException:
            self.cancels.pop(build_id, None)
            raise
        if claim is None:
            self.cancels.pop(build_id, None)
            return "nothing to do"
        buildlog = BuildLog(self.redis, build_id)
        pipeline = Pipeline(self.settings, self.docker, claim, buildlog,
                            lambda step: store.set_step(self.maker, build_id, step),
                            self.work_root, lambda c: self._note_container(build_id, c))
        watcher = asyncio.create_task(self._poll_cancel(build_id, cancel))
        try:  # out of hand only once the end is written
            try:
                outcome = await self._outcome(pipeline, cancel)
            except asyncio.CancelledError:  # the worker is stopping: say so, then go
                outcome = Outcome(BuildStatus.failed, pipeline.step, store.WORKER_GONE,
                                  pipeline.values)
                await asyncio.shield(self._finish(claim, outcome, buildlog, pipeline))
                raise
            finally:
                watcher.cancel()
            await self._finish(claim, outcome, buildlog, pipeline)
        finally:
            self.cancels.pop(build_id, None)
        return outcome.status.value

    async def _outcome(self, pipeline: Pipeline, cancel: asyncio.Event) -> Outcome:
        work = asyncio.create_task(pipeline.run())
        stop = asyncio.create_task(cancel.wait())
        try:
            await asyncio.wait({work, stop}, timeout=self.settings.build_timeout_s,
                               return_when=asyncio.FIRST_COMPLETED)
        finally:
            stop.cancel()
            if not work.done():
                # Closing the build stream makes the engine stop the build and kill its
                # container; a git process is killed by gitsource.
                work.cancel()
                await asyncio.gather(work, return_exceptions=True)
        if not work.cancelled() and work.exception() is None:
            return work.result()
        step = pipeline.step
        if cancel.is_set():
            await pipeline.log.line(f"[dockyard] cancelled at step {step.value}")
            return Outcome(BuildStatus.cancelled, step, f"cancelled at step {step.value}",
                           pipeline.values)
        if work.cancelled():
            limit = self.settings.build_timeout_s
            reason = (f"the build took longer than {limit:g} s at step {step.value} and was "
                      "stopped: make the build script faster or raise DOCKYARD_BUILD_TIMEOUT_S")
            await pipeline.log.line(f"[dockyard] {reason}")
            return Outcome(BuildStatus.failed, step, reason, pipeline.values)
        exc = work.exception()
        log.error("build %s failed unexpectedly", pipeline.claim.build_id, exc_info=exc)
        await pipeline.log.line(f"[dockyard] internal error at step {step.value}: {exc!r}")
        return Outcome(BuildStatus.failed, step, f"the builder failed at step {step.value} "
                       f"({type(exc).__name__}); see the builder's log and build again",
                       pipeline.values)

    async def _note_container(self, build_id: uuid.UUID, container: str) -> None:
        ttl = int(self.settings.build_timeout_s) + 600
        await self.redis.set(container_key(build_id), container, ex=ttl)

    async def _poll_cancel(self, build_id: uuid.UUID, cancel: asyncio.Event) -> None:
        while not cancel.is_set():
            await asyncio.sleep(CANCEL_POLL_S)
            with contextlib.suppress(Exception):
                if await store.cancel_requested(self.maker, build_id):
                    cancel.set()

    async def _finish(self, claim: Claim, outcome: Outcome, buildlog: BuildLog,
                      pipeline: Pipeline) -> None:
        await buildlog.flush()
        await store.finish(self.maker, self.settings, claim.build_id, outcome,
                           buildlog.tail.text())
        await end_stream(self.redis, claim.build_id, outcome.status.value)
        await self.redis.delete(container_key(claim.build_id))
        keep = pipeline.image_id if outcome.status == BuildStatus.succeeded else None
        try:
            await engine.clean_up(self.docker, str(claim.repository_id), keep)
        except aiodocker.DockerError as exc:
            log.warning("clean-up after build %s: %s", claim.build_id, exc.message)

    async def sweep(self) -> list[uuid.UUID]:
        ended = await store.sweep_dead(self.maker, self.alive)
        for build_id in ended:
            await end_stream(self.redis, build_id, BuildStatus.failed.value)
            # The dead builder's step may still run on the engine (same engine for all).
            container = await self.redis.get(container_key(build_id))
            if container:
                await engine.kill(self.docker, container.decode()
                                  if isinstance(container, bytes) else str(container))
            # Its work directory (source, deploy key) if that builder shared our disk.
            await asyncio.to_thread(shutil.rmtree, self.work_root / str(build_id), True)
        return ended


__all__ = ["BuildStep", "Runtime"]
