"""The obvious placement: filter and fully sort every host for every replica.

Kept as the oracle the tests compare `Planner` against and as the benchmark's
baseline; it raises no NoCapacity, it returns what fitted.
"""

import math
from collections.abc import Collection, Iterable
from typing import Any

from backend.scheduler.types import HostView, Id, Placement, PlacementRequest


class NaivePlanner:
    def __init__(self, hosts: Iterable[HostView], overcommit: float,
                 exclude: Collection[Id] = ()) -> None:
        self.hosts = [h for h in hosts if h.id not in exclude]
        self.capacity = {h.id: math.floor(h.memory_total_mb * overcommit) for h in self.hosts}
        self.placed = {h.id: h.placed_memory_mb for h in self.hosts}
        self.counts: dict[Any, dict[Any, int]] = {h.id: dict(h.app_counts) for h in self.hosts}

    def place(self, request: PlacementRequest, limit: int | None = None) -> list[Placement]:
        """Up to `limit` (default: all) replicas, O(hosts log hosts) each."""
        app, mem = request.app_id, request.memory_mb
        out: list[Placement] = []
        for replica in range(request.replicas if limit is None else min(limit, request.replicas)):
            fit = [h for h in self.hosts
                   if h.ready and not h.cordoned and h.cluster_id == request.cluster_id
                   and all(h.labels.get(k) == v for k, v in request.constraints.items())
                   and self.capacity[h.id] - self.placed[h.id] >= mem]
            if not fit:
                break
            fit.sort(key=lambda h: (self.counts[h.id].get(app, 0),
                                    self.placed[h.id] - self.capacity[h.id], str(h.id)))
            best = fit[0].id
            self.placed[best] += mem
            self.counts[best][app] = self.counts[best].get(app, 0) + 1
            out.append(Placement(replica, best))
        return out


def place_naive(hosts: Iterable[HostView], request: PlacementRequest, overcommit: float = 1.0,
                *, exclude: Collection[Id] = (), limit: int | None = None) -> list[Placement]:
    return NaivePlanner(hosts, overcommit, exclude).place(request, limit)
