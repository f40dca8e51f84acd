"""Greedy placement over a heap: each replica goes to the best host, then that host's
key is pushed back worse (one more of this app, less free memory) while every other
key stays put, so a replica costs O(log hosts) instead of a re-sort."""

import heapq
import math
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from typing import Any

from backend.scheduler.explain import shortfall
from backend.scheduler.types import HostView, Id, NoCapacity, Placement, PlacementRequest


class HostState:
    """A host's mutable view while a Planner places containers on it."""

    __slots__ = ("capacity_mb", "counts", "excluded", "host", "key", "placed_mb", "schedulable")

    def __init__(self, host: HostView, overcommit: float, excluded: bool) -> None:
        self.host = host
        self.key = str(host.id)
        # Floor: a fraction of a MiB never counts as room, so sums stay <= total * overcommit.
        self.capacity_mb = math.floor(host.memory_total_mb * overcommit)
        self.placed_mb = host.placed_memory_mb
        self.counts: dict[Any, int] = dict(host.app_counts)
        self.excluded = excluded
        self.schedulable = host.ready and not host.cordoned and not excluded

    @property
    def free_mb(self) -> int:
        return self.capacity_mb - self.placed_mb


def matches(labels: Mapping[str, str], constraints: Mapping[str, str]) -> bool:
    return all(labels.get(k) == v for k, v in constraints.items())


def check_overcommit(overcommit: float) -> None:
    if not (overcommit > 0 and math.isfinite(overcommit)):
        raise ValueError(f"overcommit must be a positive number, not {overcommit!r}")


def check_request(request: PlacementRequest) -> None:
    if request.replicas < 0:
        raise ValueError(f"replicas must be ≥ 0, not {request.replicas}")
    if request.memory_mb < 0:
        raise ValueError(f"memory_mb must be ≥ 0, not {request.memory_mb}")


class Planner:
    """Hosts as seen across several requests: each placement is seen by the next.

    `place()` is all or nothing: on NoCapacity the view is left as it was.
    """

    def __init__(self, hosts: Iterable[HostView], overcommit: float,
                 exclude: Collection[Id] = ()) -> None:
        check_overcommit(overcommit)
        excluded = set(exclude)
        self.hosts: dict[Any, HostState] = {}
        self._schedulable: dict[Any, list[HostState]] = defaultdict(list)
        self._all: dict[Any, list[HostState]] = defaultdict(list)
        keys: set[str] = set()
        for host in hosts:
            state = HostState(host, overcommit, host.id in excluded)
            # Unique str(id)s: the tie-break never falls through to comparing states.
            if state.key in keys:
                raise ValueError(f"host {host.label} appears twice")
            keys.add(state.key)
            self.hosts[host.id] = state
            self._all[host.cluster_id].append(state)
            if state.schedulable:
                self._schedulable[host.cluster_id].append(state)

    def _candidates(self, request: PlacementRequest) -> list[tuple[int, int, str, HostState]]:
        app, mem, cons = request.app_id, request.memory_mb, request.constraints
        return [(s.counts.get(app, 0), s.placed_mb - s.capacity_mb, s.key, s)
                for s in self._schedulable.get(request.cluster_id, ())
                if s.capacity_mb - s.placed_mb >= mem
                and (not cons or matches(s.host.labels, cons))]

    def place(self, request: PlacementRequest) -> list[Placement]:
        """One Placement per replica, or NoCapacity naming the shortfall."""
        check_request(request)
        app, mem = request.app_id, request.memory_mb
        # Heap entry: (containers of this app, -free MiB, host id) ascending = best first;
        # ids are unique, so the HostState at the end is never compared.
        heap = self._candidates(request)
        heapq.heapify(heap)
        placed: list[Placement] = []
        for replica in range(request.replicas):
            if not heap:
                break
            count, _, key, state = heap[0]
            state.placed_mb += mem
            state.counts[app] = count + 1
            placed.append(Placement(replica, state.host.id))
            free = state.capacity_mb - state.placed_mb
            if free >= mem:
                heapq.heapreplace(heap, (count + 1, -free, key, state))
            else:
                heapq.heappop(heap)
        if len(placed) < request.replicas:
            error = self._no_capacity(request, placed)
            self.unplace(app, mem, placed)
            raise error
        return placed

    def unplace(self, app_id: Id, memory_mb: int, placements: Iterable[Placement]) -> None:
        """Take placements back out of the view (a failed request, a removed container)."""
        for p in placements:
            state = self.hosts[p.host_id]
            state.placed_mb -= memory_mb
            state.counts[app_id] -= 1

    def _no_capacity(self, request: PlacementRequest, placed: list[Placement]) -> NoCapacity:
        here: dict[Any, int] = defaultdict(int)
        for p in placed:
            here[p.host_id] += 1
        states = sorted(self._all.get(request.cluster_id, ()),
                        key=lambda s: (s.host.label, s.key))
        message, reasons = shortfall(request, len(placed), states, here)
        return NoCapacity(message, requested=request.replicas, placed=placed, reasons=reasons)


def place(hosts: Iterable[HostView], request: PlacementRequest, overcommit: float = 1.0, *,
          exclude: Collection[Id] = ()) -> list[Placement]:
    """Place `request.replicas` containers on `hosts`, never on a host in `exclude`.

    Filter: ready, not cordoned, in the request's cluster, labels match the constraints,
    allocatable (total * overcommit - placed limits) >= memory. Best first: fewest of
    this app's containers (none at all first), then most allocatable, then host id.
    """
    return Planner(hosts, overcommit, exclude).place(request)
