"""The agent against real etcd and a real Docker engine."""

import asyncio
import json
import signal
import time

from livestate.store import EtcdStore
from tests.agent.conftest import Containers, apoll


def host_key(prefix: str, host_id: str) -> str:
    return f"{prefix}/hosts/{host_id}"


def container_key(prefix: str, host_id: str, docker_id: str) -> str:
    return f"{prefix}/containers/{host_id}/{docker_id}"


async def record(etcd: EtcdStore, key: str) -> dict | None:
    kv = await etcd.get(key)
    return json.loads(kv.value) if kv else None


class TestReporting:
    async def test_host_reported_within_2s(self, start_agent, etcd, prefix) -> None:
        agent = start_agent()
        host, took = await apoll(lambda: record(etcd, host_key(prefix, agent.host_id)), 5)
        assert took < 2.0, f"host key after {took:.2f}s"
        assert host["docker_ok"] is True and host["engine_version"].startswith("20.")
        assert host["memory_total"] > 0 and host["cpus"] >= 1 and host["agent_version"]

    async def test_labelled_container_start_stop_remove_within_1s(
            self, start_agent, etcd, prefix, containers: Containers) -> None:
        agent = start_agent()
        await apoll(lambda: etcd.get(host_key(prefix, agent.host_id)), 5)
        docker_id = await containers.run(**{"dockyard.app": "app-1"})
        key = container_key(prefix, agent.host_id, docker_id)

        async def state(want: str) -> bool:
            rec = await record(etcd, key)
            return rec is not None and rec["state"] == want

        _, took = await apoll(lambda: state("running"), 3)
        assert took < 1.0, f"start seen after {took:.2f}s"
        rec = await record(etcd, key)
        assert rec["labels"]["dockyard.app"] == "app-1"
        await (await containers.docker.containers.get(docker_id)).stop(t=1)
        _, took = await apoll(lambda: state("exited"), 5)
        assert took < 1.0, f"stop seen after {took:.2f}s"
        await containers.remove(docker_id)

        async def gone() -> bool:
            return await etcd.get(key) is None

        _, took = await apoll(gone, 3)
        assert took < 1.0

    async def test_unlabelled_containers_are_not_reported(self, start_agent, etcd, prefix,
                                                          containers: Containers) -> None:
        agent = start_agent(resync=0.5)
        await apoll(lambda: etcd.get(host_key(prefix, agent.host_id)), 5)
        unmanaged = await containers.run(managed=False)
        ours = await containers.run()
        await apoll(lambda: etcd.get(container_key(prefix, agent.host_id, ours)), 3)
        await asyncio.sleep(1.0)  # two resyncs
        keys, _ = await etcd.get_prefix(f"{prefix}/containers/{agent.host_id}/")
        reported = {k.key.rsplit("/", 1)[1] for k in keys}
        assert ours in reported and unmanaged not in reported

    async def test_idle_agent_only_keeps_its_lease_alive(self, start_agent, etcd, prefix,
                                                         containers: Containers) -> None:
        agent = start_agent(resync=0.2)
        ours = [await containers.run() for _ in range(3)]
        keys = {host_key(prefix, agent.host_id),
                *(container_key(prefix, agent.host_id, docker_id) for docker_id in ours)}

        async def revisions() -> dict[str, int]:
            # Only the host's key and our three: other managed containers on this shared
            # engine (another test's, with a health check) change on their own.
            items, _ = await etcd.get_prefix(prefix + "/")
            return {k.key: k.mod_revision for k in items if k.key in keys}

        # Containers settle on their own time (starting, then running; slower on a busy
        # machine): wait until one quiet second, bounded. An agent that rewrote its keys on
        # every resync (0.2 s) would never get there.
        deadline, before = time.monotonic() + 30, await revisions()
        while True:
            await asyncio.sleep(1.0)
            now = await revisions()
            if now == before and len(now) == 4:
                break
            assert time.monotonic() < deadline, f"the agent kept rewriting its keys: {now}"
            before = now
        await asyncio.sleep(2.0)  # ten resyncs and several keep-alives
        assert await revisions() == before
        assert agent.proc.poll() is None

    async def test_clean_shutdown_revokes_the_lease(self, start_agent, etcd, prefix,
                                                    containers: Containers) -> None:
        agent = start_agent(ttl=30)
        await containers.run()
        await apoll(lambda: etcd.get(host_key(prefix, agent.host_id)), 5)
        agent.signal(signal.SIGTERM)
        agent.proc.wait(timeout=5)

        async def empty() -> bool:
            return not (await etcd.get_prefix(prefix + "/"))[0]

        _, took = await apoll(empty, 2)
        assert took < 1.0  # not the 30 s TTL


class TestFailures:
    async def test_killed_agent_disappears_within_ttl(self, start_agent, etcd, prefix) -> None:
        ttl = 3
        agent = start_agent(ttl=ttl)
        key = host_key(prefix, agent.host_id)
        await apoll(lambda: etcd.get(key), 5)
        agent.signal(signal.SIGKILL)

        async def gone() -> bool:
            return await etcd.get(key) is None

        _, took = await apoll(gone, ttl + 3, every_s=0.1)
        assert took <= ttl + 2

    async def test_paused_past_ttl_writes_nothing_stale(self, start_agent, etcd, prefix,
                                                        containers: Containers) -> None:
        ttl = 2
        agent = start_agent(ttl=ttl)
        old = await containers.run()
        old_key = container_key(prefix, agent.host_id, old)
        await apoll(lambda: etcd.get(old_key), 5)
        agent.signal(signal.SIGSTOP)

        async def expired() -> bool:
            return not (await etcd.get_prefix(prefix + "/"))[0]

        await apoll(expired, ttl + 3, every_s=0.1)
        # While it sleeps the world moves on: its container is removed, another starts.
        await containers.remove(old)
        new = await containers.run()
        _, revision = await etcd.get_prefix(prefix + "/")
        seen: list[tuple[str, bytes | None]] = []

        async def watch() -> None:
            async for change in etcd.watch_prefix(prefix + "/", revision + 1):
                seen.append((change.key, change.value))

        watcher = asyncio.create_task(watch())
        agent.signal(signal.SIGCONT)
        await apoll(lambda: etcd.get(container_key(prefix, agent.host_id, new)), 8)
        await asyncio.sleep(0.5)
        watcher.cancel()
        assert all(key != old_key for key, _ in seen), "a stale container was written back"
        assert await etcd.get(old_key) is None
        host = await record(etcd, host_key(prefix, agent.host_id))
        assert host is not None and host["docker_ok"] is True
