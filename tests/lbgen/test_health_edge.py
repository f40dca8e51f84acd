"""GET /health's `edge` entry, read from the lb status keys of a private etcd."""

import json
from collections.abc import AsyncIterator
from types import SimpleNamespace

import pytest

from backend.health.checks import _one
from livestate.keys import DEFAULT
from livestate.store import EtcdStore
from tests.private_services import Etcd


@pytest.fixture
async def store(private_etcd: Etcd) -> AsyncIterator[EtcdStore]:
    host, port = private_etcd.endpoint.split(":")
    s = EtcdStore(host, int(port))
    yield s
    await s.close()


async def edge(store: EtcdStore) -> str:
    return await _one("edge", SimpleNamespace(etcd=store), 5.0)


class TestEdgeCheck:
    async def test_down_without_lbgen(self, store: EtcdStore) -> None:
        assert await edge(store) == "down"

    async def test_up_then_config_rejected(self, store: EtcdStore) -> None:
        key = DEFAULT.lb_instance("one")
        status = {"generation": "g1", "routes_revision": 5, "last_error": None,
                  "config_rejected": False, "applied_at": 1.0}
        await store.raw_put(key, json.dumps(status).encode())
        assert await edge(store) == "up"
        status.update(config_rejected=True, last_error="config rejected: ...")
        await store.raw_put(DEFAULT.lb_instance("two"), json.dumps(status).encode())
        assert await edge(store) == "config rejected"
