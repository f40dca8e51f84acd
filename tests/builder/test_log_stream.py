"""Build logs through the live API: the websocket (lines so far, live tail, end status,
refusals) and GET /builds/{id}/log, with a real builder process writing them."""

import asyncio
import json
import time
import uuid
from collections.abc import Iterator

import httpx
import pytest
from arq.connections import ArqRedis
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from backend.core.config import BackendSettings
from backend.models import BuildStatus
from builder.logs import read_since
from tests.builder.conftest import BuilderProc, make_source, queue, wait_build
from tests.builder.gitserver import GitServer
from tests.builder.logclient import read_log
from tests.conftest import Live, auth
from tests.factories import make_user

Maker = async_sessionmaker[AsyncSession]
# Lines a while apart, so a reader joins in the middle; unique so no cache replays them.
SCRIPT = ("echo 'line one {n}'\nsleep 2\necho 'line two {n}'\nsleep 1\n"
          "echo 'line three {n}'\n")


@pytest.fixture(scope="module")
def live_builder(live: Live, tmp_path_factory: pytest.TempPathFactory
                 ) -> Iterator[BuilderProc]:
    """A builder on the live API's build queue."""
    proc = BuilderProc(env=dict(live.env), log=tmp_path_factory.mktemp("lb") / "builder.log")
    proc.start()
    try:
        yield proc
    finally:
        proc.stop()


class TestLogStream:
    async def test_late_reader_gets_history_then_tail_then_end(
            self, live: Live, live_builder: BuilderProc, git_server: GitServer,
            committed: Maker, arq_redis: ArqRedis, settings: BackendSettings) -> None:
        nonce = uuid.uuid4().hex[:8]
        repo = git_server.create(f"logs-{nonce}", {"nonce": nonce})
        source = await make_source(committed, settings, repo.url,
                                   build_script=SCRIPT.format(n=nonce))
        build_id = await queue(committed, arq_redis, source,
                               live_builder.settings.build_queue_name)
        end = time.monotonic() + 120
        while not any(f"line one {nonce}" in line
                      for line in (await read_since(arq_redis, build_id))[0]):
            assert time.monotonic() < end, "the build never printed its first line"
            await asyncio.sleep(0.1)
        # A late reader: joins after "one", before "two".
        reader = await read_log(live.url, build_id, source.token)
        assert reader.end == "succeeded" and reader.close_code == 1000
        text = "\n".join(reader.lines)
        for word in ("one", "two", "three"):
            assert f"line {word} {nonce}" in text
        assert reader.lines.index(f"line one {nonce}") < reader.lines.index(
            f"line two {nonce}")
        # Every line once: history and tail neither overlap nor leave a gap.
        streamed = [line.rstrip("\n") for line in (await read_since(arq_redis, build_id))[0]]
        assert reader.lines == streamed
        # The tail arrived live: within a bound of the builder writing it to Redis.
        entries = await arq_redis.xrange(f"dockyard:build:{build_id}:log", "-", "+")
        written = {fields[b"line"].decode().rstrip("\n"): int(eid.decode().split("-")[0])
                   for eid, fields in entries if b"line" in fields}
        lag = reader.arrived[reader.lines.index(f"line two {nonce}")] - \
            written[f"line two {nonce}"] / 1000
        assert lag < 1.0, lag  # 200 ms is the target (bench/build.py); loose under load
        build = await wait_build(committed, build_id)
        async with httpx.AsyncClient() as http:
            r = await http.get(live.api(f"/builds/{build_id}/log"), headers=auth(source.token))
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/plain")
        assert r.text == build.log and f"line three {nonce}" in r.text

        # After the end: the whole log from the database, then the status.
        again = await read_log(live.url, build_id, source.token)
        assert again.end == BuildStatus.succeeded.value
        assert again.lines == [line for line in (build.log or "").splitlines()]

    async def test_refusals(self, live: Live, live_builder: BuilderProc, git_server: GitServer,
                            committed: Maker, arq_redis: ArqRedis,
                            settings: BackendSettings) -> None:
        repo = git_server.create(f"refuse-{uuid.uuid4().hex[:6]}")
        source = await make_source(committed, settings, repo.url)
        build_id = await queue(committed, arq_redis, source,
                               live_builder.settings.build_queue_name)
        async with committed() as session:
            _, stranger = await make_user(session, prefix="stranger")
            await session.commit()
        outsider = await read_log(live.url, build_id, stranger)
        assert outsider.close_code == 4404 and not outsider.lines
        async with httpx.AsyncClient() as http:
            r = await http.get(live.api(f"/builds/{build_id}/log"), headers=auth(stranger))
        assert r.status_code == 404
        assert (await read_log(live.url, build_id, "dy_wrong")).close_code == 4401
        bad = await read_log(live.url, build_id, None, first=json.dumps({"hello": 1}))
        assert bad.close_code == 4401
        assert (await read_log(live.url, uuid.uuid4(), source.token)).close_code == 4404
        started = time.monotonic()
        silent = await read_log(live.url, build_id, None, limit_s=10)
        assert silent.close_code == 4401 and time.monotonic() - started < 8
        await wait_build(committed, build_id)
