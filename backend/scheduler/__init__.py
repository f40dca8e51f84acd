"""Pure placement decisions: plain values in, decisions out; no I/O, no database.

    place(hosts, request, overcommit, exclude=...)   -> [Placement] or NoCapacity
    Planner(hosts, overcommit, exclude).place(req)   several requests over one view
    choose_victims(containers, n)                    scale-down, newest first
    reschedule(containers, hosts, overcommit)        containers of lost hosts -> moves
"""

from backend.scheduler.placement import Planner, place
from backend.scheduler.reschedule import reschedule
from backend.scheduler.types import (
    ContainerView,
    HostView,
    Id,
    Move,
    NoCapacity,
    Placement,
    PlacementRequest,
    RescheduleResult,
)
from backend.scheduler.victims import choose_victims

__all__ = [
    "ContainerView",
    "HostView",
    "Id",
    "Move",
    "NoCapacity",
    "Placement",
    "PlacementRequest",
    "Planner",
    "RescheduleResult",
    "choose_victims",
    "place",
    "reschedule",
]
