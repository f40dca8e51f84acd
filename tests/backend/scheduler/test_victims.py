"""choose_victims: newest first, spread kept among containers created together."""

import random
from collections import Counter
from datetime import timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backend.scheduler import ContainerView, choose_victims
from tests.backend.scheduler.factories import T0, container

# (name, containers, n, expected victim ids in removal order)
CASES: list[tuple[str, list[ContainerView], int, list[str]]] = [
    ("newest first",
     [container("c1", "a", 1), container("c3", "b", 3), container("c2", "a", 2)], 2,
     ["c3", "c2"]),
    ("created together: from the host holding the most",
     [container("c1", "a", 5), container("c2", "a", 5), container("c3", "b", 5)], 1, ["c1"]),
    ("created together: counts change as containers go",
     [container("k1", "a", 5), container("k2", "a", 5), container("k3", "a", 5),
      container("k4", "b", 5), container("k5", "b", 5), container("k6", "c", 5)], 4,
     ["k1", "k2", "k4", "k3"]),
    ("an older container stays even on a crowded host",
     [container("old1", "a", 0), container("old2", "a", 0), container("new", "b", 9)], 1,
     ["new"]),
    ("a container without a host is a host of its own",
     [container("p", None, 3), container("q", "a", 3)], 1, ["p"]),
    ("none", [container("c1", "a")], 0, []),
    ("all", [container("c1", "a", 1), container("c2", "b", 2)], 2, ["c2", "c1"]),
]


@st.composite
def fleets(draw: st.DrawFn) -> list[ContainerView]:
    n = draw(st.integers(0, 30))
    return [ContainerView(id=f"k{i:02d}", app_id="x", cluster_id="c1",
                          host_id=draw(st.sampled_from(["a", "b", "c", "d"])),
                          created_at=T0 + timedelta(minutes=draw(st.integers(0, 4))))
            for i in range(n)]


class TestChooseVictims:
    @pytest.mark.parametrize(("name", "containers", "n", "expected"), CASES,
                             ids=[c[0] for c in CASES])
    def test_chooses(self, name: str, containers: list[ContainerView], n: int,
                     expected: list[str]) -> None:
        assert [c.id for c in choose_victims(containers, n)] == expected

    @pytest.mark.parametrize("n", [-1, 3])
    def test_rejects_impossible_counts(self, n: int) -> None:
        with pytest.raises(ValueError):
            choose_victims([container("c1", "a"), container("c2", "a")], n)

    @settings(max_examples=100, deadline=None)
    @given(fleets(), st.data())
    def test_newest_go_first_and_order_does_not_matter(self, fleet: list[ContainerView],
                                                       data: st.DataObject) -> None:
        n = data.draw(st.integers(0, len(fleet)))
        victims = choose_victims(fleet, n)
        assert len({c.id for c in victims}) == n
        kept = [c for c in fleet if c not in victims]
        if victims and kept:
            assert min(c.created_at for c in victims) >= max(c.created_at for c in kept)
        shuffled = fleet[:]
        data.draw(st.randoms(use_true_random=False)).shuffle(shuffled)
        assert choose_victims(shuffled, n) == victims

    @settings(max_examples=100, deadline=None)
    @given(st.integers(1, 5), st.integers(0, 20), st.data())
    def test_a_balanced_batch_stays_balanced(self, hosts: int, size: int,
                                             data: st.DataObject) -> None:
        fleet = [container(f"k{i:02d}", f"h{i % hosts}", 0) for i in range(size)]
        random.Random(size).shuffle(fleet)
        n = data.draw(st.integers(0, size))
        left = Counter(c.host_id for c in fleet)
        left.subtract(c.host_id for c in choose_victims(fleet, n))
        counts = [left[f"h{i}"] for i in range(hosts)]
        assert max(counts) - min(counts) <= 1
