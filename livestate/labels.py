"""Dockyard's container labels: the agent owns containers by label, never by name."""

MANAGED = "dockyard.managed"
APP = "dockyard.app"
VERSION = "dockyard.version"
CONTAINER = "dockyard.container"
GROUP = "dockyard.group"
CLUSTER = "dockyard.cluster"

ALL = (MANAGED, APP, VERSION, CONTAINER, GROUP, CLUSTER)


def is_managed(labels: dict[str, str] | None) -> bool:
    return bool(labels) and (labels or {}).get(MANAGED) == "true"


def ours(labels: dict[str, str] | None) -> dict[str, str]:
    return {k: v for k, v in (labels or {}).items() if k.startswith("dockyard.")}
