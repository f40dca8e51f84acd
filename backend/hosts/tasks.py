"""Worker jobs of the hosts domain."""

import logging
import uuid
from datetime import UTC, datetime
from typing import Any

import aiodocker
import aiohttp
from sqlalchemy.ext.asyncio import AsyncSession

from backend.core.worker_jobs import JobFailed, run_job
from backend.models import Host, HostStatus, Job

PROBE_TIMEOUT_S = 10
log = logging.getLogger(__name__)


async def _probe(ctx: dict[str, Any], session: AsyncSession, job: Job) -> dict[str, Any]:
    host = await session.get(Host, uuid.UUID(job.payload["host_id"]))
    if host is None:
        raise JobFailed("the host was removed before it could be probed")
    try:
        docker = ctx["docker"].get(host.docker_endpoint)  # TLS for https:// engines
        info = await docker.system.info()
    except (aiodocker.DockerError, aiohttp.ClientError, OSError, TimeoutError,
            LookupError) as exc:
        host.status = HostStatus.not_ready
        await session.commit()
        # What a foreign service answered stays in our log: the job's message is read by
        # the group, and must not make the worker a port scanner for it.
        log.warning("probe of host %s at %s failed: %s", host.id, host.docker_endpoint, exc)
        raise JobFailed(f"No Docker engine answered at {host.docker_endpoint}.") from exc
    host.facts = {"engine_version": info.get("ServerVersion"), "cpus": info.get("NCPU"),
                  "memory_total": info.get("MemTotal"), "os": info.get("OperatingSystem"),
                  "kernel": info.get("KernelVersion")}
    host.status, host.last_seen_at = HostStatus.ready, datetime.now(UTC)
    return {"engine_version": host.facts["engine_version"]}


async def probe_host(ctx: dict[str, Any], job_id: str) -> str:
    """Ask a host's Docker engine for its facts and mark the host Ready."""
    return await run_job(ctx, job_id, _probe)


JOBS = [("hosts.probe", probe_host)]
