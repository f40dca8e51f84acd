"""Host loss: place the containers of lost hosts on the other hosts of their cluster."""

import dataclasses
from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from typing import Any

from backend.scheduler.placement import Planner
from backend.scheduler.types import (
    ContainerView,
    HostView,
    Id,
    Move,
    NoCapacity,
    PlacementRequest,
    RescheduleResult,
)


def reschedule(containers: Sequence[ContainerView], hosts: Iterable[HostView],
               overcommit: float = 1.0, *, exclude: Collection[Id] = ()) -> RescheduleResult:
    """New hosts for `containers` (those of lost hosts), never their own host or `exclude`.

    Containers of one app, memory and constraints are placed as one request (so they
    spread), biggest memory first (fewer large ones left stranded); what does not fit
    is returned in `unplaced` with the reason, and the rest is still placed.
    """
    lost = {c.host_id for c in containers if c.host_id is not None}
    planner = Planner(hosts, overcommit, exclude=set(exclude) | lost)
    groups: dict[tuple[Any, Any, int, tuple[tuple[str, str], ...]], list[ContainerView]]
    groups = defaultdict(list)
    for c in containers:
        constraints = tuple(sorted(c.constraints.items()))
        groups[(c.cluster_id, c.app_id, c.memory_mb, constraints)].append(c)
    moves: list[Move] = []
    unplaced: dict[Any, str] = {}
    for group in sorted(groups, key=lambda g: (-g[2], str(g[0]), str(g[1]), g[3])):
        cluster_id, app_id, memory_mb, constraints = group
        members = sorted(groups[group], key=lambda c: (c.created_at, str(c.id)))
        request = PlacementRequest(app_id, cluster_id, memory_mb, len(members), dict(constraints))
        try:
            placed = planner.place(request)
        except NoCapacity as error:
            # The greedy placement of fewer replicas is the prefix that fitted.
            fits = len(error.placed)
            placed = planner.place(dataclasses.replace(request, replicas=fits)) if fits else []
            unplaced.update((c.id, error.message) for c in members[fits:])
        moves.extend(Move(c.id, p.host_id) for c, p in zip(members, placed, strict=False))
    return RescheduleResult(moves, unplaced)
