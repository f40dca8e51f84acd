"""Clusters and join tokens from the command line, acting as the platform admin `admin`.

Inputs go through the API's own schemas, and the work through the same services the
API calls, so a script gets exactly what a person clicking would (limits, events).
"""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from backend.clusters.schemas import ClusterCreate
from backend.clusters.service import create_cluster
from backend.core.config import get_settings
from backend.core.db import make_engine, make_sessionmaker
from backend.hosts.onboarding import create_join_token
from backend.hosts.schemas import JoinTokenCreate
from backend.models import Cluster, User
from backend.users.service import find_by_username

ADMIN = "admin"


class CliError(Exception):
    """A refusal to print on stderr (exit status 1)."""


def _first_error(exc: ValidationError) -> str:
    err = exc.errors()[0]
    return f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}"


@asynccontextmanager
async def admin_session() -> AsyncIterator[tuple[AsyncSession, User]]:
    """A session acting as `admin`, committed once the block succeeds."""
    engine = make_engine(get_settings())
    try:
        async with make_sessionmaker(engine)() as session:
            admin = await find_by_username(session, ADMIN)
            if admin is None or not admin.is_admin or not admin.is_active:
                raise CliError(f"no active platform admin {ADMIN!r}: run ensure-admin first")
            yield session, admin
            await session.commit()
    finally:
        await engine.dispose()


async def find_cluster(session: AsyncSession, name: str) -> Cluster | None:
    return (await session.execute(select(Cluster).where(Cluster.name == name))
            ).scalar_one_or_none()


async def ensure_cluster(name: str) -> None:
    """Create the public cluster `name` unless it exists; print its id either way."""
    try:
        ClusterCreate(name=name)
    except ValidationError as exc:
        raise CliError(_first_error(exc)) from None
    async with admin_session() as (session, admin):
        cluster = await find_cluster(session, name)
        if cluster is None:
            cluster = await create_cluster(session, admin, name, "", None)
        elif cluster.group_id is not None:
            raise CliError(f"cluster {name!r} exists but is private to a group")
    print(cluster.id)


async def join_token(cluster_name: str, uses: int | None, ttl_s: int) -> None:
    """Print a new join token of the cluster (only once it is committed)."""
    try:
        body = JoinTokenCreate(expires_in_s=ttl_s, max_uses=uses)
    except ValidationError as exc:
        raise CliError(_first_error(exc)) from None
    async with admin_session() as (session, admin):
        cluster = await find_cluster(session, cluster_name)
        if cluster is None:
            raise CliError(f"no cluster named {cluster_name!r}")
        secret, _ = await create_join_token(session, admin, cluster.id, body.expires_in_s,
                                            body.max_uses)
    print(secret)
