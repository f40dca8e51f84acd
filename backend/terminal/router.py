"""The exec websocket (protocol in the containers tag's OpenAPI description)."""

import asyncio
from typing import Any
from urllib.parse import urlsplit

from fastapi import Request, WebSocket, WebSocketDisconnect
from pydantic import TypeAdapter, ValidationError

from backend.core.auth import CurrentUser
from backend.core.config import BackendSettings
from backend.core.errors import problem_responses
from backend.core.routing import make_router
from backend.core.websockets import Refused, serve
from backend.terminal.access import TokenCredential, resolve
from backend.terminal.schemas import AuthMessage, InputMessage, ResizeMessage, TerminalInfo
from backend.terminal.session import Deps, TerminalSession

AUTH_TIMEOUT_S = 5.0
router = make_router("terminal")
_frames: TypeAdapter[InputMessage | ResizeMessage] = TypeAdapter(InputMessage | ResizeMessage)


def origin_allowed(websocket: WebSocket, settings: BackendSettings) -> bool:
    """Absent (not a browser), the API's own, the public URL's, or one configured."""
    origin = websocket.headers.get("origin")
    if origin is None:
        return True
    parts = urlsplit(origin)
    if parts.netloc and parts.netloc == websocket.headers.get("host"):
        return True
    allowed = {o.strip().rstrip("/") for o in settings.terminal_origins.split(",") if o.strip()}
    if settings.public_url:
        public = urlsplit(settings.public_url)
        allowed.add(f"{public.scheme}://{public.netloc}")
    return origin.rstrip("/") in allowed


async def _authenticate(websocket: WebSocket) -> AuthMessage:
    try:
        raw = await asyncio.wait_for(websocket.receive_text(), AUTH_TIMEOUT_S)
    except TimeoutError:
        raise Refused(4401, "No auth message within 5 s.") from None
    try:
        return AuthMessage.model_validate_json(raw)
    except ValidationError:
        raise Refused(4401, "The first message must be {\"type\": \"auth\", \"token\": "
                            "…, \"cols\": …, \"rows\": …}.") from None


async def _open(websocket: WebSocket, deps: Deps, container_id: str) -> TerminalSession:
    if not origin_allowed(websocket, deps.settings):
        raise Refused(4403, "This origin may not open terminals.")
    hello = await _authenticate(websocket)
    credential = TokenCredential(hello.token)
    async with deps.sessionmaker() as session:
        user = await credential.user(session)
        if user is None:
            raise Refused(4401, "The token is unknown, expired or revoked.")
        target = await resolve(session, user, container_id)
        await session.commit()
    return TerminalSession(deps, credential, user, target, cmd=hello.argv(),
                           cols=hello.cols, rows=hello.rows)


async def _feed(websocket: WebSocket, terminal: TerminalSession) -> None:
    """Client frames into the session until the client leaves."""
    try:
        while True:
            try:
                frame = _frames.validate_json(await websocket.receive_text())
            except ValidationError:
                continue  # a frame we do not know is ignored, not fatal
            if isinstance(frame, InputMessage):
                await terminal.write(frame.data.encode())
            else:
                await terminal.resize(frame.cols, frame.rows)
    except (WebSocketDisconnect, RuntimeError):
        terminal.stop("closed")


@router.websocket("/containers/{container_id}/exec", name="exec")
async def exec_socket(websocket: WebSocket, container_id: str) -> None:
    deps: Deps = websocket.app.state.terminal

    async def session() -> dict[str, Any]:
        terminal = await _open(websocket, deps, container_id)

        async def output(_stream: int, data: bytes) -> None:
            await websocket.send_bytes(data)

        feeder = asyncio.create_task(_feed(websocket, terminal))
        try:
            ended = await terminal.run(output)
        finally:
            feeder.cancel()
        return {"type": "exit", "code": ended.code, "reason": ended.reason,
                "detail": ended.detail}

    await serve(websocket, f"terminal on {container_id}", session)


@router.get("/terminal", name="info", response_model=TerminalInfo,
            responses=problem_responses(401))
async def terminal_info(request: Request, _: CurrentUser) -> TerminalInfo:
    """Where the SSH gateway listens, and the command to reach a container through it."""
    settings: BackendSettings = request.app.state.settings
    host = settings.terminal_ssh_public_host or settings.terminal_ssh_host
    return TerminalInfo(ssh_host=host, ssh_port=settings.terminal_ssh_port,
                        ssh_command=f"ssh -p {settings.terminal_ssh_port} {{container}}@{host}")
