"""Pure judgement of what a host reports: what PostgreSQL should take from it.

A host is trusted with its own state only. A container report under host H changes a
row only when the database places that container on H under the same name, and its
published ports are on H's own address; anything else is refused. Refusals that can
only be a forgery (another host's container, another name, a foreign address) raise an
alarm; a report of a container nobody has any more (an app deleted, a replica scaled
away, until the agent sees it gone) is the normal race after a removal and does not.
"""

import ipaddress
import uuid
from dataclasses import dataclass

from backend.models import HostStatus
from livestate.keys import ContainerKey
from livestate.records import ContainerReport, HostReport


@dataclass(frozen=True)
class Placement:
    """Where the database puts one container."""

    container_id: uuid.UUID
    host_id: uuid.UUID | None
    name: str


@dataclass(frozen=True)
class Accept:
    container_id: uuid.UUID


@dataclass(frozen=True)
class Refuse:
    reason: str
    alarm: bool  # a forgery, not a race: recorded as an event against the host


@dataclass(frozen=True)
class Ignore:
    """Not one of ours (no Dockyard container label): etcd shows it, PostgreSQL needn't."""


Verdict = Accept | Refuse | Ignore


def container_id(report: ContainerReport) -> uuid.UUID | None:
    raw = report.container_id
    try:
        return uuid.UUID(raw) if raw else None
    except ValueError:
        return None


def judge(key: ContainerKey, report: ContainerReport, placement: Placement | None,
          host_address: str | None) -> Verdict:
    if report.container_id is None:
        return Ignore()
    claimed = container_id(report)
    if claimed is None:
        return Refuse("the container label is not an id", alarm=True)
    if placement is None or placement.host_id is None:
        return Refuse("no such container placed on any host", alarm=False)
    if placement.host_id != key.host_id:
        return Refuse(f"container {claimed} is placed on another host", alarm=True)
    if report.name != placement.name:
        return Refuse(f"container {claimed} runs under another name", alarm=True)
    foreign = foreign_bindings(report.ports, host_address)
    if foreign:
        return Refuse(f"ports published on an address not the host's: {foreign}", alarm=True)
    return Accept(claimed)


def foreign_bindings(ports: dict[str, str], host_address: str | None) -> list[str]:
    """Bindings not on the host's own address (the route would send traffic there)."""
    out = []
    for binding in ports.values():
        address = binding.rpartition(":")[0].strip("[]")
        if host_address is None or not _same_address(address, host_address):
            out.append(binding)
    return sorted(out)


def _same_address(a: str, b: str) -> bool:
    try:
        return ipaddress.ip_address(a) == ipaddress.ip_address(b)
    except ValueError:
        return a == b


def host_status(report: HostReport | None) -> HostStatus:
    """A host is Ready while its key lives (lease kept) and its Docker engine answers."""
    if report is None or not report.docker_ok:
        return HostStatus.not_ready
    return HostStatus.ready
