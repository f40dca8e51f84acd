"""Edge refusals as events: lbgen cannot write PostgreSQL, so the reconciler reads each
lbgen's status key and records a refusal (and the recovery after it) once."""

import json
from typing import Any

REJECTED, APPLIED = "edge.config_rejected", "edge.config_applied"


def parse_statuses(items: list[tuple[str, bytes]]) -> dict[str, dict[str, Any]]:
    """instance -> status, skipping values that are not JSON objects."""
    out = {}
    for key, value in items:
        try:
            status = json.loads(value)
        except ValueError:
            continue
        if isinstance(status, dict):
            out[key.rsplit("/", 1)[-1]] = status
    return out


def transitions(rejected: dict[str, str], statuses: dict[str, dict[str, Any]]
                ) -> list[tuple[str, str, dict[str, Any]]]:
    """(instance, action, detail) for each change since `rejected` (instance -> the error
    last recorded), which is updated in place. Pure apart from that dict."""
    out = []
    for instance, status in sorted(statuses.items()):
        error = str(status.get("last_error") or "")[:2000]
        if status.get("config_rejected"):
            if rejected.get(instance) != error:
                rejected[instance] = error
                out.append((instance, REJECTED, {"error": error,
                                                 "serving": status.get("generation")}))
        elif instance in rejected:
            del rejected[instance]
            out.append((instance, APPLIED, {"generation": status.get("generation")}))
    return out
