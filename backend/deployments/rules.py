"""Pure rules about containers and routes."""

from typing import Any

# Desired states that hold a slot of the deployment (and memory on the host).
LIVE = ("running", "stopped")


def serving(desired_state: str, state: str, health: str | None, has_health_check: bool) -> bool:
    """Whether traffic may go to a container: running and, if it has a check, healthy."""
    if desired_state != "running" or state != "running":
        return False
    return health == "healthy" if has_health_check else True


def upstream(ports: dict[str, str], version_ports: list[dict[str, Any]]) -> str | None:
    """host:port of the app's first declared port, as Docker published it."""
    if not version_ports:
        return None
    first = version_ports[0]
    return ports.get(f"{first['container_port']}/{first['protocol']}")


def route_record(app_id: str, domains: list[str], upstreams: list[str],
                 tls: list[str] | None = None) -> dict[str, Any]:
    record = {"app_id": app_id, "domains": sorted(domains), "upstreams": sorted(set(upstreams))}
    if tls:  # domains with a certificate on file (lbgen serves them on the TLS port)
        record["tls"] = sorted(tls)
    return record
