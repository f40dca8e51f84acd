"""Which Docker endpoints and addresses a host may be registered with (pure).

A group's host is reached over the network at an address of its own. A unix socket or a
loopback address is on the control plane's own machine (its engine, or another host's),
so only a platform admin may register one. Unspecified, multicast and link-local
addresses never name one host: nobody may use them.
"""

import ipaddress
from dataclasses import dataclass

IpAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


@dataclass(frozen=True)
class Target:
    scheme: str  # unix, tcp, https
    host: str  # the socket path for unix


def parse(endpoint: str) -> Target:
    scheme, _, rest = endpoint.partition("://")
    if scheme == "unix":
        return Target("unix", rest)
    host = rest.rstrip("/").rpartition(":")[0].strip("[]")
    return Target(scheme, host)


def _ip(text: str) -> IpAddress | None:
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None


def address_error(address: str, *, admin: bool) -> str | None:
    ip = _ip(address)
    if ip is None:
        return "address must be an IP address"
    if ip.is_unspecified or ip.is_multicast or ip.is_link_local:
        return f"address {address} does not name one host (unspecified, multicast or link-local)"
    if ip.is_loopback and not admin:
        return "only platform admins may register a host on a loopback address"
    return None


def endpoint_error(endpoint: str, address: str, *, admin: bool) -> str | None:
    """Why this endpoint may not be registered by this registrant, or None."""
    target = parse(endpoint)
    if target.scheme == "unix":
        return None if admin else ("only platform admins may register a host on a unix "
                                   "socket: give the engine's tcp:// or https:// address")
    ip = _ip(target.host)
    if ip is None:
        return "the docker_endpoint's host must be an IP address"
    if error := address_error(target.host, admin=admin):
        return error.replace("address", "docker_endpoint", 1)
    if target.scheme == "https" and ip != _ip(address):
        # The certificate we issue names the registrant's address, nothing else.
        return "an https:// docker_endpoint must be at the host's own address"
    return None


def certificate_names(address: str) -> list[str]:
    """What an engine's server certificate may name: the registrant's own address only."""
    return [address]
