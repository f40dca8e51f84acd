"""reschedule: the containers of a lost host move to the others of its cluster."""

import random
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backend.scheduler import ContainerView, HostView, Id, Move, reschedule
from tests.backend.scheduler.factories import container, host, host_lists

# (name, lost containers, hosts, exclude, expected moves, expected unplaced ids)
CASES: list[tuple[str, list[ContainerView], list[HostView], set[str],
                  list[tuple[str, str]], list[str]]] = [
    ("spread over the others, never back on the lost host",
     [container("k1", "lost", 1), container("k2", "lost", 2)],
     [host("lost", 9000), host("a"), host("b", apps={"x": 1})], set(),
     [("k1", "a"), ("k2", "b")], []),
    ("biggest first, so the small one takes what is left",
     [container("small", "lost", memory=256, app="y"), container("big", "lost", memory=768)],
     [host("lost", ready=False), host("a", 1024)], set(),
     [("big", "a"), ("small", "a")], []),
    ("what does not fit is reported, the rest still moves",
     [container("k1", "lost", 1, memory=512), container("k2", "lost", 2, memory=512)],
     [host("lost", ready=False), host("a", 600)], set(),
     [("k1", "a")], ["k2"]),
    ("constraints still apply, and exclude is honoured",
     [container("k1", "lost", constraints={"zone": "eu"})],
     [host("lost", ready=False), host("a", 9000), host("b", labels={"zone": "eu"}),
      host("c", 9000, labels={"zone": "eu"})], {"c"},
     [("k1", "b")], []),
    ("several lost hosts at once",
     [container("k1", "l1"), container("k2", "l2")],
     [host("l1", ready=False), host("l2"), host("a")], set(),
     [("k1", "a"), ("k2", "a")], []),
]


@st.composite
def lost_containers(draw: st.DrawFn) -> list[ContainerView]:
    n = draw(st.integers(0, 12))
    return [container(f"k{i:02d}", draw(st.sampled_from(["h00", "h01"])),
                      draw(st.integers(0, 3)), app=draw(st.sampled_from(["x", "y"])),
                      memory=draw(st.sampled_from([64, 128, 256])),
                      constraints=draw(st.sampled_from([{}, {"zone": "eu"}])))
            for i in range(n)]


class TestReschedule:
    @pytest.mark.parametrize(("name", "lost", "hosts", "exclude", "moves", "unplaced"), CASES,
                             ids=[c[0] for c in CASES])
    def test_moves(self, name: str, lost: list[ContainerView], hosts: list[HostView],
                   exclude: set[str], moves: list[tuple[str, str]], unplaced: list[str]) -> None:
        result = reschedule(lost, hosts, 1.0, exclude=exclude)
        assert result.moves == [Move(c, h) for c, h in moves]
        assert sorted(result.unplaced) == unplaced

    def test_unplaced_carry_the_reason(self) -> None:
        result = reschedule([container("k1", "lost", memory=512)],
                            [host("lost", ready=False), host("a", 256)], 1.0)
        assert result.unplaced == {"k1": (
            "1 of 1 replicas cannot be placed (512 MiB each): cluster c1 has 2 hosts, "
            "1 ready; host a: 256 MiB free < 512 MiB needed; host lost: not ready")}

    @settings(max_examples=100, deadline=None)
    @given(lost_containers(), host_lists(), st.sampled_from([0.5, 1.0, 1.5]),
           st.randoms(use_true_random=False))
    def test_every_container_once_within_bounds_in_any_order(
            self, lost: list[ContainerView], hosts: list[HostView], overcommit: float,
            rnd: random.Random) -> None:
        result = reschedule(lost, hosts, overcommit)
        moved = [m.container_id for m in result.moves]
        assert sorted(moved + list(result.unplaced)) == sorted(c.id for c in lost)
        by_id = {h.id: h for h in hosts}
        memory = {c.id: c for c in lost}
        added: Counter[Id] = Counter()
        for m in result.moves:
            h, c = by_id[m.host_id], memory[m.container_id]
            assert h.id not in {x.host_id for x in lost}
            assert h.ready and not h.cordoned and h.cluster_id == c.cluster_id
            assert all(h.labels.get(k) == v for k, v in c.constraints.items())
            added[h.id] += c.memory_mb
        for host_id, mb in added.items():
            h = by_id[host_id]
            assert h.placed_memory_mb + mb <= h.memory_total_mb * overcommit
        shuffled_lost, shuffled_hosts = lost[:], hosts[:]
        rnd.shuffle(shuffled_lost)
        rnd.shuffle(shuffled_hosts)
        assert reschedule(shuffled_lost, shuffled_hosts, overcommit) == result
