"""Table tests for the pure pieces of deployments: Docker config, serving, routes, health."""

import pytest

from backend.containers import spec
from backend.deployments import health_wait, rules
from livestate import labels

VERSION = {"image": "reg:5000/library/busybox:1.35", "command": ["httpd", "-f"],
           "env": {"B": "2", "A": "1"}, "ports": [{"container_port": 8080, "protocol": "tcp"}],
           "volumes": [{"container_path": "/data", "data_dir": "uploads", "volume": None,
                        "read_only": False},
                       {"container_path": "/cache", "volume": "cache", "data_dir": None,
                        "read_only": True}],
           "memory_mb": 64, "cpu_shares": 512, "number": 3,
           "health_check": {"type": "http", "path": "/ping", "port": None, "command": None,
                            "interval_s": 5, "timeout_s": 2, "retries": 3,
                            "start_period_s": 1}}


class TestCreateConfig:
    def config(self, **changes):
        return spec.create_config(version={**VERSION, **changes}, app_id="app-1",
                                  group_id="g-1", cluster_id="c-1", container_id="ct-1",
                                  host_address="127.0.1.2", data_root="/var/lib/dy/apps")

    def test_everything_a_version_says_reaches_docker(self) -> None:
        c = self.config()
        assert c["Image"] == VERSION["image"] and c["Cmd"] == ["httpd", "-f"]
        assert c["Env"] == ["A=1", "B=2"]  # sorted: same version, same config
        assert c["HostConfig"]["Memory"] == 64 * 1024 * 1024
        assert c["HostConfig"]["CpuShares"] == 512
        assert c["HostConfig"]["PortBindings"] == {
            "8080/tcp": [{"HostIp": "127.0.1.2", "HostPort": ""}]}
        assert c["HostConfig"]["Binds"] == ["/var/lib/dy/apps/app-1/uploads:/data",
                                            "dy-app-1-cache:/cache:ro"]
        assert c["HostConfig"]["RestartPolicy"] == {"Name": "unless-stopped"}
        assert c["Labels"] == {labels.MANAGED: "true", labels.APP: "app-1",
                               labels.GROUP: "g-1", labels.CLUSTER: "c-1",
                               labels.CONTAINER: "ct-1", labels.VERSION: "3"}

    def test_no_command_keeps_the_image_default(self) -> None:
        assert "Cmd" not in self.config(command=None)

    @pytest.mark.parametrize(("check", "test"), [
        ({"type": "http", "path": "/ping", "port": None},
         ["CMD", "wget", "-q", "-O", "/dev/null", "http://127.0.0.1:8080/ping"]),
        ({"type": "http", "path": None, "port": 9000},
         ["CMD", "wget", "-q", "-O", "/dev/null", "http://127.0.0.1:9000/"]),
        ({"type": "tcp", "port": None}, ["CMD-SHELL", "nc -w 2 127.0.0.1 8080 </dev/null"]),
        ({"type": "command", "command": ["/bin/check", "--fast"]},
         ["CMD", "/bin/check", "--fast"]),
    ])
    def test_health_checks(self, check, test) -> None:
        full = {**VERSION["health_check"], **check}
        hc = self.config(health_check=full)["Healthcheck"]
        assert hc["Test"] == test
        assert (hc["Interval"], hc["Timeout"], hc["Retries"], hc["StartPeriod"]) == (
            5 * spec.NS, 2 * spec.NS, 3, 1 * spec.NS)

    def test_no_health_check_disables_the_image_one(self) -> None:
        assert self.config(health_check=None)["Healthcheck"] == {"Test": ["NONE"]}

    def test_names_are_deterministic(self) -> None:
        assert spec.container_name("ct-1") == spec.container_name("ct-1") == "dy-ct-1"


class TestServing:
    @pytest.mark.parametrize(("desired", "state", "health", "check", "want"), [
        ("running", "running", "healthy", True, True),
        ("running", "running", "starting", True, False),
        ("running", "running", "unhealthy", True, False),
        ("running", "running", None, False, True),
        ("running", "exited", None, False, False),
        ("removed", "running", "healthy", True, False),
        ("stopped", "running", None, False, False),
    ])
    def test_table(self, desired, state, health, check, want) -> None:
        assert rules.serving(desired, state, health, check) is want

    def test_upstream_is_the_first_declared_port(self) -> None:
        ports = {"8080/tcp": "127.0.1.1:32768", "9090/tcp": "127.0.1.1:32769"}
        declared = [{"container_port": 8080, "protocol": "tcp"},
                    {"container_port": 9090, "protocol": "tcp"}]
        assert rules.upstream(ports, declared) == "127.0.1.1:32768"
        assert rules.upstream(ports, []) is None
        assert rules.upstream({}, declared) is None

    def test_route_record_is_sorted_and_unique(self) -> None:
        record = rules.route_record("a", ["b.example.com", "a.example.com"],
                                    ["127.0.1.2:2", "127.0.1.1:1", "127.0.1.2:2"])
        assert record == {"app_id": "a", "domains": ["a.example.com", "b.example.com"],
                          "upstreams": ["127.0.1.1:1", "127.0.1.2:2"]}


class TestHealthVerdict:
    @pytest.mark.parametrize(("state", "check", "want"), [
        ({"Status": "running", "Health": {"Status": "healthy"}}, True, True),
        ({"Status": "running", "Health": {"Status": "starting"}}, True, None),
        ({"Status": "running", "Health": {"Status": "unhealthy"}}, True, False),
        ({"Status": "exited"}, True, False),
        ({"Status": "running"}, False, True),
        ({"Status": "created"}, False, None),
        ({"Status": "dead"}, False, False),
    ])
    def test_table(self, state, check, want) -> None:
        assert health_wait.verdict({"State": state}, check) is want

    def test_deadline_covers_every_retry_within_the_cap(self) -> None:
        check = {"start_period_s": 10, "interval_s": 5, "retries": 3, "timeout_s": 2}
        assert health_wait.health_deadline_s(check, 600) == 10 + 5 * 4 + 2 + 5
        assert health_wait.health_deadline_s(check, 20) == 20
        assert health_wait.health_deadline_s(None, 600) == 10
