"""Join tokens, host registration, and the one-command installer they feed."""

import io
import tarfile
import uuid
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

import agent
import livestate
from backend.clusters.service import get_cluster
from backend.core import events, jobs
from backend.core.errors import Unauthorized
from backend.core.security import hash_token, new_token
from backend.hosts import endpoint_rules
from backend.hosts.errors import HostEndpointRefused, HostEndpointTaken, HostNameTaken
from backend.models import Cluster, Host, HostStatus, JoinToken, User

AGENT_REQUIREMENTS = ("aiodocker", "aetcd")


async def create_join_token(session: AsyncSession, user: User, cluster_id: uuid.UUID,
                            expires_in_s: int, max_uses: int | None) -> tuple[str, JoinToken]:
    cluster = await get_cluster(session, user, cluster_id, manage=True)
    secret = new_token()
    token = JoinToken(cluster_id=cluster.id, token_hash=hash_token(secret), prefix=secret[:8],
                      max_uses=max_uses, created_by=user.id,
                      expires_at=datetime.now(UTC) + timedelta(seconds=expires_in_s))
    session.add(token)
    await session.flush()
    events.record(session, user, "cluster.join_token", "cluster", cluster.id,
                  group_id=cluster.group_id, max_uses=max_uses, expires_in_s=expires_in_s)
    return secret, token


async def check_join_token(session: AsyncSession, secret: str) -> JoinToken:
    """A usable token, or 401 saying why (the reason leaks nothing without the secret)."""
    token = (await session.execute(select(JoinToken).where(
        JoinToken.token_hash == hash_token(secret)))).scalar_one_or_none()
    if token is None or token.revoked_at is not None:
        raise Unauthorized("The join token is not valid.")
    if token.expires_at <= datetime.now(UTC):
        raise Unauthorized("The join token has expired; ask for a new one.")
    if token.max_uses is not None and token.uses >= token.max_uses:
        raise Unauthorized("The join token has been used already.")
    return token


async def check_target(session: AsyncSession, *, admin: bool, address: str,
                       docker_endpoint: str) -> None:
    """The endpoint and address rules (endpoint_rules); for groups, both unique."""
    error = (endpoint_rules.address_error(address, admin=admin)
             or endpoint_rules.endpoint_error(docker_endpoint, address, admin=admin))
    if error:
        raise HostEndpointRefused(error[0].upper() + error[1:] + ".")
    # A group may not claim an engine or address another host has (it would steer that
    # host's containers or traffic). Platform admins are trusted to, e.g. to put one
    # engine of this machine in two clusters.
    taken = not admin and await session.scalar(select(Host.id).where(
        (Host.docker_endpoint == docker_endpoint) | (Host.address == address)))
    if taken:
        raise HostEndpointTaken("Another host is registered with that docker_endpoint or "
                                "address.")


async def register_host(session: AsyncSession, secret: str, *, name: str, address: str,
                        docker_endpoint: str, labels: dict[str, str]) -> Host:
    token = await check_join_token(session, secret)
    creator = await session.get(User, token.created_by) if token.created_by else None
    await check_target(session, admin=bool(creator and creator.is_admin), address=address,
                       docker_endpoint=docker_endpoint)
    # Consume atomically: two hosts racing on a single-use token cannot both get in.
    used = await session.execute(
        update(JoinToken).where(JoinToken.id == token.id,
                                (JoinToken.max_uses.is_(None))
                                | (col(JoinToken.uses) < col(JoinToken.max_uses)))
        .values(uses=JoinToken.uses + 1).returning(JoinToken.id))
    if used.first() is None:
        raise Unauthorized("The join token has been used already.")
    if await session.scalar(select(Host.id).where(Host.name == name)):
        raise HostNameTaken(f"A host named {name!r} exists already.")
    cluster = await session.get(Cluster, token.cluster_id)
    assert cluster is not None
    host = Host(cluster_id=cluster.id, name=name, address=address,
                docker_endpoint=docker_endpoint, labels=labels, status=HostStatus.not_ready)
    session.add(host)
    await session.flush()
    events.record(session, None, "host.register", "host", host.id, group_id=cluster.group_id,
                  cluster=cluster.name, name=name, token=token.prefix)
    if docker_endpoint.startswith("https://"):
        # The worker checks it can reach the engine over TLS once the host has it.
        jobs.schedule(session, kind="hosts.probe", payload={"host_id": str(host.id)},
                      group_id=cluster.group_id, created_by=None, target_type="host",
                      target_id=str(host.id))
    return host


@lru_cache(maxsize=1)
def agent_source() -> bytes:
    """The agent and the live-state package it imports, as a .tar.gz, built once from the
    code this server runs."""
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tar:
        for package in (agent, livestate):
            root = Path(package.__file__ or "").parent
            for path in sorted(root.rglob("*.py")):
                arcname = str(Path(root.name) / path.relative_to(root))
                info = tar.gettarinfo(str(path), arcname=arcname)
                info.mtime, info.uid, info.gid, info.uname, info.gname = 0, 0, 0, "", ""
                with path.open("rb") as fh:
                    tar.addfile(info, fh)
    return buf.getvalue()


def pinned_requirements() -> list[str]:
    return [f"{name}=={metadata.version(name)}" for name in AGENT_REQUIREMENTS]
