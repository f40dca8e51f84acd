"""Waiting for a new container to serve, reading Docker's own view of it."""

import asyncio
import time
from typing import Any

from livestate.records import published_ports


def health_deadline_s(check: dict[str, Any] | None, cap_s: float) -> float:
    """Long enough for Docker to decide: start period plus every retry, within a cap."""
    if not check:
        return min(10.0, cap_s)
    spent = check["start_period_s"] + check["interval_s"] * (check["retries"] + 1)
    return min(spent + check["timeout_s"] + 5.0, cap_s)


def verdict(inspect: dict[str, Any], has_check: bool) -> bool | None:
    """True: serving; False: it will not serve; None: not decided yet."""
    state = inspect.get("State") or {}
    if state.get("Status") in ("exited", "dead", "removing"):
        return False
    health = (state.get("Health") or {}).get("Status")
    if has_check:
        if health == "unhealthy":
            return False
        return True if health == "healthy" else None
    return True if state.get("Status") == "running" else None


async def wait_serving(container: Any, check: dict[str, Any] | None, cap_s: float
                       ) -> tuple[bool, dict[str, Any]]:
    """Poll the container until it serves, fails, or the deadline passes."""
    end = time.monotonic() + health_deadline_s(check, cap_s)
    inspect: dict[str, Any] = {}
    while time.monotonic() < end:
        inspect = await container.show()
        decided = verdict(inspect, bool(check))
        if decided is not None:
            return decided, inspect
        await asyncio.sleep(0.25)
    return False, inspect


def observed(inspect: dict[str, Any]) -> dict[str, Any]:
    state = inspect.get("State") or {}
    return {"state": state.get("Status", "unknown"),
            "health": (state.get("Health") or {}).get("Status"),
            "ports": published_ports(inspect)}


