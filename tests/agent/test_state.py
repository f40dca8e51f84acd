"""The agent's pure translation of Docker's view (no Docker needed)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from agent import state
from livestate import records
from livestate.backoff import Backoff

INSPECT = {"Id": "abc", "Name": "/dy-1",
           "Config": {"Image": "busybox", "Labels": {"dockyard.app": "a", "other": "x"}},
           "State": {"Status": "running", "ExitCode": 0, "Health": {"Status": "healthy"}},
           "NetworkSettings": {"Ports": {"8080/tcp": [{"HostIp": "127.0.1.1",
                                                       "HostPort": "32768"}],
                                         "9000/udp": None}}}


class TestContainerRecord:
    def test_only_what_etcd_needs(self) -> None:
        assert records.container_record(INSPECT) == {
            "docker_id": "abc", "name": "dy-1", "image": "busybox",
            "labels": {"dockyard.app": "a"}, "state": "running", "health": "healthy",
            "health_log": [], "exit_code": 0, "restart_count": 0,
            "ports": {"8080/tcp": "127.0.1.1:32768"}}

    def test_encoding_is_deterministic(self) -> None:
        a = records.encode({"b": 1, "a": {"y": 2, "x": 1}})
        assert a == records.encode({"a": {"x": 1, "y": 2}, "b": 1}) == b'{"a":{"x":1,"y":2},"b":1}'


class TestMemoryHysteresis:
    @pytest.mark.parametrize(("last", "now", "want"), [
        (None, 500, 500), (1000, 1040, 1000), (1000, 1060, 1060), (1000, 940, 940),
    ])
    def test_table(self, last, now, want) -> None:
        # total 20,000 x step 0.003: a move of 60 or more is reported, less is not.
        assert state.memory_to_report(last, now, total=20_000, step=0.003) == want

    def test_reads_meminfo(self) -> None:
        assert state.read_mem_available("MemTotal: 10 kB\nMemAvailable:  2048 kB\n") == 2048 * 1024


class TestBackoff:
    @given(st.integers(0, 30))
    def test_bounded_and_growing(self, attempts: int) -> None:
        b = Backoff(base_s=0.1, max_s=5.0)
        delays = [b.next() for _ in range(attempts + 1)]
        assert all(0 <= d <= 5.0 for d in delays)
        b.reset()
        assert b.next() <= 0.1


class TestSettings:
    def test_typed_values_from_the_environment(self) -> None:
        from agent.settings import AgentSettings

        s = AgentSettings.from_env({"DOCKYARD_AGENT_LEASE_TTL_S": "4",
                                    "DOCKYARD_AGENT_LABELS": '{"zone": "eu"}',
                                    "DOCKYARD_AGENT_STATE_DIR": "/tmp/s",
                                    "DOCKYARD_AGENT_RESYNC_INTERVAL_S": "0.5"})
        assert (s.lease_ttl_s, s.labels, str(s.state_dir), s.resync_interval_s) == (
            4, {"zone": "eu"}, "/tmp/s", 0.5)
        assert s.host_id is None and s.etcd_host_port == ("127.0.0.1", 2379)

    @pytest.mark.parametrize(("name", "value"), [
        ("LEASE_TTL_S", "ten"), ("LEASE_TTL_S", "1"), ("LABELS", "[1]"),
        ("LABELS", '{"a": 1}'), ("RESYNC_INTERVAL_S", "0")])
    def test_bad_values_name_the_variable(self, name: str, value: str) -> None:
        from agent.settings import AgentSettings

        with pytest.raises(ValueError, match=r"DOCKYARD_AGENT_|positive"):
            AgentSettings.from_env({f"DOCKYARD_AGENT_{name}": value})
