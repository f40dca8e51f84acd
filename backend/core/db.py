"""Database engine and the per-request session that commits once, before the response."""

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from backend.core.config import BackendSettings

# Deadlock victim, serialization failure: PostgreSQL rolled the transaction back whole.
ROLLED_BACK_WHOLE = frozenset({"40P01", "40001"})


def sqlstate(exc: DBAPIError) -> str:
    orig = exc.orig
    return str(getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None) or "")


def lost_to_concurrent_work(exc: BaseException) -> bool:
    """True when running the same transaction again may well succeed."""
    return isinstance(exc, DBAPIError) and sqlstate(exc) in ROLLED_BACK_WHOLE


def make_engine(settings: BackendSettings) -> AsyncEngine:
    # A pool that never shrinks under load: overflow connections are closed on return,
    # and each new asyncpg connection costs a handshake plus type introspection, which
    # under 50 concurrent clients cost more than the queries themselves (bench/api.py).
    return create_async_engine(settings.database_url, pool_size=settings.db_pool_size,
                               max_overflow=settings.db_pool_overflow, pool_recycle=1800,
                               pool_timeout=settings.db_pool_timeout_s)


def make_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False)


async def get_session(request: Request) -> AsyncIterator[AsyncSession]:
    """One session per request; commit after the handler returns, before the response.

    Declared with scope="function" so the commit runs before FastAPI sends the response:
    a failed commit becomes an error response, never a 2xx for lost data. Jobs the
    handler scheduled are enqueued only after the commit succeeded.
    """
    maker: async_sessionmaker[AsyncSession] = request.app.state.sessionmaker
    async with maker() as session:
        try:
            yield session
        except BaseException:
            await session.rollback()
            raise
        await session.commit()
        await request.app.state.jobs.flush_after_commit(session)


SessionDep = Annotated[AsyncSession, Depends(get_session, scope="function")]
