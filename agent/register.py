"""One-time registration with the control plane, using a cluster join token."""

import json
import os
from pathlib import Path
from typing import Any

import aiohttp

from agent.settings import AgentSettings


def state_file(settings: AgentSettings) -> Path:
    return settings.state_dir / "host.json"


def etcd_file(settings: AgentSettings) -> Path:
    return settings.state_dir / "etcd.json"


def etcd_credentials(settings: AgentSettings) -> tuple[str | None, str | None]:
    """The host's own etcd user: from settings, else as issued at registration."""
    if settings.etcd_username and settings.etcd_password_file:
        password = settings.etcd_password_file.read_text().strip()
        return settings.etcd_username, password
    path = etcd_file(settings)
    if path.exists():
        saved = json.loads(path.read_text())
        return str(saved["username"]), str(saved["password"])
    return None, None


def write_private(path: Path, text: str) -> None:
    """Mode 600 from the first byte, replaced atomically."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(text)
    os.replace(tmp, path)


def etcd_ca(settings: AgentSettings) -> bytes | None:
    """The CA to check etcd's TLS certificate with, when etcd is reached over TLS."""
    if settings.etcd_ca_file:
        return settings.etcd_ca_file.read_bytes()
    path = etcd_file(settings)
    if path.exists() and (ca := json.loads(path.read_text()).get("ca_pem")):
        return str(ca).encode()
    return None


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
    endpoint = settings.engine_url or settings.docker_host
    body: dict[str, Any] = {"token": settings.join_token, "name": settings.name,
                            "address": settings.address, "docker_endpoint": endpoint,
                            "tls": endpoint.startswith("https://"), "labels": settings.labels}
    url = settings.api_url.rstrip("/") + "/api/v1/hosts/register"
    # aiohttp comes with aiodocker: the agent needs no HTTP client of its own.
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=15)) as http, \
            http.post(url, json=body) as r:
        text = await r.text()
        if r.status != 201:
            try:
                detail = json.loads(text).get("detail", text)
            except ValueError:
                detail = text
            raise SystemExit(f"registration refused ({r.status}): {detail}")
        answer = json.loads(text)
        host_id = str(answer["host_id"])
    if answer.get("tls"):
        save_tls(settings, answer["tls"])
    etcd = answer.get("etcd") or {}
    if etcd.get("username"):
        write_private(etcd_file(settings), json.dumps(
            {"username": etcd["username"], "password": etcd["password"],
             "ca_pem": etcd.get("ca_pem")}))
    write_private(state_file(settings), json.dumps({"host_id": host_id,
                                                     "name": settings.name}))
    return host_id


def save_tls(settings: AgentSettings, tls: dict[str, str]) -> None:
    """The engine's certificates, for dockerd --tlsverify (install.sh wires them in)."""
    directory = settings.state_dir / "tls"
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    for name, field in (("ca.pem", "ca_pem"), ("server-cert.pem", "cert_pem"),
                        ("server-key.pem", "key_pem")):
        fd = os.open(directory / name, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(tls[field])
