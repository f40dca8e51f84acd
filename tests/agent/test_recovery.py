"""The agent survives its etcd and its Docker engine restarting, without a restart itself.

Both run privately here (own etcd data dir, own dockerd with its own bridge), so
restarting them disturbs no other test.
"""

import asyncio
import json

import aiodocker

from livestate.store import EtcdStore
from tests.agent.conftest import Containers, apoll
from tests.private_services import Dockerd, Etcd


async def host_record(etcd: EtcdStore, key: str) -> dict | None:
    kv = await etcd.get(key)
    return json.loads(kv.value) if kv else None


async def test_survives_etcd_restart(start_agent, private_etcd: Etcd, prefix: str,
                                     containers: Containers) -> None:
    store = EtcdStore("127.0.0.1", private_etcd.port)
    agent = start_agent(ttl=3, etcd_endpoint=private_etcd.endpoint)
    key = f"{prefix}/hosts/{agent.host_id}"
    await apoll(lambda: store.get(key), 5)
    private_etcd.stop()
    await store.close()
    during = await containers.run()  # happens while etcd is down
    await asyncio.sleep(2)
    private_etcd.start()
    try:
        await apoll(lambda: store.get(f"{prefix}/containers/{agent.host_id}/{during}"), 15)
        assert await store.get(key) is not None
        assert agent.proc.poll() is None, "the agent must not have exited"
    finally:
        await store.close()


async def test_survives_dockerd_restart(start_agent, private_dockerd: Dockerd, prefix: str,
                                        etcd: EtcdStore, image: str) -> None:
    agent = start_agent(ttl=3, docker_host=private_dockerd.url)
    key = f"{prefix}/hosts/{agent.host_id}"
    await apoll(lambda: etcd.get(key), 5)
    private_dockerd.stop()

    async def docker_down() -> bool:
        rec = await host_record(etcd, key)
        return rec is not None and rec["docker_ok"] is False

    await apoll(docker_down, 10, every_s=0.1)  # the host stays, saying its engine is away
    private_dockerd.start()

    async def docker_up() -> bool:
        rec = await host_record(etcd, key)
        return rec is not None and rec["docker_ok"] is True

    await apoll(docker_up, 15, every_s=0.1)
    docker = aiodocker.Docker(url=private_dockerd.url)
    made = Containers(docker, image)
    try:
        await made.pull()
        docker_id = await made.run()
        await apoll(lambda: etcd.get(f"{prefix}/containers/{agent.host_id}/{docker_id}"), 5)
        assert agent.proc.poll() is None
    finally:
        await made.cleanup()
        await docker.close()
