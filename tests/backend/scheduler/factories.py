"""Plain factories and hypothesis strategies for scheduler inputs."""

from collections.abc import Mapping
from datetime import UTC, datetime, timedelta

from hypothesis import strategies as st

from backend.scheduler import ContainerView, HostView, PlacementRequest

T0 = datetime(2024, 1, 1, tzinfo=UTC)


def host(id: str, mem: int = 1024, *, cluster: str = "c1", ready: bool = True,
         cordoned: bool = False, placed: int = 0, labels: Mapping[str, str] | None = None,
         apps: Mapping[str, int] | None = None) -> HostView:
    return HostView(id=id, cluster_id=cluster, ready=ready, cordoned=cordoned,
                    memory_total_mb=mem, labels=dict(labels or {}), placed_memory_mb=placed,
                    app_counts=dict(apps or {}))


def request(memory: int = 128, replicas: int = 1, *, app: str = "x", cluster: str = "c1",
            constraints: Mapping[str, str] | None = None) -> PlacementRequest:
    return PlacementRequest(app_id=app, cluster_id=cluster, memory_mb=memory,
                            replicas=replicas, constraints=dict(constraints or {}))


def container(id: str, host_id: str | None, minute: int = 0, *, app: str = "x",
              memory: int = 128, constraints: Mapping[str, str] | None = None) -> ContainerView:
    return ContainerView(id=id, app_id=app, cluster_id="c1", host_id=host_id,
                         created_at=T0 + timedelta(minutes=minute), memory_mb=memory,
                         constraints=dict(constraints or {}))


APPS = ("x", "y")
ZONES = ("eu", "us")


@st.composite
def host_views(draw: st.DrawFn, id: str) -> HostView:
    total = draw(st.sampled_from([0, 100, 128, 256, 500, 512, 1000, 1024]))
    labels = draw(st.dictionaries(st.just("zone"), st.sampled_from(ZONES), max_size=1))
    return HostView(
        id=id, cluster_id=draw(st.sampled_from(["c1", "c1", "c1", "c2"])),
        ready=draw(st.booleans() | st.just(True)), cordoned=draw(st.booleans() | st.just(False)),
        memory_total_mb=total, labels=labels,
        placed_memory_mb=draw(st.integers(0, total * 3 // 2)),
        app_counts=draw(st.dictionaries(st.sampled_from(APPS), st.integers(0, 3))))


@st.composite
def host_lists(draw: st.DrawFn, max_size: int = 12) -> list[HostView]:
    n = draw(st.integers(0, max_size))
    ids = draw(st.permutations([f"h{i:02d}" for i in range(n)]))
    return [draw(host_views(i)) for i in ids]


requests = st.builds(
    PlacementRequest, app_id=st.sampled_from(APPS), cluster_id=st.just("c1"),
    memory_mb=st.sampled_from([0, 32, 64, 100, 128, 256]), replicas=st.integers(0, 25),
    constraints=st.sampled_from([{}, {}, {"zone": "eu"}]))

overcommits = st.sampled_from([0.5, 1.0, 1.0, 1.25, 1.5, 2.0]) | st.floats(0.1, 3.0)
