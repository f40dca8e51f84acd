"""A build's log: each line into a Redis stream as it comes, the whole (bounded) into
Build.log at the end.

One stream per build (`dockyard:build:<id>:log`) serves both kinds of reader: a late one
reads the lines so far with XRANGE and then blocks on XREAD from the last id it saw, so
there is no gap or duplicate between "history" and "live" as there would be with a
separate pub/sub channel. The last entry carries the final status.
"""

import time
from collections import deque

from redis.asyncio import Redis

STREAM_TTL_S = 3600  # after the end; the database holds the log from then on
MAX_STREAM = 200_000  # entries kept while running (approximate trim)
MAX_LOG_BYTES = 2 * 1024 * 1024
CUT_NOTE = "[dockyard] earlier output was cut: only the last {size} MiB of the log are kept\n"


def stream_key(build_id: object) -> str:
    return f"dockyard:build:{build_id}:log"


class LogTail:
    """The last MAX_LOG_BYTES of text, kept in whole lines."""

    def __init__(self, limit: int = MAX_LOG_BYTES) -> None:
        self.limit = limit
        self.lines: deque[str] = deque()
        self.size = 0
        self.cut = False

    def add(self, line: str) -> None:
        self.lines.append(line)
        self.size += len(line.encode())
        while self.size > self.limit and len(self.lines) > 1:
            self.size -= len(self.lines.popleft().encode())
            self.cut = True

    def text(self) -> str:
        body = "".join(self.lines)
        if len(body.encode()) > self.limit:  # one line longer than the limit on its own
            body = body.encode()[-self.limit:].decode(errors="ignore")
            self.cut = True
        head = CUT_NOTE.format(size=self.limit // (1024 * 1024)) if self.cut else ""
        return head + body


class BuildLog:
    """What the builder writes to: lines to Redis at once, and a bounded copy kept here."""

    def __init__(self, redis: Redis, build_id: object) -> None:
        self.redis = redis
        self.key = stream_key(build_id)
        self.tail = LogTail()
        self.first_line_at: float | None = None
        self._partial = ""

    async def write(self, text: str) -> None:
        """Text as it comes from a process: whole lines go out, a partial one waits."""
        lines = (self._partial + text.replace("\r\n", "\n")).split("\n")
        self._partial = lines.pop()
        await self._send([line + "\n" for line in lines])

    async def line(self, text: str) -> None:
        await self.write(text if text.endswith("\n") else text + "\n")

    async def _send(self, lines: list[str]) -> None:
        if not lines:
            return
        if self.first_line_at is None:
            self.first_line_at = time.time()
        async with self.redis.pipeline(transaction=False) as pipe:
            for line in lines:
                self.tail.add(line)
                pipe.xadd(self.key, {"line": line}, maxlen=MAX_STREAM, approximate=True)
            await pipe.execute()

    async def flush(self) -> None:
        """Send a last line that had no line break."""
        if self._partial:
            partial, self._partial = self._partial, ""
            await self._send([partial + "\n"])


async def end_stream(redis: Redis, build_id: object, status: str) -> None:
    """The last entry, with the final status; the stream expires a while later (Build.log
    holds the text by then: write it first)."""
    key = stream_key(build_id)
    async with redis.pipeline(transaction=False) as pipe:
        pipe.xadd(key, {"end": status})
        pipe.expire(key, STREAM_TTL_S)
        await pipe.execute()


async def read_since(redis: Redis, build_id: object, last_id: str | None = None,
                     block_ms: int | None = None) -> tuple[list[str], str | None, str]:
    """Lines after last_id (None: from the start), the end status if reached, the new
    last id. With block_ms, waits that long for something new when nothing is there."""
    key = stream_key(build_id)
    if last_id is None:
        last_id = "0-0"
        entries = await redis.xrange(key, "-", "+")
    else:
        found = await redis.xread({key: last_id}, block=block_ms, count=5000)
        entries = found[0][1] if found else []
    lines: list[str] = []
    status: str | None = None
    for entry_id, fields in entries:
        last_id = _text(entry_id)
        values = {_text(k): _text(v) for k, v in fields.items()}
        if "end" in values:
            status = values["end"]
        elif "line" in values:
            lines.append(values["line"])
    return lines, status, last_id


def _text(value: bytes | str) -> str:
    return value.decode() if isinstance(value, bytes) else value
