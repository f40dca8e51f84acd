"""A build's log over HTTP (the whole text so far) and over a websocket (the lines so far,
then the live tail, then the final status).

While a build runs its lines are in a Redis stream (builder/logs.py); when it ends the
builder writes Build.log (the last 2 MiB) before the stream's end entry, so a reader that
saw the end always finds the text in the database.

Websocket protocol (`/builds/{id}/log/stream`): the client's first message is
`{"type": "auth", "token": …}` within 5 s; then the server sends
`{"type": "lines", "lines": [...]}` frames (lines without their newline) and finally
`{"type": "end", "status": …}` and closes with 1000. Close codes: 4401 no or bad token,
4403 origin not allowed, 4404 no such build or not readable by the caller.
"""

import asyncio
import contextlib
import json
import logging
import uuid
from typing import Any

from fastapi import Request, WebSocket, WebSocketDisconnect
from fastapi.responses import PlainTextResponse
from pydantic import BaseModel, ValidationError
from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from backend.builds import service
from backend.builds.errors import BuildNotFound
from backend.core.auth import CurrentUser
from backend.core.db import SessionDep
from backend.core.errors import problem_responses
from backend.core.routing import make_router
from backend.core.websockets import Refused, serve
from backend.models import Build, BuildStatus
from backend.terminal.access import TokenCredential
from backend.terminal.router import origin_allowed
from builder.logs import read_since

AUTH_TIMEOUT_S = 5.0
BLOCK_MS = 1000  # one XREAD wait; new lines wake it at once
STATUS_EVERY_S = 2.0  # how often a waiting reader asks the database whether it ended
FRAME_LINES = 2000
log = logging.getLogger(__name__)
router = make_router("builds", responses=problem_responses(401, 404))


class AuthMessage(BaseModel):
    type: str
    token: str


@router.get("/builds/{build_id}/log", name="log", response_model=None,
            responses={200: {"content": {"text/plain": {}}}})
async def build_log(request: Request, session: SessionDep, user: CurrentUser,
                    build_id: uuid.UUID) -> PlainTextResponse:
    """The build's whole log so far, as text (kept after the build)."""
    build, _ = await service.get_build(session, user, build_id)
    if build.log is not None:
        return PlainTextResponse(build.log)
    if build.status == BuildStatus.queued:
        return PlainTextResponse("")
    lines, _, _ = await read_since(request.app.state.redis, build.id)
    return PlainTextResponse("".join(lines))


async def _authenticate(websocket: WebSocket) -> str:
    try:
        raw = await asyncio.wait_for(websocket.receive_text(), AUTH_TIMEOUT_S)
    except TimeoutError:
        raise Refused(4401, "No auth message within 5 s.") from None
    try:
        hello = AuthMessage.model_validate_json(raw)
    except ValidationError:
        hello = None
    if hello is None or hello.type != "auth":
        raise Refused(4401, 'The first message must be {"type": "auth", "token": …}.')
    return hello.token


async def _readable(maker: async_sessionmaker[AsyncSession], token: str,
                    build_id: str) -> Build:
    try:
        wanted = uuid.UUID(build_id)
    except ValueError:
        raise Refused(4404, "No build with that id.") from None
    async with maker() as session:
        user = await TokenCredential(token).user(session)
        if user is None:
            raise Refused(4401, "The token is unknown, expired or revoked.")
        try:
            build, _ = await service.get_build(session, user, wanted)
        except BuildNotFound:
            raise Refused(4404, "No build with that id.") from None
        await session.commit()
    return build


async def _send_lines(websocket: WebSocket, lines: list[str]) -> None:
    for start in range(0, len(lines), FRAME_LINES):
        chunk = [line.rstrip("\n") for line in lines[start:start + FRAME_LINES]]
        await websocket.send_text(json.dumps({"type": "lines", "lines": chunk}))


async def _status(maker: async_sessionmaker[AsyncSession], build_id: uuid.UUID
                  ) -> tuple[BuildStatus, str | None]:
    async with maker() as session:
        build = await session.get_one(Build, build_id)
        return build.status, build.log


async def _follow(websocket: WebSocket, redis: Redis, maker: async_sessionmaker[AsyncSession],
                  build: Build) -> str:
    """Everything so far, then the tail until the end; the final status."""
    if build.status.finished and build.log is not None:
        await _send_lines(websocket, build.log.splitlines(keepends=True))
        return build.status.value
    lines, end, last = await read_since(redis, build.id)
    await _send_lines(websocket, lines)
    loop = asyncio.get_running_loop()
    checked = loop.time()
    while end is None:
        lines, end, last = await read_since(redis, build.id, last, block_ms=BLOCK_MS)
        await _send_lines(websocket, lines)
        if end is None and loop.time() - checked >= STATUS_EVERY_S:
            # Ended without an end entry (cancelled while queued, or its builder died).
            checked = loop.time()
            status, _ = await _status(maker, build.id)
            if status.finished:
                lines, end, last = await read_since(redis, build.id, last)
                await _send_lines(websocket, lines)
                end = end or status.value
    return end


async def _until_client_leaves(websocket: WebSocket) -> None:
    with contextlib.suppress(WebSocketDisconnect, RuntimeError):
        while True:
            await websocket.receive_text()  # nothing else is expected: ignored


@router.websocket("/builds/{build_id}/log/stream", name="log_stream")
async def log_socket(websocket: WebSocket, build_id: str) -> None:
    state: Any = websocket.app.state

    async def session() -> dict[str, Any] | None:
        if not origin_allowed(websocket, state.settings):
            raise Refused(4403, "This origin may not read build logs.")
        build = await _readable(state.sessionmaker, await _authenticate(websocket), build_id)
        follow = asyncio.create_task(_follow(websocket, state.redis, state.sessionmaker,
                                             build))
        leave = asyncio.create_task(_until_client_leaves(websocket))
        done, _ = await asyncio.wait({follow, leave}, return_when=asyncio.FIRST_COMPLETED)
        leave.cancel()
        if follow not in done:  # the reader left: nothing more to send
            follow.cancel()
            await asyncio.gather(follow, return_exceptions=True)
            return None
        return {"type": "end", "status": follow.result()}

    await serve(websocket, f"build log stream of {build_id}", session)
