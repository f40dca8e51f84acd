"""What every websocket of the API does around its own work.

A refusal closes with its 44xx code and a short reason; a client that left is not an
error; anything else is logged and closes with 1011 and a reason that points at the
log; a session that ran to its end sends its final message and closes with 1000.
"""

import contextlib
import json
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import WebSocket, WebSocketDisconnect

log = logging.getLogger(__name__)
REASON_MAX = 120  # a close frame's reason is at most 123 bytes


class Refused(Exception):
    """Close the socket with `code` (44xx) and `reason`, before or during the session."""

    def __init__(self, code: int, reason: str) -> None:
        super().__init__(reason)
        self.code, self.reason = code, reason


async def serve(websocket: WebSocket, what: str,
                session: Callable[[], Awaitable[dict[str, Any] | None]]) -> None:
    """Accept, run `session`; its result is the final message (None: nothing to send)."""
    await websocket.accept()
    try:
        final = await session()
    except Refused as refused:
        with contextlib.suppress(Exception):
            await websocket.close(refused.code, refused.reason[:REASON_MAX])
        return
    except WebSocketDisconnect:
        return
    except Exception:
        log.exception("%s failed", what)
        with contextlib.suppress(Exception):
            await websocket.close(1011, f"The {what} failed; see the API's log."[:REASON_MAX])
        return
    if final is None:
        return
    with contextlib.suppress(Exception):
        await websocket.send_text(json.dumps(final))
        await websocket.close(1000)
