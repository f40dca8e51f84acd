"""Send a write again when PostgreSQL chose it as a deadlock's victim.

Two transactions that lock the same rows in different orders (an API call and the
live-state watcher, say) deadlock now and then however carefully the code orders its
locks; PostgreSQL then rolls one of them back whole. That is safe to run again: nothing
was written, and jobs are only sent after a commit. So the error handler marks such a
response replayable, and this middleware runs the request again (a few times, after a
short random pause) before a client ever sees a 503.
"""

import asyncio
import random
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

# Set by the error handler on a response whose transaction was rolled back whole.
REPLAYABLE = b"x-dockyard-replayable"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class ReplayRolledBack:
    """Pure ASGI: a BaseHTTPMiddleware would wrap every response of the app in a stream."""

    def __init__(self, app: ASGIApp, attempts: int = 4) -> None:
        self.app, self.attempts = app, attempts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if scope["method"] in SAFE_METHODS:  # nothing to roll back: answer as it is
            await self._attempt(scope, receive, send, forward_busy=True)
            return
        body = await _read_body(receive)
        for attempt in range(1, self.attempts + 1):
            last = attempt == self.attempts
            if await self._attempt(scope, _replay(body, receive), send, forward_busy=last):
                return
            await asyncio.sleep(random.uniform(0.02, 0.1) * attempt)

    async def _attempt(self, scope: Scope, receive: Receive, send: Send, *,
                       forward_busy: bool) -> bool:
        """Run the app once; False when it answered "rolled back" and we swallowed that."""
        swallowed = False

        async def guarded(message: Message) -> None:
            nonlocal swallowed
            if message["type"] == "http.response.start":
                headers = message.get("headers", [])
                marked = any(name.lower() == REPLAYABLE for name, _ in headers)
                if marked and not forward_busy:
                    swallowed = True
                    return
                message["headers"] = [(n, v) for n, v in headers if n.lower() != REPLAYABLE]
            elif swallowed:
                return
            await send(message)

        await self.app(scope, receive, guarded)
        return not swallowed


async def _read_body(receive: Receive) -> bytes:
    chunks = []
    while True:
        message = await receive()
        if message["type"] != "http.request":  # the client went away
            break
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def _replay(body: bytes, receive: Receive) -> Receive:
    """The request body once, then whatever the client sends next (a disconnect)."""
    sent = False

    async def again() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return again
