"""Scale-down: which containers to remove."""

import heapq
from collections import Counter
from collections.abc import Sequence
from itertools import groupby

from backend.scheduler.types import ContainerView


def choose_victims(containers: Sequence[ContainerView], n: int) -> list[ContainerView]:
    """The `n` containers to remove, newest first, in removal order.

    Pass the containers of one app. Containers created together (one deploy, one
    transaction: the same created_at) are taken from the host holding the most of
    them at that moment, so scale-down keeps the spread; then by host id and id.
    """
    if not 0 <= n <= len(containers):
        raise ValueError(f"cannot remove {n} of {len(containers)} containers")
    left = Counter(c.host_id for c in containers)
    chosen: list[ContainerView] = []
    by_age = sorted(containers, key=lambda c: c.created_at, reverse=True)
    for _, batch in groupby(by_age, key=lambda c: c.created_at):
        # Lazy heap: a host's count only falls, so a stale entry is re-pushed when popped.
        heap = [(-left[c.host_id], str(c.host_id), str(c.id), c) for c in batch]
        heapq.heapify(heap)
        while heap and len(chosen) < n:
            neg, host_key, key, c = heapq.heappop(heap)
            if -neg != left[c.host_id]:
                heapq.heappush(heap, (-left[c.host_id], host_key, key, c))
                continue
            left[c.host_id] -= 1
            chosen.append(c)
        if len(chosen) == n:
            break
    return chosen
