"""One-time registration with the control plane, using a cluster join token."""

import json
import os
from pathlib import Path
from typing import Any

from agent.settings import AgentSettings


def state_file(settings: AgentSettings) -> Path:
    return settings.state_dir / "host.json"


def load_host_id(settings: AgentSettings) -> str | None:
    if settings.host_id:
        return settings.host_id
    path = state_file(settings)
    if path.exists():
        return str(json.loads(path.read_text())["host_id"])
    return None


async def register(settings: AgentSettings) -> str:
    """Trade the join token for a host id and remember it; the token is not stored."""
    if not settings.api_url or not settings.join_token:
        raise SystemExit("no host id yet: set DOCKYARD_AGENT_API_URL and "
                         "DOCKYARD_AGENT_JOIN_TOKEN to register this host")
    # Imported here: a registered agent never needs it, and httpx (with the click, rich
    # and pygments its CLI pulls in when installed) costs ~6 MB of RSS for life.
    import httpx

    body: dict[str, Any] = {"token": settings.join_token, "name": settings.name,
                            "address": settings.address,
                            "docker_endpoint": settings.docker_host, "labels": settings.labels}
    async with httpx.AsyncClient(timeout=15) as client:
        r = await client.post(settings.api_url.rstrip("/") + "/api/v1/hosts/register", json=body)
    if r.status_code != 201:
        detail = r.json().get("detail") if r.headers.get("content-type", "").endswith("json") \
            else r.text
        raise SystemExit(f"registration refused ({r.status_code}): {detail}")
    host_id = str(r.json()["host_id"])
    path = state_file(settings)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps({"host_id": host_id, "name": settings.name}))
    os.replace(tmp, path)
    return host_id
