"""lbgen's loop: coalesce route changes, render, apply to nginx, publish what it serves.

Status `/dockyard/lb/status/<instance>` (under a lease, gone when lbgen is):
{instance, generation, routes_revision, last_error, config_rejected, applied_at}.
`routes_revision` is the etcd revision of the routes the running config was rendered
from, so a writer waits for `routes_revision >= its put's revision` to know nginx serves it.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from dataclasses import dataclass
from pathlib import Path

from lbgen import bootstrap, model, render
from lbgen.nginx import ConfigRejected, Nginx, ReloadFailed
from lbgen.settings import LbgenSettings
from lbgen.watcher import RoutesWatcher
from livestate.backoff import Backoff
from livestate.keys import Layout as KeyLayout
from livestate.store import EtcdStore

log = logging.getLogger("lbgen")


@dataclass
class Status:
    instance: str
    generation: str | None = None
    routes_revision: int = 0
    last_error: str | None = None
    config_rejected: bool = False
    applied_at: float | None = None
    reloads: int = 0

    def encode(self) -> bytes:
        return json.dumps(self.__dict__, sort_keys=True, separators=(",", ":")).encode()


def find_certificates(cert_dir: Path | None, routes: list[tuple[str, bytes]]
                      ) -> dict[str, model.Certificate]:
    """Certificate files of the domains that route records say have one."""
    found: dict[str, model.Certificate] = {}
    if cert_dir is None:
        return found
    for key, value in routes:
        route = model.parse_route(key, value)
        if isinstance(route, str):
            continue
        for domain in route.tls:
            cert = cert_dir / route.app_id / f"{domain}.crt"
            key_file = cert_dir / route.app_id / f"{domain}.key"
            if cert.is_file() and key_file.is_file():
                found[domain] = model.Certificate(str(cert), str(key_file))
    return found


class Lbgen:
    def __init__(self, settings: LbgenSettings, store: EtcdStore):
        self.settings, self.store = settings, store
        self.keys = KeyLayout(settings.etcd_prefix)
        self.watcher = RoutesWatcher(store, self.keys.routes)
        self.layout = bootstrap.layout(settings)
        self.nginx = Nginx(settings.nginx_binary, settings.nginx_conf, settings.nginx_pid_file,
                           settings.http_host_port, settings.confirm_timeout_s)
        self.status = Status(settings.instance)
        self.published = asyncio.Event()  # set after each status write (tests wait on it)
        self._lease: int | None = None
        self._retry = Backoff(0.2, 5.0)

    def render_snapshot(self) -> tuple[str, str, int, model.Model]:
        routes, revision = self.watcher.snapshot()
        built = model.build(routes, find_certificates(self.settings.cert_dir, routes))
        text, generation = render.render(built, self.layout)
        return text, generation, revision, built

    async def apply_once(self) -> None:
        text, generation, revision, built = self.render_snapshot()
        for reason in built.dropped:
            log.warning("route left out: %s", reason)
        if generation == self.status.generation and not self.status.last_error:
            self.status.routes_revision = revision
        else:
            started = time.monotonic()
            try:
                await self.nginx.apply(text, generation)
            except ConfigRejected as exc:
                log.error("nginx refused generation %s; the last good config keeps serving: %s",
                          generation, exc)
                self.status.last_error = f"config rejected: {exc}"
                self.status.config_rejected = True
            except (ReloadFailed, OSError) as exc:
                log.error("reload of generation %s failed: %s", generation, exc)
                self.status.last_error, self.status.config_rejected = str(exc), False
                self._again_later()
            else:
                log.info("serving generation %s (routes revision %d, %d apps) in %.0f ms",
                         generation, revision, len(built.routes),
                         (time.monotonic() - started) * 1000)
                self.status.generation, self.status.routes_revision = generation, revision
                self.status.last_error, self.status.config_rejected = None, False
                self.status.applied_at = time.time()
                self.status.reloads += 1
                self._retry.reset()
        await self.publish()

    def _again_later(self) -> None:
        async def later() -> None:
            await asyncio.sleep(self._retry.next())
            self.watcher.changed.set()
        asyncio.get_running_loop().create_task(later())

    async def coalesce(self) -> None:
        """Return once a burst is over: quiet for debounce_s, or max_delay_s after its start."""
        await self.watcher.changed.wait()
        deadline = time.monotonic() + self.settings.max_delay_s
        while True:
            self.watcher.changed.clear()
            remaining = min(self.settings.debounce_s, deadline - time.monotonic())
            if remaining <= 0:
                return
            try:
                await asyncio.wait_for(self.watcher.changed.wait(), remaining)
            except TimeoutError:
                return

    async def apply_loop(self) -> None:
        while True:
            await self.coalesce()
            await self.apply_once()

    async def publish(self) -> None:
        try:
            if self._lease is None:
                self._lease = await self.store.grant(self.settings.status_ttl_s)
            await self.store.raw_put(self.keys.lb_instance(self.settings.instance),
                                     self.status.encode(), self._lease)
        except Exception as exc:
            log.warning("status not published: %s", exc)
            self._lease = None
        self.published.set()

    async def keep_status(self) -> None:
        """Refresh the lease; when it is gone, write the status again under a new one."""
        while True:
            await asyncio.sleep(self.settings.status_ttl_s / 3)
            try:
                if self._lease is None or await self.store.keepalive(self._lease) <= 0:
                    self._lease = None
                    await self.publish()
            except Exception as exc:
                log.warning("status lease not refreshed: %s", exc)
                self._lease = None

    async def stop(self) -> None:
        """Take the status key away (revoking its lease) and let go of etcd."""
        if self._lease is not None:
            lease, self._lease = self._lease, None
            await self.store.revoke(lease)
        await self.store.close()

    async def run(self) -> None:
        async with asyncio.TaskGroup() as tasks:
            tasks.create_task(self.watcher.run(), name="watch")
            tasks.create_task(self.apply_loop(), name="apply")
            tasks.create_task(self.keep_status(), name="status")
