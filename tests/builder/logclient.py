"""A client of the build-log websocket, for tests and bench/build.py."""

import asyncio
import json
import time
from dataclasses import dataclass, field
from typing import Any

from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed


@dataclass
class LogReader:
    lines: list[str] = field(default_factory=list)
    arrived: list[float] = field(default_factory=list)  # time.time() per line
    end: str | None = None
    close_code: int | None = None


async def read_log(base_url: str, build_id: object, token: str | None,
                   limit_s: float = 120.0, first: Any = None) -> LogReader:
    """Everything the socket sends until it closes; `first` overrides the auth frame."""
    url = base_url.replace("http://", "ws://", 1) + f"/api/v1/builds/{build_id}/log/stream"
    reader = LogReader()
    async with connect(url, max_size=None) as ws:
        if first is not None or token is not None:
            await ws.send(first if first is not None else
                          json.dumps({"type": "auth", "token": token}))
        end = time.monotonic() + limit_s
        while True:
            try:
                frame = await asyncio.wait_for(ws.recv(), max(0.1, end - time.monotonic()))
            except ConnectionClosed as closed:
                reader.close_code = closed.rcvd.code if closed.rcvd else None
                return reader
            message = json.loads(frame)
            if message["type"] == "lines":
                now = time.time()
                reader.lines += message["lines"]
                reader.arrived += [now] * len(message["lines"])
            elif message["type"] == "end":
                reader.end = message["status"]
