"""The NoCapacity message: why each host of the cluster cannot take one more replica."""

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from backend.scheduler.types import PlacementRequest

if TYPE_CHECKING:
    from backend.scheduler.placement import HostState

# Past this many hosts the message lists the first ones by name and counts the rest.
MAX_LISTED = 10


def host_reason(state: "HostState", request: PlacementRequest, placed_here: int) -> tuple[str, str]:
    """(category, reason) for one host that cannot take one more replica."""
    host = state.host
    if not host.ready:
        return "not ready", "not ready"
    if host.cordoned:
        return "cordoned", "cordoned"
    if state.excluded:
        return "excluded", "excluded"
    wrong = [(k, v) for k, v in sorted(request.constraints.items()) if host.labels.get(k) != v]
    if wrong:
        parts = []
        for k, v in wrong:
            has = host.labels.get(k)
            parts.append(f"label {k}={v} required" + ("" if has is None else f" (has {k}={has})"))
        return "label mismatch", ", ".join(parts)
    reason = f"{state.free_mb} MiB free < {request.memory_mb} MiB needed"
    if placed_here:
        reason += f" after {placed_here} of these replicas"
    return "not enough memory", reason


def shortfall(request: PlacementRequest, placed: int, states: Sequence["HostState"],
              placed_here: Mapping[Any, int]) -> tuple[str, dict[Any, str]]:
    """The message for a person and each host's reason; `states` in display order."""
    missing = request.replicas - placed
    head = (f"{missing} of {request.replicas} replicas cannot be placed "
            f"({request.memory_mb} MiB each)")
    if not states:
        return f"{head}: cluster {request.cluster_id} has no hosts", {}
    ready = sum(1 for s in states if s.host.ready)
    count = f"{len(states)} host" + ("" if len(states) == 1 else "s")
    parts = [f"cluster {request.cluster_id} has {count}, {ready} ready"]
    reasons: dict[Any, str] = {}
    rest: Counter[str] = Counter()
    for state in states:
        category, reason = host_reason(state, request, placed_here.get(state.host.id, 0))
        reasons[state.host.id] = reason
        if len(reasons) <= MAX_LISTED:
            parts.append(f"host {state.host.label}: {reason}")
        else:
            rest[category] += 1
    if rest:
        counts = ", ".join(f"{n} {category}" for category, n in sorted(rest.items()))
        parts.append(f"and {rest.total()} more hosts ({counts})")
    return f"{head}: " + "; ".join(parts), reasons
