"""place() and Planner: table tests, then properties against the full-sort oracle."""

import math
import random
import uuid
from collections import Counter
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backend.scheduler import HostView, NoCapacity, Placement, PlacementRequest, Planner, place
from backend.scheduler.explain import MAX_LISTED
from backend.scheduler.reference import NaivePlanner, place_naive
from tests.backend.scheduler.factories import host, host_lists, overcommits, request, requests

# (name, hosts, request, overcommit, exclude, expected host per replica)
PLACE_CASES: list[tuple[str, list[HostView], PlacementRequest, float, set[str], list[str]]] = [
    ("hosts without the app first, then the one that has it",
     [host("a", 4096, apps={"x": 1}), host("b"), host("c")], request(replicas=3), 1.0, set(),
     ["b", "c", "a"]),
    ("fewest of this app's containers before free memory",
     [host("a", 4096, apps={"x": 2}), host("b", 512, apps={"x": 1})], request(), 1.0, set(),
     ["b"]),
    ("other apps' containers do not count",
     [host("a", 2048, apps={"y": 5}), host("b", 1024)], request(), 1.0, set(), ["a"]),
    ("most free memory", [host("a", 1024), host("b", 2048)], request(), 1.0, set(), ["b"]),
    ("placed limits reduce free memory",
     [host("a", 2048, placed=1536), host("b", 1024)], request(), 1.0, set(), ["b"]),
    ("tie broken by host id whatever the input order",
     [host("b"), host("c"), host("a")], request(replicas=3), 1.0, set(), ["a", "b", "c"]),
    ("replicas take turns over equal hosts",
     [host("a", 256), host("b", 256)], request(replicas=4), 1.0, set(), ["a", "b", "a", "b"]),
    ("an exact fit is a fit", [host("a", 256)], request(replicas=2), 1.0, set(), ["a", "a"]),
    ("not ready, cordoned, other cluster, excluded are skipped",
     [host("a", 9000, ready=False), host("b", 9000, cordoned=True),
      host("c", 9000, cluster="c2"), host("d", 9000), host("e", 256)],
     request(), 1.0, {"d"}, ["e"]),
    ("labels must match exactly",
     [host("a", 4096, labels={"zone": "us"}), host("b", 4096),
      host("c", 256, labels={"zone": "eu", "disk": "ssd"})],
     request(constraints={"zone": "eu"}), 1.0, set(), ["c"]),
    ("overcommit lets a full host take more",
     [host("a", 1024, placed=1024)], request(512), 1.5, set(), ["a"]),
    ("overcommit below 1 keeps headroom", [host("a", 1000)], request(500), 0.5, set(), ["a"]),
    ("zero replicas place nothing", [host("a")], request(replicas=0), 1.0, set(), []),
    ("an over-committed host is never chosen",
     [host("a", 1024, placed=2000), host("b", 256)], request(), 1.0, set(), ["b"]),
]

# (name, hosts, request, overcommit, exclude, expected message)
FAIL_CASES: list[tuple[str, list[HostView], PlacementRequest, float, set[str], str]] = [
    ("each host's reason, after what did fit",
     [host("a", 480, labels={"zone": "eu"}), host("b", cordoned=True, labels={"zone": "eu"}),
      host("c", labels={"zone": "us"}), host("d"), host("e", ready=False)],
     request(128, 6, constraints={"zone": "eu"}), 1.0, set(),
     "3 of 6 replicas cannot be placed (128 MiB each): cluster c1 has 5 hosts, 4 ready; "
     "host a: 96 MiB free < 128 MiB needed after 3 of these replicas; host b: cordoned; "
     "host c: label zone=eu required (has zone=us); host d: label zone=eu required; "
     "host e: not ready"),
    ("a fraction of a MiB is no room", [host("a", 100)], request(129), 1.285, set(),
     "1 of 1 replicas cannot be placed (129 MiB each): cluster c1 has 1 host, 1 ready; "
     "host a: 128 MiB free < 129 MiB needed"),
    ("no host in the cluster", [host("a", cluster="c2")], request(replicas=2), 1.0, set(),
     "2 of 2 replicas cannot be placed (128 MiB each): cluster c1 has no hosts"),
    ("memory shortfall with overcommit and an excluded host",
     [host("a", 1000, placed=400), host("b", 8192)], request(200), 0.5, {"b"},
     "1 of 1 replicas cannot be placed (200 MiB each): cluster c1 has 2 hosts, 2 ready; "
     "host a: 100 MiB free < 200 MiB needed; host b: excluded"),
]


def placed_on(placements: list[Placement]) -> Counter[Any]:
    return Counter(p.host_id for p in placements)


class TestPlace:
    @pytest.mark.parametrize(("name", "hosts", "req", "overcommit", "exclude", "expected"),
                             PLACE_CASES, ids=[c[0] for c in PLACE_CASES])
    def test_places(self, name: str, hosts: list[HostView], req: PlacementRequest,
                    overcommit: float, exclude: set[str], expected: list[str]) -> None:
        got = place(hosts, req, overcommit, exclude=exclude)
        assert got == [Placement(i, h) for i, h in enumerate(expected)]

    @pytest.mark.parametrize(("name", "hosts", "req", "overcommit", "exclude", "message"),
                             FAIL_CASES, ids=[c[0] for c in FAIL_CASES])
    def test_shortfall_message(self, name: str, hosts: list[HostView], req: PlacementRequest,
                               overcommit: float, exclude: set[str], message: str) -> None:
        with pytest.raises(NoCapacity) as caught:
            place(hosts, req, overcommit, exclude=exclude)
        assert str(caught.value) == message

    def test_error_carries_what_fitted_and_each_reason(self) -> None:
        hosts = [host("a", 300), host("b", cordoned=True)]
        with pytest.raises(NoCapacity) as caught:
            place(hosts, request(128, 5))
        error = caught.value
        assert (error.requested, error.unplaced) == (5, 3)
        assert error.placed == [Placement(0, "a"), Placement(1, "a")]
        assert error.reasons == {"a": "44 MiB free < 128 MiB needed after 2 of these replicas",
                                 "b": "cordoned"}

    def test_uuid_ids_as_the_database_has_them(self) -> None:
        app, cluster = uuid.uuid4(), uuid.uuid4()
        a, b = sorted([uuid.uuid4(), uuid.uuid4()])
        hosts = [HostView(b, cluster, True, False, 1024, name="beta"),
                 HostView(a, cluster, True, False, 1024, app_counts={app: 1}, name="alpha")]
        got = place(hosts, PlacementRequest(app, cluster, 512, 3))
        assert got == [Placement(0, b), Placement(1, a), Placement(2, b)]
        with pytest.raises(NoCapacity, match=r"1 of 3 .*; host alpha: 424 MiB free < 600 MiB "
                                             r"needed after 1 of these replicas; host beta: "):
            place(hosts, PlacementRequest(app, cluster, 600, 3))

    def test_many_hosts_are_summed_up(self) -> None:
        hosts = [host(f"h{i:03d}", 64) for i in range(30)] + \
                [host(f"z{i}", cordoned=True) for i in range(5)]
        with pytest.raises(NoCapacity) as caught:
            place(hosts, request(128))
        message = str(caught.value)
        assert message.count("host h") == MAX_LISTED
        assert message.endswith("and 25 more hosts (5 cordoned, 20 not enough memory)")
        assert len(caught.value.reasons) == 35

    @pytest.mark.parametrize(("hosts", "req", "overcommit"), [
        ([host("a")], request(replicas=-1), 1.0),
        ([host("a")], request(memory=-1), 1.0),
        ([host("a")], request(), 0.0),
        ([host("a")], request(), math.nan),
        ([host("a")], request(), math.inf),
        ([host("a"), host("a")], request(), 1.0),
    ])
    def test_rejects_bad_input(self, hosts: list[HostView], req: PlacementRequest,
                               overcommit: float) -> None:
        with pytest.raises(ValueError):
            place(hosts, req, overcommit)

    @settings(max_examples=150, deadline=None)
    @given(host_lists(), requests, overcommits, st.sets(st.sampled_from(["h00", "h01"])))
    def test_same_as_full_sort_per_replica(self, hosts: list[HostView], req: PlacementRequest,
                                           overcommit: float, exclude: set[str]) -> None:
        naive = place_naive(hosts, req, overcommit, exclude=exclude)
        try:
            got = place(hosts, req, overcommit, exclude=exclude)
        except NoCapacity as error:
            assert len(naive) < req.replicas
            assert error.placed == naive
        else:
            assert got == naive

    @settings(max_examples=150, deadline=None)
    @given(host_lists(), requests, overcommits, st.sets(st.sampled_from(["h00", "h01"])))
    def test_every_placement_passes_the_filter_and_fits(
            self, hosts: list[HostView], req: PlacementRequest, overcommit: float,
            exclude: set[str]) -> None:
        try:
            got = place(hosts, req, overcommit, exclude=exclude)
        except NoCapacity as error:
            got = error.placed
        by_id = {h.id: h for h in hosts}
        for host_id, n in placed_on(got).items():
            h = by_id[host_id]
            assert h.ready and not h.cordoned and h.cluster_id == req.cluster_id
            assert host_id not in exclude
            assert all(h.labels.get(k) == v for k, v in req.constraints.items())
            # Never over-commits: what was there plus what we added stays in bounds.
            assert h.placed_memory_mb + n * req.memory_mb <= h.memory_total_mb * overcommit

    @settings(max_examples=100, deadline=None)
    @given(st.integers(1, 8), st.sampled_from([128, 200, 1024]), st.integers(0, 3),
           st.integers(0, 60), host_lists(max_size=6))
    def test_equally_fit_hosts_differ_by_at_most_one(
            self, n: int, total: int, already: int, replicas: int,
            others: list[HostView]) -> None:
        twins = [host(f"t{i}", total, placed=32, apps={"x": already}) for i in range(n)]
        try:
            got = place(twins + others, request(64, replicas))
        except NoCapacity as error:
            got = error.placed
        counts = placed_on(got)
        per_twin = [counts[t.id] for t in twins]
        assert max(per_twin) - min(per_twin) <= 1

    @settings(max_examples=100, deadline=None)
    @given(host_lists(), requests, overcommits, st.randoms(use_true_random=False))
    def test_deterministic_whatever_the_input_order(
            self, hosts: list[HostView], req: PlacementRequest, overcommit: float,
            rnd: random.Random) -> None:
        def outcome(views: list[HostView]) -> tuple[list[Placement], str]:
            try:
                return place(views, req, overcommit), ""
            except NoCapacity as error:
                return error.placed, str(error)
        shuffled = hosts[:]
        rnd.shuffle(shuffled)
        assert outcome(hosts) == outcome(hosts) == outcome(shuffled)

    @settings(max_examples=100, deadline=None)
    @given(host_lists(), requests, overcommits)
    def test_failure_names_the_shortfall_of_every_host(
            self, hosts: list[HostView], req: PlacementRequest, overcommit: float) -> None:
        try:
            place(hosts, req, overcommit)
        except NoCapacity as error:
            missing = req.replicas - len(error.placed)
            assert str(error).startswith(f"{missing} of {req.replicas} replicas cannot be placed")
            in_cluster = sorted(h.id for h in hosts if h.cluster_id == req.cluster_id)
            assert sorted(error.reasons) == in_cluster
            for host_id in in_cluster[:MAX_LISTED]:
                assert f"host {host_id}: {error.reasons[host_id]}" in str(error)
            if not in_cluster:
                assert str(error).endswith("cluster c1 has no hosts")


class TestPlanner:
    def test_each_request_sees_the_previous_ones(self) -> None:
        planner = Planner([host("a", 512), host("b", 512)], 1.0)
        assert planner.place(request(256, 1, app="x")) == [Placement(0, "a")]
        # b has more free memory now, and y is on neither host.
        assert planner.place(request(256, 1, app="y")) == [Placement(0, "b")]
        assert planner.place(request(256, 2, app="x")) == [Placement(0, "b"), Placement(1, "a")]
        with pytest.raises(NoCapacity, match="host a: 0 MiB free < 1 MiB needed"):
            planner.place(request(1, 1, app="z"))

    def test_a_failed_request_changes_nothing(self) -> None:
        planner = Planner([host("a", 512), host("b", 256)], 1.0)
        with pytest.raises(NoCapacity):
            planner.place(request(256, 4))
        assert planner.place(request(256, 3)) == \
            [Placement(0, "a"), Placement(1, "b"), Placement(2, "a")]

    def test_unplace_gives_the_room_back(self) -> None:
        planner = Planner([host("a", 256)], 1.0)
        first = planner.place(request(256))
        planner.unplace("x", 256, first)
        assert planner.place(request(256)) == first

    @settings(max_examples=150, deadline=None)
    @given(host_lists(), st.lists(requests, max_size=5), overcommits)
    def test_a_sequence_matches_the_oracle(self, hosts: list[HostView],
                                           reqs: list[PlacementRequest],
                                           overcommit: float) -> None:
        planner, naive = Planner(hosts, overcommit), NaivePlanner(hosts, overcommit)
        for req in reqs:
            try:
                got = planner.place(req)
            except NoCapacity as error:
                expected = naive.place(req, limit=len(error.placed))
                assert error.placed == expected
                # Keep the oracle in step: a failed request leaves the view unchanged.
                for p in expected:
                    naive.placed[p.host_id] -= req.memory_mb
                    naive.counts[p.host_id][req.app_id] -= 1
            else:
                assert got == naive.place(req)
