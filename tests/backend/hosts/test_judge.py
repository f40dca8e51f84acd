"""The watcher's pure verdicts on what a host reports (backend.hosts.live_state)."""

import uuid

import pytest

from backend.hosts import endpoint_rules
from backend.hosts.live_state import Accept, Ignore, Placement, Refuse, judge
from livestate.keys import ContainerKey
from livestate.records import ContainerReport

HOST, OTHER, CID = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
KEY = ContainerKey(HOST, "abc")


def report(name: str = "dy-web-1", cid: object = CID, ports: dict[str, str] | None = None
           ) -> ContainerReport:
    labels = {"dockyard.container": str(cid)} if cid is not None else {}
    return ContainerReport(name=name, state="running", health=None, labels=labels,
                           ports={"8080/tcp": "127.0.2.1:32768"} if ports is None else ports)


PLACED = Placement(CID, HOST, "dy-web-1")


class TestJudge:
    def test_own_container_is_accepted(self) -> None:
        assert judge(KEY, report(), PLACED, "127.0.2.1") == Accept(CID)

    @pytest.mark.parametrize(("rep", "placement", "alarm"), [
        (report(), Placement(CID, OTHER, "dy-web-1"), True),  # another host's container
        (report(name="dy-other"), PLACED, True),  # placed here under another name
        (report(ports={"8080/tcp": "10.9.9.9:80"}), PLACED, True),  # route to elsewhere
        (report(cid="not-a-uuid"), PLACED, True),
        (report(), None, False),  # nobody has it (removed meanwhile): a race, no alarm
        (report(), Placement(CID, None, "dy-web-1"), False),
    ])
    def test_refusals(self, rep: ContainerReport, placement: Placement | None,
                      alarm: bool) -> None:
        verdict = judge(KEY, rep, placement, "127.0.2.1")
        assert isinstance(verdict, Refuse) and verdict.alarm == alarm and verdict.reason

    def test_unlabelled_is_ignored(self) -> None:
        assert isinstance(judge(KEY, report(cid=None), None, "127.0.2.1"), Ignore)


class TestEndpointRules:
    @pytest.mark.parametrize(("endpoint", "address", "admin", "ok"), [
        ("unix:///run/docker.sock", "127.0.1.1", False, False),  # the platform's engine
        ("unix:///run/docker.sock", "127.0.1.1", True, True),
        ("tcp://127.0.0.1:2375", "127.0.0.1", False, False),
        ("tcp://10.1.2.3:2375", "10.1.2.3", False, True),
        ("tcp://0.0.0.0:2375", "10.1.2.3", False, False),
        ("tcp://224.0.0.1:2375", "10.1.2.3", False, False),
        ("tcp://169.254.169.254:80", "10.1.2.3", False, False),  # cloud metadata
        ("tcp://docker.example.com:2375", "10.1.2.3", False, False),
        ("https://10.1.2.4:2376", "10.1.2.3", False, False),  # cert for another address
        ("https://10.1.2.3:2376", "10.1.2.3", False, True),
        ("tcp://10.1.2.3:2375", "0.0.0.0", True, False),  # noqa: S104
        ("tcp://10.1.2.3:2375", "ff02::1", True, False),
    ])
    def test_table(self, endpoint: str, address: str, admin: bool, ok: bool) -> None:
        error = (endpoint_rules.address_error(address, admin=admin)
                 or endpoint_rules.endpoint_error(endpoint, address, admin=admin))
        assert (error is None) == ok, error

    def test_certificate_names_only_the_address(self) -> None:
        assert endpoint_rules.certificate_names("10.1.2.3") == ["10.1.2.3"]
