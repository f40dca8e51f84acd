"""Route records from etcd, checked again here (lbgen trusts nothing it renders)."""

from __future__ import annotations

import ipaddress
import json
import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field

# RFC 1123 labels; the only wildcard is a whole leading "*." label.
_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
_UPSTREAM = re.compile(r"^([0-9.]+|\[[0-9a-f:]+\]):([0-9]{1,5})$")


def valid_domain(name: str) -> bool:
    if not name or len(name) > 253 or name != name.lower():
        return False
    labels = name.split(".")
    if labels[0] == "*":
        labels = labels[1:]
        if len(labels) < 2:
            return False
    if len(labels) < 2:
        return False
    return all(_LABEL.match(label) for label in labels)


def valid_upstream(address: str) -> bool:
    match = _UPSTREAM.match(address)
    if not match or not 0 < int(match[2]) < 65536:
        return False
    try:
        ipaddress.ip_address(match[1].strip("[]"))
    except ValueError:
        return False
    return True


@dataclass(frozen=True)
class Route:
    app_id: str
    domains: tuple[str, ...]
    upstreams: tuple[str, ...]
    tls: tuple[str, ...] = ()  # domains that have a certificate

    @property
    def upstream_name(self) -> str:
        return "app_" + self.app_id.replace("-", "_")


@dataclass(frozen=True)
class Certificate:
    cert_path: str
    key_path: str


@dataclass(frozen=True)
class Model:
    """What the config serves: routes by app id, and each domain's one owner."""

    routes: tuple[Route, ...]
    # domain -> certificate files, only for domains whose files lbgen found
    certificates: tuple[tuple[str, Certificate], ...] = field(default=())
    dropped: tuple[str, ...] = ()  # why a record or a domain was left out


def parse_route(key: str, value: bytes) -> Route | str:
    """A Route, or the reason the record is left out."""
    app_id = key.rstrip("/").rsplit("/", 1)[-1]
    try:
        app_id = str(uuid.UUID(app_id))
        record = json.loads(value)
        domains = record.get("domains", [])
        upstreams = record.get("upstreams", [])
        tls = record.get("tls", [])
    except (ValueError, AttributeError):
        return f"{key}: not a route record"
    if not all(isinstance(v, list) and all(isinstance(x, str) for x in v)
               for v in (domains, upstreams, tls)):
        return f"{key}: not a route record"
    bad = [d for d in domains if not valid_domain(d)] + [
        u for u in upstreams if not valid_upstream(u)]
    if bad:
        return f"{key}: invalid names {sorted(bad)}"
    return Route(app_id, tuple(sorted(set(domains))), tuple(sorted(set(upstreams))),
                 tuple(sorted(set(tls) & set(domains))))


def build(records: Iterable[tuple[str, bytes]],
          certificates: dict[str, Certificate] | None = None) -> Model:
    """The model of a snapshot: a domain claimed twice goes to the lower app id."""
    routes: list[Route] = []
    dropped: list[str] = []
    for key, value in records:
        parsed = parse_route(key, value)
        (dropped.append if isinstance(parsed, str) else routes.append)(parsed)  # type: ignore[arg-type]
    routes.sort(key=lambda r: r.app_id)
    owner: dict[str, str] = {}
    kept: list[Route] = []
    for route in routes:
        mine = []
        for domain in route.domains:
            if domain in owner:
                dropped.append(f"{domain}: claimed by {owner[domain]} and {route.app_id}")
            else:
                owner[domain] = route.app_id
                mine.append(domain)
        kept.append(Route(route.app_id, tuple(mine), route.upstreams,
                          tuple(d for d in route.tls if d in mine)))
    certs = certificates or {}
    tls_domains = sorted(d for r in kept for d in r.tls if d in certs)
    return Model(tuple(kept), tuple((d, certs[d]) for d in tls_domains), tuple(sorted(dropped)))
