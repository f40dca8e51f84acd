"""A write PostgreSQL rolled back as a deadlock's victim is run again, not answered 503."""

import httpx
import pytest
from fastapi import FastAPI, Request
from sqlalchemy.exc import DBAPIError

from backend.core.errors import install_error_handlers


class _Deadlock(Exception):  # what asyncpg raises carries the SQLSTATE like this
    sqlstate = "40P01"


def _app(failures: int) -> tuple[FastAPI, list[bytes]]:
    app = FastAPI()
    install_error_handlers(app)
    seen: list[bytes] = []

    @app.post("/write")
    async def write(request: Request) -> dict[str, int]:
        seen.append(await request.body())
        if len(seen) <= failures:
            raise DBAPIError("UPDATE containers ...", {}, _Deadlock())
        return {"attempts": len(seen)}

    @app.get("/read")
    async def read() -> None:
        raise DBAPIError("SELECT 1", {}, _Deadlock())

    return app, seen


async def _post(app: FastAPI, path: str = "/write") -> httpx.Response:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        return await client.post(path, content=b'{"replicas": 3}')


@pytest.mark.asyncio
async def test_a_rolled_back_write_runs_again_with_the_same_body() -> None:
    app, seen = _app(failures=2)
    response = await _post(app)
    assert response.status_code == 200
    assert response.json() == {"attempts": 3}
    assert seen == [b'{"replicas": 3}'] * 3


@pytest.mark.asyncio
async def test_a_write_that_keeps_losing_is_a_busy_problem_without_the_marker() -> None:
    app, seen = _app(failures=100)
    response = await _post(app)
    assert response.status_code == 503
    assert response.json()["type"] == "/problems/busy"
    assert response.headers["retry-after"] == "1"
    assert "x-dockyard-replayable" not in response.headers
    assert len(seen) == 4


@pytest.mark.asyncio
async def test_reads_are_not_replayed() -> None:
    app, _ = _app(failures=0)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        response = await client.get("/read")
    assert response.status_code == 503
    assert "x-dockyard-replayable" not in response.headers
