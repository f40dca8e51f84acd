"""Dependency probes for GET /health: each bounded in time, all run at once."""

import asyncio
import json
from collections.abc import Awaitable, Callable
from typing import Any

import httpx
from sqlalchemy import text

from backend.core.config import BackendSettings
from livestate.keys import DEFAULT


async def _database(state: Any) -> None:
    async with state.engine.connect() as conn:
        await conn.execute(text("SELECT 1"))


async def _redis(state: Any) -> None:
    await state.redis.ping()


async def _worker(state: Any) -> None:
    # arq refreshes this key every health_check_interval; it expires when no worker runs.
    key = state.settings.job_queue_name + ":health-check"
    if not await state.redis.exists(key):
        raise RuntimeError("no worker heartbeat")


async def _etcd(state: Any) -> None:
    await state.etcd.ping()


async def _registry(state: Any) -> None:
    response = await state.http.get(state.settings.registry_url + "/v2/")
    if response.status_code not in (200, 401):
        raise RuntimeError(response.status_code)


async def _docker(state: Any) -> None:
    await state.docker.get(state.settings.docker_host).version()


class CheckFailed(Exception):
    """A check that knows better than "down" what is wrong (its message is the state)."""


async def _edge(state: Any) -> None:
    """Every lbgen publishes its status under a lease; none means no lbgen runs."""
    items, _ = await state.etcd.get_prefix(DEFAULT.lb_status)
    if not items:
        raise CheckFailed("down")
    for item in items:
        if json.loads(item.value).get("config_rejected"):
            raise CheckFailed("config rejected")


async def _nginx(state: Any) -> None:
    response = await state.http.get(state.settings.nginx_url + "/nginx-health")
    response.raise_for_status()


CHECKS: dict[str, Callable[[Any], Awaitable[None]]] = {
    "database": _database, "redis": _redis, "worker": _worker, "etcd": _etcd,
    "registry": _registry, "docker": _docker, "nginx": _nginx, "edge": _edge,
}


async def _one(name: str, state: Any, limit_s: float) -> str:
    try:
        async with asyncio.timeout(limit_s):
            await CHECKS[name](state)
    except CheckFailed as exc:
        return str(exc)
    except (Exception, TimeoutError):
        return "down"
    return "up"


async def run_checks(state: Any) -> dict[str, str]:
    settings: BackendSettings = state.settings
    names = list(CHECKS)
    results = await asyncio.gather(*(_one(n, state, settings.health_timeout_s) for n in names))
    return dict(zip(names, results, strict=True))


def http_client() -> httpx.AsyncClient:
    return httpx.AsyncClient(timeout=2.0)
