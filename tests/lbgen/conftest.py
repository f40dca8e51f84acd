from collections.abc import Iterator

import pytest

from tests.lbgen.edge import Backend, EdgeNginx, cleanup
from tests.private_services import private_etcd  # noqa: F401 - a fixture


@pytest.fixture
def edge() -> Iterator[EdgeNginx]:
    nginx = EdgeNginx(tls=True)
    nginx.start()
    yield nginx
    cleanup(nginx)


@pytest.fixture
def backends() -> Iterator[list[Backend]]:
    started = [Backend(f"b{i}").start() for i in range(3)]
    yield started
    for b in started:
        b.stop()
