"""The agent's loops: one lease session at a time, Docker (re)connected inside it.

- lease session: grant a lease, claim the host key, keep the lease alive; ends on
  LeaseLost or an etcd error, and the next session starts with a new lease.
- docker loop (inside a session): full sync, then Docker events and a periodic resync
  until the engine goes away; while it is away the host record says docker_ok=false.
Every write goes through the GuardedWriter and only when the bytes changed.
"""

import asyncio
import logging
from pathlib import Path
from typing import Any

from agent import __version__, state
from agent.register import etcd_ca, etcd_credentials
from agent.runtime import DOCKER_DOWN, Runtime
from agent.settings import AgentSettings
from livestate import records
from livestate.backoff import Backoff
from livestate.keys import Layout
from livestate.store import EtcdError, EtcdStore, GuardedWriter, LeaseLost

log = logging.getLogger("dockyard.agent")
SKIPPED_ACTIONS = ("exec_create", "exec_start", "exec_die", "exec_detach")


class Agent:
    def __init__(self, settings: AgentSettings, host_id: str,
                 runtime: Runtime | None = None, store: EtcdStore | None = None):
        self.settings, self.host_id = settings, host_id
        self.runtime = runtime or Runtime(settings.docker_host)
        self.store = store or EtcdStore(*settings.etcd_host_port, *etcd_credentials(settings),
                                        ca_pem=etcd_ca(settings))
        layout = Layout(settings.prefix)
        self.host_key = layout.host(host_id)
        self.container_prefix = layout.host_containers(host_id)
        self.cache: dict[str, bytes] = {}
        self.lock = asyncio.Lock()
        self.stopping = asyncio.Event()
        self.writer: GuardedWriter | None = None
        self.info: dict[str, Any] = {}
        self.memory_free: int | None = None
        self.docker_ok = False

    # --- records -------------------------------------------------------------------

    def _host_value(self) -> bytes:
        total = int(self.info.get("MemTotal") or 0)
        now = state.read_mem_available(Path("/proc/meminfo").read_text())
        self.memory_free = state.memory_to_report(self.memory_free, now, total,
                                                  self.settings.memory_report_step)
        record = records.host_record(
            host_id=self.host_id, name=self.settings.name, address=self.settings.address,
            docker_endpoint=self.settings.docker_host, info=self.info,
            memory_free=self.memory_free, host_labels=self.settings.labels,
            agent_version=__version__)
        record["docker_ok"] = self.docker_ok
        return records.encode(record)

    async def _put_host(self) -> None:
        value = self._host_value()
        if self.writer and self.cache.get(self.host_key) != value:
            await self.writer.put_host(value)
            self.cache[self.host_key] = value

    async def _sync_container(self, docker_id: str) -> None:
        """Make etcd hold what Docker says now about one container (write on change)."""
        assert self.writer is not None
        key = self.container_prefix + docker_id
        async with self.lock:
            inspect = await self.runtime.inspect(docker_id)
            if inspect is None:
                if key in self.cache:
                    await self.writer.delete(key)
                    del self.cache[key]
                return
            value = records.encode(records.container_record(inspect))
            if self.cache.get(key) != value:
                await self.writer.put(key, value)
                self.cache[key] = value

    async def full_sync(self) -> None:
        assert self.writer is not None
        ids = await self.runtime.managed_ids()
        wanted = {self.container_prefix + i for i in ids}
        # Keys a previous incarnation left (or containers removed while we were away).
        # Kept keys are not trusted from etcd: the cache starts empty in each session,
        # so every key is rewritten under the current lease.
        stored, _ = await self.store.get_prefix(self.container_prefix)
        for key in sorted({kv.key for kv in stored} - wanted):
            async with self.lock:
                await self.writer.delete(key)
                self.cache.pop(key, None)
        for docker_id in ids:
            await self._sync_container(docker_id)
        await self._put_host()

    # --- loops -----------------------------------------------------------------------

    async def _keepalive(self, lease_id: int) -> None:
        interval = self.settings.lease_ttl_s / 3
        while True:
            await asyncio.sleep(interval)
            if await self.store.keepalive(lease_id) <= 0:
                raise LeaseLost("keep-alive found the lease gone")

    async def _events(self) -> None:
        async for event in self.runtime.events():
            action = str(event.get("Action", ""))
            docker_id = event.get("id") or (event.get("Actor") or {}).get("ID")
            if docker_id and not action.startswith(SKIPPED_ACTIONS):
                await self._sync_container(docker_id)
        raise ConnectionError("the Docker event stream ended")

    async def _resync_timer(self) -> None:
        while True:
            await asyncio.sleep(self.settings.resync_interval_s)
            await self.full_sync()

    async def _docker_loop(self) -> None:
        backoff = Backoff(max_s=self.settings.backoff_max_s)
        while True:
            try:
                self.info = await self.runtime.info()
                self.docker_ok = True
                await self._run_first_completed(self._events(), self._resync_timer(),
                                                self._sync_then_wait())
            except DOCKER_DOWN as exc:
                log.warning("docker unavailable: %s", exc)
            except ConnectionError as exc:
                log.warning("%s", exc)
            self.docker_ok = False
            await self._put_host()
            await self.runtime.close()
            await asyncio.sleep(backoff.next())

    async def _sync_then_wait(self) -> None:
        # Events are already subscribed (sibling task), so nothing falls between the two.
        await asyncio.sleep(0.05)
        await self.full_sync()
        await asyncio.Event().wait()

    @staticmethod
    async def _run_first_completed(*coros: Any) -> None:
        tasks = [asyncio.ensure_future(c) for c in coros]
        try:
            done, _ = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
            for task in done:
                task.result()
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

    async def _lease_session(self) -> None:
        lease_id = await self.store.grant(self.settings.lease_ttl_s)
        self.cache = {}
        try:
            self.info = await self.runtime.info()
            self.docker_ok = True
        except DOCKER_DOWN:
            self.docker_ok = False
        value = self._host_value()
        self.writer = await GuardedWriter.claim(self.store, self.host_key, value, lease_id)
        self.cache[self.host_key] = value
        log.info("host %s registered in etcd under lease %x", self.host_id, lease_id)
        try:
            await self._run_first_completed(self._keepalive(lease_id), self._docker_loop(),
                                            self.stopping.wait())
        finally:
            if self.stopping.is_set():
                # Clean shutdown: our keys vanish now rather than after the TTL.
                try:
                    await self.store.revoke(lease_id)
                except EtcdError:
                    log.warning("could not revoke lease on shutdown")

    async def run(self) -> None:
        backoff = Backoff(max_s=self.settings.backoff_max_s)
        while not self.stopping.is_set():
            try:
                await self._lease_session()
                backoff.reset()
            except LeaseLost as exc:
                log.warning("lease lost (%s); starting a new session", exc)
                await asyncio.sleep(backoff.next())
            except (EtcdError, OSError, TimeoutError) as exc:
                log.warning("etcd unavailable: %s", exc)
                await self.store.close()
                await asyncio.sleep(backoff.next())
        await self.runtime.close()
        await self.store.close()
