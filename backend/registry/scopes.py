"""Registry scopes (`repository:team/web:pull,push`) and what a caller is granted: pure."""

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

# Docker's repository-name grammar (distribution/reference): path components of
# lowercase alphanumerics separated by one `.`, one or two `_`, or any number of `-`.
COMPONENT = r"[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*"
REPOSITORY_RE = re.compile(rf"^{COMPONENT}(?:/{COMPONENT})*$")
NAME_MAX = 255
KNOWN_ACTIONS = frozenset({"pull", "push", "delete", "*"})
# The platform's own namespace: base images everyone may pull, platform admins push.
PLATFORM_NAMESPACE = "library"


@dataclass(frozen=True)
class Scope:
    type: str
    name: str
    actions: tuple[str, ...]

    def access(self) -> dict[str, object]:
        return {"type": self.type, "name": self.name, "actions": list(self.actions)}


def parse_scope(text: str) -> Scope | None:
    """`type:name:a,b`; the name may hold a `:` (a registry with a port). None if malformed."""
    kind, sep, rest = text.partition(":")
    name, sep2, actions = rest.rpartition(":")
    if not sep or not sep2 or not kind or not name:
        return None
    wanted = tuple(sorted({a for a in actions.split(",") if a}))
    return Scope(kind.split("(")[0], name, wanted)  # `repository(plugin)`: the class is moot


def parse_scopes(values: Iterable[str]) -> list[Scope]:
    """Every `scope` parameter, each possibly several space-separated scopes (RFC 6749)."""
    scopes = [parse_scope(part) for value in values for part in value.split()]
    return [s for s in scopes if s is not None]


def valid_repository(name: str) -> bool:
    return len(name) <= NAME_MAX and REPOSITORY_RE.match(name) is not None


def namespace_of(repository: str) -> str | None:
    """The first path component of a repository with at least two, else None."""
    head, sep, _ = repository.partition("/")
    return head if sep and valid_repository(repository) else None


def narrow(requested: tuple[str, ...], allowed: frozenset[str]) -> tuple[str, ...]:
    """The requested actions the caller holds; `*` only for one who holds every action."""
    granted = []
    for action in requested:
        if action == "*":
            if {"pull", "push", "delete"} <= allowed or "*" in allowed:
                granted.append("*")
        elif action in allowed or "*" in allowed:
            granted.append(action)
    return tuple(granted)


def grant(scopes: list[Scope], allowed: Callable[[Scope], frozenset[str]]
          ) -> list[dict[str, object]]:
    """The intersection of each requested scope with what `allowed` says the caller holds;
    scopes with nothing left are left out (the registry then answers 401/403 itself)."""
    out: list[dict[str, object]] = []
    for scope in scopes:
        actions = narrow(tuple(a for a in scope.actions if a in KNOWN_ACTIONS), allowed(scope))
        if actions:
            out.append(Scope(scope.type, scope.name, actions).access())
    return out
