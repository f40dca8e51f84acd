"""What the scheduler reads and returns: plain values, no database rows."""

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeAlias

# Ids are compared as given (an app id in app_counts must be the same type as the
# request's app_id) and ordered by str() for tie-breaks, so UUIDs and strings both work.
Id: TypeAlias = uuid.UUID | str


@dataclass(frozen=True, slots=True)
class HostView:
    """One host as the scheduler sees it: facts plus what is already placed on it."""

    id: Id
    cluster_id: Id
    ready: bool
    cordoned: bool
    memory_total_mb: int
    labels: Mapping[str, str] = field(default_factory=dict)
    # Sum of the memory limits of the containers placed here (running or about to be).
    placed_memory_mb: int = 0
    # app id -> containers of that app on this host. Keys are Any because Mapping is
    # invariant in its key: a dict[uuid.UUID, int] must be accepted as is.
    app_counts: Mapping[Any, int] = field(default_factory=dict)
    # For messages meant for a person; the id when empty.
    name: str = ""

    @property
    def label(self) -> str:
        return self.name or str(self.id)


@dataclass(frozen=True, slots=True)
class PlacementRequest:
    """`replicas` containers of one app, `memory_mb` each, on hosts of one cluster."""

    app_id: Id
    cluster_id: Id
    memory_mb: int
    replicas: int = 1
    # Host labels that must match exactly (key present with this value).
    constraints: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Placement:
    """Replica number `replica` (0-based, in placement order) goes on `host_id`."""

    replica: int
    host_id: Id


@dataclass(frozen=True, slots=True)
class ContainerView:
    """An existing container, for scale-down and rescheduling."""

    id: Id
    app_id: Id
    cluster_id: Id
    host_id: Id | None
    created_at: datetime
    memory_mb: int = 0
    constraints: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Move:
    """Container `container_id` is to be recreated on `host_id`."""

    container_id: Id
    host_id: Id


@dataclass(frozen=True, slots=True)
class RescheduleResult:
    moves: list[Move]
    # container id -> why it could not be placed (the NoCapacity message of its group).
    unplaced: dict[Any, str]


class NoCapacity(Exception):
    """Not every replica fits; the message says why, host by host, for a person.

    `placed` is what would have fit (in order): the greedy placement of fewer replicas
    is exactly this prefix, so a caller that accepts a partial result can place
    `len(placed)` replicas instead.
    """

    def __init__(self, message: str, *, requested: int, placed: list[Placement],
                 reasons: dict[Any, str]) -> None:
        super().__init__(message)
        self.message = message
        self.requested = requested
        self.placed = placed
        self.reasons = reasons

    @property
    def unplaced(self) -> int:
        return self.requested - len(self.placed)
