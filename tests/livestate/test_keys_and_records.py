"""The live-state contract, pure: key parsing and reading records a host wrote."""

import json
import uuid

import pytest
from hypothesis import given
from hypothesis import strategies as st

from livestate import records
from livestate.keys import ContainerKey, HostKey, Layout, RouteKey

H = "7d9aad70-6827-40fb-b0e8-7e21f057da44"
L = Layout()


class TestParse:
    @pytest.mark.parametrize(("key", "want"), [
        (f"/dockyard/hosts/{H}", HostKey),
        (f"/dockyard/containers/{H}/abc123", ContainerKey),
        (f"/dockyard/routes/{H}", RouteKey),
        ("/dockyard/hosts/not-a-uuid", type(None)),
        (f"/dockyard/hosts/{H.upper()}", type(None)),  # roles grant the canonical text only
        (f"/dockyard/hosts/{H.replace('-', '')}", type(None)),
        (f"/dockyard/containers/{H}/", type(None)),
        (f"/dockyard/containers/{H}/a/b", type(None)),
        (f"/dockyard/containers/{H}/../x", type(None)),
        (f"/dockyard/containers/{H}/" + "a" * 200, type(None)),
        (f"/other/hosts/{H}", type(None)),
        ("/dockyard/", type(None)),
    ])
    def test_table(self, key: str, want: type) -> None:
        assert isinstance(L.parse(key), want)

    def test_round_trip(self) -> None:
        host = uuid.UUID(H)
        assert L.parse(L.host(host)) == HostKey(host)
        assert L.parse(L.container(host, "abc")) == ContainerKey(host, "abc")

    @given(st.text(max_size=200))
    def test_never_raises(self, key: str) -> None:
        L.parse("/dockyard/" + key)


GOOD = {"docker_id": "abc", "name": "dy-1", "state": "running", "health": "healthy",
        "labels": {"dockyard.container": H}, "ports": {"8080/tcp": "127.0.2.1:32768"},
        "exit_code": 0, "restart_count": 2,
        "health_log": [{"exit_code": 1, "end": "t", "output": "connection refused"}]}


def value(**changes: object) -> bytes:
    return json.dumps({**GOOD, **changes}).encode()


class TestReadContainer:
    def test_good_record(self) -> None:
        report = records.read_container(value())
        assert isinstance(report, records.ContainerReport)
        assert report.container_id == H and report.restart_count == 2
        assert report.health_log[0]["output"] == "connection refused"

    @pytest.mark.parametrize("hostile", [
        value(state="x" * 100),  # longer than the column: once stopped the watcher
        value(state="running; DROP TABLE"),
        value(health="superb"),
        value(name="n" * 300),
        value(labels=["not", "a", "dict"]),
        value(labels={f"k{i}": "v" for i in range(100)}),
        value(labels={"dockyard.container": "v" * 1000}),
        value(ports={"8080/tcp": "evil.example.com:80"}),
        value(ports={"8080/tcp": "10.0.0.1:99999"}),
        value(ports={"nonsense": "127.0.0.1:80"}),
        value(ports={str(i): "127.0.0.1:80" for i in range(100)}),
        b"\xff\xfe not utf-8",
        b"not json",
        b"[1, 2, 3]",
        b"null",
        b"[" * 100_000 + b"]" * 100_000,  # deep nesting
        b'{"state": "running", "pad": "' + b"x" * 70_000 + b'"}',  # oversized
    ])
    def test_hostile_values_are_invalid_with_a_reason(self, hostile: bytes) -> None:
        report = records.read_container(hostile)
        assert isinstance(report, records.Invalid) and report.reason

    def test_odd_scalars_are_dropped_not_trusted(self) -> None:
        report = records.read_container(value(exit_code="1; rm -rf", restart_count=True,
                                              health_log="x"))
        assert isinstance(report, records.ContainerReport)
        assert (report.exit_code, report.restart_count, report.health_log) == (None, 0, [])

    @given(st.binary(max_size=2048))
    def test_never_raises_on_bytes(self, raw: bytes) -> None:
        records.read_container(raw)

    @given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                        lambda c: st.lists(c, max_size=4) | st.dictionaries(
                            st.text(max_size=10), c, max_size=4), max_leaves=30))
    def test_never_raises_on_json(self, anything: object) -> None:
        records.read_container(json.dumps(anything).encode())
        records.read_container(value(state="running", labels=anything, ports=anything,
                                     health_log=anything))


class TestReadHost:
    def test_bounded_facts(self) -> None:
        report = records.read_host(json.dumps({"memory_total": 2**70, "cpus": -1,
                                               "engine_version": "v" * 500}).encode())
        assert isinstance(report, records.HostReport)
        assert report.facts["memory_total"] is None and report.facts["cpus"] is None
        assert len(report.facts["engine_version"]) == 64

    def test_docker_ok_must_be_true(self) -> None:
        report = records.read_host(b'{"docker_ok": "yes"}')
        assert isinstance(report, records.HostReport) and not report.docker_ok
