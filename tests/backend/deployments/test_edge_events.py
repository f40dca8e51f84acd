"""Which lbgen status changes become events (pure)."""

import json

from backend.deployments.edge_events import APPLIED, REJECTED, parse_statuses, transitions


def status(rejected: bool, error: str | None = None, generation: str = "g1") -> dict:
    return {"config_rejected": rejected, "last_error": error, "generation": generation}


class TestTransitions:
    def test_a_refusal_is_recorded_once_then_its_recovery(self) -> None:
        seen: dict[str, str] = {}
        assert transitions(seen, {"a": status(False)}) == []
        bad = {"a": status(True, "config rejected: x")}
        (first,) = transitions(seen, bad)
        assert first[:2] == ("a", REJECTED) and first[2]["error"] == "config rejected: x"
        assert transitions(seen, bad) == []
        (other,) = transitions(seen, {"a": status(True, "config rejected: y")})
        assert other[1] == REJECTED
        (back,) = transitions(seen, {"a": status(False, generation="g2")})
        assert back == ("a", APPLIED, {"generation": "g2"}) and seen == {}

    def test_instances_are_apart(self) -> None:
        seen: dict[str, str] = {}
        out = transitions(seen, {"b": status(True, "e"), "a": status(False)})
        assert [(i, a) for i, a, _ in out] == [("b", REJECTED)]


class TestParse:
    def test_bad_values_are_skipped(self) -> None:
        items = [("/dockyard/lb/status/a", json.dumps(status(True)).encode()),
                 ("/dockyard/lb/status/b", b"not json"), ("/dockyard/lb/status/c", b"[1]")]
        assert list(parse_statuses(items)) == ["a"]
