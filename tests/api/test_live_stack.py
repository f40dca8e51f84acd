"""The live API and a real arq worker against the real test stack."""

import asyncio
import time
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from arq import create_pool
from arq.connections import RedisSettings
from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine

from backend.core.config import BackendSettings
from backend.models import Job
from backend.worker import requeue_stale
from tests.conftest import Live
from tests.factories import uniq


def _wait_job(live: Live, headers: dict[str, str], job_id: str, limit_s: float = 20) -> Any:
    end = time.monotonic() + limit_s
    while time.monotonic() < end:
        job = httpx.get(live.api(f"/jobs/{job_id}"), headers=headers).json()
        if job["state"] in ("succeeded", "failed"):
            return job
        time.sleep(0.2)
    raise AssertionError(f"job {job_id} still {job['state']} after {limit_s}s")


def test_health_reports_every_dependency_up(live: Live) -> None:
    end, body = time.monotonic() + 15, {}
    while time.monotonic() < end:  # the worker's first heartbeat may take a moment
        r = httpx.get(live.api("/health"))
        body = r.json()
        if r.status_code == 200:
            break
        time.sleep(0.5)
    assert body["status"] == "ok", body
    assert set(body["checks"]) == {"database", "redis", "worker", "etcd", "registry", "docker",
                                   "nginx", "edge"}


class TestHostProbeJob:
    def _cluster(self, live: Live, headers: dict[str, str]) -> str:
        r = httpx.post(live.api("/clusters"), json={"name": uniq("pub")}, headers=headers)
        assert r.status_code == 201, r.text
        return str(r.json()["id"])

    def test_probe_marks_a_real_engine_ready(self, live: Live, admin_token: str,
                                             settings: BackendSettings) -> None:
        h = {"Authorization": f"Bearer {admin_token}"}
        cluster = self._cluster(live, h)
        r = httpx.post(live.api(f"/clusters/{cluster}/hosts"), headers=h, json={
            "name": uniq("h"), "address": "127.0.2.1", "docker_endpoint": settings.docker_host})
        assert r.status_code == 201 and r.json()["status"] == "NotReady"
        host = r.json()["id"]
        end = time.monotonic() + 20
        while time.monotonic() < end:
            got = httpx.get(live.api(f"/hosts/{host}"), headers=h).json()
            if got["status"] == "Ready":
                break
            time.sleep(0.2)
        assert got["status"] == "Ready", got
        assert got["facts"]["engine_version"].startswith("20.")
        assert got["facts"]["memory_total"] > 0

    def test_unreachable_engine_fails_the_job_visibly(self, live: Live, admin_token: str,
                                                      db_url: str) -> None:
        h = {"Authorization": f"Bearer {admin_token}"}
        cluster = self._cluster(live, h)
        r = httpx.post(live.api(f"/clusters/{cluster}/hosts"), headers=h, json={
            "name": uniq("h"), "address": "127.0.2.1", "docker_endpoint": "tcp://127.0.0.1:1"})
        host = r.json()["id"]
        job = asyncio.run(_job_for(db_url, host))
        done = _wait_job(live, h, job)
        assert done["state"] == "failed"
        assert "No Docker engine answered" in done["message"]
        assert httpx.get(live.api(f"/hosts/{host}"), headers=h).json()["status"] == "NotReady"


async def _job_for(db_url: str, host_id: str) -> str:
    from sqlalchemy import select

    engine = create_async_engine(db_url)
    async with async_sessionmaker(engine)() as s:
        job_id = await s.scalar(select(Job.id).where(Job.target_id == host_id))
    await engine.dispose()
    return str(job_id)


def test_lost_message_is_requeued_and_run_once(live: Live, admin_token: str, db_url: str,
                                               settings: BackendSettings) -> None:
    """A job whose arq message never left (Redis down at commit) still runs, once."""

    async def scenario() -> str:
        engine = create_async_engine(db_url)
        maker = async_sessionmaker(engine, expire_on_commit=False)
        async with maker() as s:
            job = Job(kind="hosts.probe", payload={"host_id": str(uuid.UUID(int=0))},
                      created_at=datetime.now(UTC) - timedelta(minutes=5))
            s.add(job)
            await s.commit()
        redis = await create_pool(RedisSettings.from_dsn(settings.redis_url),
                                  default_queue_name=live.env["DOCKYARD_JOB_QUEUE_NAME"])
        ctx = {"sessionmaker": maker, "redis": redis}
        assert await requeue_stale(ctx) >= 1
        await redis.aclose()
        await engine.dispose()
        return str(job.id)

    job_id = asyncio.run(scenario())
    h = {"Authorization": f"Bearer {admin_token}"}
    done = _wait_job(live, h, job_id)
    # Its host does not exist: the job fails with a message, and only one attempt ran.
    assert done["state"] == "failed" and "removed" in done["message"]
    assert done["attempts"] == 1
