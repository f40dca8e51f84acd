"""The bounded log kept in Build.log, and the stream's line splitting (real Redis)."""

import uuid

from arq.connections import ArqRedis

from builder.logs import BuildLog, LogTail, end_stream, read_since


class TestLogTail:
    def test_small_log_whole(self) -> None:
        tail = LogTail(limit=100)
        for i in range(5):
            tail.add(f"line {i}\n")
        assert tail.text() == "".join(f"line {i}\n" for i in range(5))

    def test_cut_keeps_the_end_and_says_so(self) -> None:
        tail = LogTail(limit=2 * 1024 * 1024)
        line = "x" * 1023 + "\n"
        for _ in range(3 * 1024):  # 3 MiB
            tail.add(line)
        text = tail.text()
        assert text.startswith("[dockyard] earlier output was cut: only the last 2 MiB")
        body = text.split("\n", 1)[1]
        assert len(body.encode()) <= 2 * 1024 * 1024 and body.endswith(line)

    def test_one_huge_line(self) -> None:
        tail = LogTail(limit=1024)
        tail.add("y" * 5000 + "\n")
        text = tail.text()
        assert text.startswith("[dockyard] earlier") and text.endswith("y\n")


class TestBuildLog:
    async def test_partial_lines_wait_for_their_end(self, arq_redis: ArqRedis) -> None:
        build_id = uuid.uuid4()
        log = BuildLog(arq_redis, build_id)
        await log.write("Step 1\nhal")
        await log.write("f a line\r\nlast without newline")
        lines, end, last = await read_since(arq_redis, build_id)
        assert lines == ["Step 1\n", "half a line\n"] and end is None
        await log.flush()
        await end_stream(arq_redis, build_id, "succeeded")
        more, end, _ = await read_since(arq_redis, build_id, last)
        assert more == ["last without newline\n"] and end == "succeeded"
        assert log.tail.text() == "Step 1\nhalf a line\nlast without newline\n"
        assert 0 < await arq_redis.ttl(f"dockyard:build:{build_id}:log") <= 3600
