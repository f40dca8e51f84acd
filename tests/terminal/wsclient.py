"""A small client of the exec websocket protocol, for tests and the benchmark."""

import asyncio
import contextlib
import json
import time
from typing import Any

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed


class Term:
    def __init__(self, ws: ClientConnection) -> None:
        self.ws = ws
        self.output = b""
        self.exit: dict[str, Any] | None = None
        self.close_code: int | None = None

    @classmethod
    async def open(cls, base_url: str, container: str, token: str | None, *,
                   origin: str | None = None, cmd: Any = None, cols: int = 80,
                   rows: int = 24) -> "Term":
        url = base_url.replace("http://", "ws://", 1) + f"/api/v1/containers/{container}/exec"
        ws = await connect(url, origin=origin, max_size=None)  # type: ignore[arg-type]
        term = cls(ws)
        if token is not None:
            hello: dict[str, Any] = {"type": "auth", "token": token, "cols": cols, "rows": rows}
            if cmd is not None:
                hello["cmd"] = cmd
            with contextlib.suppress(ConnectionClosed):
                await ws.send(json.dumps(hello))
        return term

    async def send(self, data: str) -> None:
        await self.ws.send(json.dumps({"type": "input", "data": data}))

    async def resize(self, cols: int, rows: int) -> None:
        await self.ws.send(json.dumps({"type": "resize", "cols": cols, "rows": rows}))

    async def _recv(self, limit_s: float) -> bool:
        """One frame; False once the socket closed."""
        try:
            frame = await asyncio.wait_for(self.ws.recv(), limit_s)
        except ConnectionClosed as closed:
            self.close_code = closed.rcvd.code if closed.rcvd else None
            return False
        if isinstance(frame, bytes):
            self.output += frame
        else:
            message = json.loads(frame)
            if message.get("type") == "exit":
                self.exit = message
        return True

    async def until(self, needle: bytes, limit_s: float = 20) -> bytes:
        """Read until `needle` appears in the output; returns everything read so far."""
        end = time.monotonic() + limit_s
        while needle not in self.output:
            left = end - time.monotonic()
            if left <= 0 or not await self._recv(left):
                raise AssertionError(f"{needle!r} not seen; got {self.output[-500:]!r}, "
                                     f"exit {self.exit}, close {self.close_code}")
        return self.output

    async def finish(self, limit_s: float = 30) -> dict[str, Any] | None:
        """Read to the end: the exit frame (or None) and the close code."""
        end = time.monotonic() + limit_s
        while True:
            left = end - time.monotonic()
            if left <= 0:
                raise AssertionError(f"session did not end; output {self.output[-300:]!r}")
            if not await self._recv(left):
                return self.exit

    async def close(self) -> None:
        await self.ws.close()
