"""Keeps a copy of every route in etcd: a read, then a watch from the next revision.

A watch that breaks or is compacted away starts over with a full read, so the copy
(and the config rendered from it) always converges to what a fresh start would see.
"""

from __future__ import annotations

import asyncio
import logging

from livestate.backoff import Backoff
from livestate.store import Compacted, EtcdStore

log = logging.getLogger("lbgen.watcher")


class RoutesWatcher:
    def __init__(self, store: EtcdStore, prefix: str, backoff: Backoff | None = None):
        self.store, self.prefix = store, prefix
        self.backoff = backoff or Backoff(0.1, 5.0)
        self.routes: dict[str, bytes] = {}
        self.revision = 0
        self.changed = asyncio.Event()  # set on every change; the service clears it
        self.reads = 0  # full reads so far (1 + recoveries)

    def snapshot(self) -> tuple[list[tuple[str, bytes]], int]:
        return sorted(self.routes.items()), self.revision

    async def read_all(self) -> None:
        items, revision = await self.store.get_prefix(self.prefix)
        self.routes = {kv.key: kv.value for kv in items}
        self.revision = revision
        self.reads += 1
        self.changed.set()

    async def follow(self) -> None:
        async for change in self.store.watch_prefix(self.prefix, self.revision + 1):
            if change.value is None:
                self.routes.pop(change.key, None)
            else:
                self.routes[change.key] = change.value
            self.revision = max(self.revision, change.revision)
            self.changed.set()
            self.backoff.reset()

    async def run(self) -> None:
        while True:
            try:
                await self.read_all()
                await self.follow()
                log.warning("routes watch ended; reading everything again")
            except asyncio.CancelledError:
                raise
            except Compacted:
                log.warning("routes watch compacted; reading everything again")
            except Exception as exc:
                delay = self.backoff.next()
                log.warning("routes watch lost (%s); again in %.2f s", exc, delay)
                # aetcd may never finish closing a client whose etcd went away; the
                # store drops it at once, so the next call connects anew regardless.
                await asyncio.wait({asyncio.ensure_future(self.store.close())}, timeout=2)
                await asyncio.sleep(delay)
