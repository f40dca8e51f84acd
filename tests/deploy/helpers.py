"""Small helpers for driving deployments through the live API."""

from collections import Counter
from typing import Any

import httpx

from backend.core.config import BackendSettings
from tests.deploy.conftest import wait_for
from tests.factories import uniq

IMAGE = BackendSettings().registry_url.removeprefix("http://") + "/library/busybox:1.35"


def make_app(client: httpx.Client, group: str) -> str:
    r = client.post(f"/groups/{group}/apps", json={"name": uniq("app")})
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


def make_version(client: httpx.Client, app: str, text: str, *, health_path: str = "/",
                 memory_mb: int = 32) -> int:
    """A busybox web server answering `text` at /, with an HTTP health check."""
    r = client.post(f"/apps/{app}/versions", json={
        "image": IMAGE, "memory_mb": memory_mb, "ports": [{"container_port": 8080}],
        "env": {"TEXT": text},
        "command": ["sh", "-c", 'echo "$TEXT" > /www/index.html && echo "started $TEXT" '
                    '&& exec httpd -f -p 8080 -h /www'],
        "health_check": {"type": "http", "path": health_path, "interval_s": 1, "timeout_s": 1,
                         "retries": 2}})
    assert r.status_code == 201, r.text
    return int(r.json()["number"])


def live(client: httpx.Client, app: str) -> list[dict[str, Any]]:
    return list(client.get(f"/apps/{app}/containers", params={"limit": 500}).json()["items"])


def serving(client: httpx.Client, app: str, count: int, version: int | None = None,
            limit_s: float = 60) -> list[dict[str, Any]]:
    """Wait until exactly `count` containers live and all serve (of `version`, if given)."""

    seen: list[dict[str, Any]] = []

    def check() -> list[dict[str, Any]] | None:
        seen[:] = live(client, app)
        ok = [c for c in seen if c["serving"] and (version is None or c["version"] == version)]
        return seen if len(seen) == count and len(ok) == count else None

    try:
        return list(wait_for(check, limit_s))
    except AssertionError as exc:
        summary = Counter((c["version"], c["state"], c["health"], c["serving"],
                           c["last_error"][:80]) for c in seen)
        raise AssertionError(f"wanted {count} serving; have {dict(summary)}") from exc


def per_host(containers: list[dict[str, Any]]) -> dict[str, int]:
    return dict(Counter(c["host_name"] for c in containers))


def job_done(client: httpx.Client, job_id: str, limit_s: float = 120) -> dict[str, Any]:
    def check() -> dict[str, Any] | None:
        job = client.get(f"/jobs/{job_id}").json()
        return job if job["state"] in ("succeeded", "failed") else None

    return dict(wait_for(check, limit_s, every_s=0.5))


def scale_to_zero(client: httpx.Client, app: str, cluster: str) -> None:
    client.post(f"/apps/{app}/scale", json={"cluster_id": cluster, "replicas": 0})
    wait_for(lambda: not live(client, app), 60)
