"""What a git host's delivery asks for: a build of a branch or a tag, or nothing (and why).

Pure: headers and the parsed payload in, a decision out. The router verifies the
signature first and the service applies the decision.

Which events build:
- a push to the repository's branch (GitHub/Gitea `push`, GitLab `Push Hook`), when
  `build_on_push`, at the pushed commit;
- a pushed tag (`push` with `refs/tags/…`, GitHub/Gitea `create` with `ref_type: tag`,
  GitLab `Tag Push Hook`), when `build_on_tag`. GitHub and Gitea send both `push` and
  `create` for one tag, and GitHub's `create` carries no commit, so both ask for the tag
  and `dedupe.py` keeps it to one build.
Deletions, other branches, pings and every other event build nothing.
"""

import enum
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal
from urllib.parse import parse_qs

MAX_DELIVERY_ID = 255
_SHA = re.compile(r"[0-9a-f]{40}(?:[0-9a-f]{24})?")  # SHA-1 or SHA-256 object names
_ZERO = re.compile(r"0+")
# What `git check-ref-format` refuses, plus a leading "-" (it would read as an option).
_BAD_REF = re.compile(r"^[-.]|\.\.|@\{|//|/\.|[\x00-\x20\x7f~^:?*\[\\]|\.lock$|[/.]$")


class Provider(enum.StrEnum):
    github = "github"
    gitea = "gitea"
    gitlab = "gitlab"


@dataclass(frozen=True)
class Delivery:
    """Who sent it, which event it is, and the host's id for this delivery."""

    provider: Provider
    event: str
    delivery_id: str | None


@dataclass(frozen=True)
class BuildRef:
    """Build this ref. `commit` is None when the host did not say (GitHub's `create`)."""

    ref: str
    ref_type: Literal["branch", "tag"]
    commit: str | None

    @property
    def trigger(self) -> str:
        return "tag" if self.ref_type == "tag" else "push"


@dataclass(frozen=True)
class Ignore:
    reason: str


@dataclass(frozen=True)
class Rules:
    """The parts of a repository's configuration that decide what builds."""

    branch: str
    build_on_push: bool
    build_on_tag: bool


class Malformed(ValueError):
    """A signed payload that does not have the shape its event promises."""


class NotJson(ValueError):
    """A signed body that is not JSON (nor a form with a JSON `payload` field)."""


def load_payload(content_type: str, body: bytes) -> Any:
    """The delivery's JSON; GitHub and Gitea may send it as a form's `payload` field."""
    try:
        if content_type.split(";")[0].strip().lower() != "application/x-www-form-urlencoded":
            return json.loads(body)
        fields = parse_qs(body.decode(), strict_parsing=True)
    # RecursionError: JSON nested thousands deep, which the size bound alone allows.
    except (ValueError, RecursionError) as exc:
        raise NotJson("The body is not JSON.") from exc
    if len(fields.get("payload", [])) != 1:
        raise NotJson("A form delivery must have exactly one 'payload' field.")
    try:
        return json.loads(fields["payload"][0])
    except (ValueError, RecursionError) as exc:
        raise NotJson("The form's 'payload' field is not JSON.") from exc


def identify(headers: Mapping[str, str]) -> Delivery | None:
    """The provider from its event header; `headers` with lower-case names.

    Gitea also sends GitHub's headers for compatibility, so it is recognised first.
    """
    if event := headers.get("x-gitlab-event"):
        # Idempotency-Key stays the same across GitLab's retries (17.4+); the event UUID
        # is what older versions send.
        return Delivery(Provider.gitlab, event,
                        headers.get("idempotency-key") or headers.get("x-gitlab-event-uuid"))
    if event := headers.get("x-gitea-event"):
        return Delivery(Provider.gitea, event, headers.get("x-gitea-delivery"))
    if event := headers.get("x-github-event"):
        return Delivery(Provider.github, event, headers.get("x-github-delivery"))
    return None


def valid_delivery_id(delivery_id: str | None) -> bool:
    return delivery_id is None or (0 < len(delivery_id) <= MAX_DELIVERY_ID
                                   and delivery_id.isprintable())


def decide(delivery: Delivery, payload: Any, rules: Rules) -> BuildRef | Ignore:
    """Raises Malformed when a push or create payload lacks what it must carry."""
    if not isinstance(payload, dict):
        raise Malformed("The payload must be a JSON object.")
    wanted = _wanted(delivery, payload)
    if isinstance(wanted, Ignore):
        return wanted
    return _apply_rules(wanted, rules)


def _wanted(delivery: Delivery, payload: dict[str, Any]) -> BuildRef | Ignore:
    provider, event = delivery.provider, delivery.event
    if provider is Provider.gitlab:
        if event in ("Push Hook", "Tag Push Hook"):
            return _push(payload)
        return Ignore(f"GitLab event '{event}' does not build; pushes and tag pushes do.")
    if event == "push":
        return _push(payload)
    if event == "create":
        return _create(provider, payload)
    if event == "ping":
        return Ignore("Ping received: the webhook reaches Dockyard and its secret matches. "
                      "Nothing to build.")
    if event == "delete":
        return Ignore("A deleted branch or tag is not built.")
    host = "GitHub" if provider is Provider.github else "Gitea"
    return Ignore(f"{host} event '{event}' does not build; pushes and new tags do.")


def _push(payload: dict[str, Any]) -> BuildRef | Ignore:
    ref, after = payload.get("ref"), payload.get("after")
    if not isinstance(ref, str) or not isinstance(after, str):
        raise Malformed("A push payload must carry 'ref' and 'after' as strings.")
    if ref.startswith("refs/heads/"):
        name, ref_type = ref.removeprefix("refs/heads/"), "branch"
    elif ref.startswith("refs/tags/"):
        name, ref_type = ref.removeprefix("refs/tags/"), "tag"
    else:
        return Ignore(f"Ref '{ref[:255]}' is neither a branch nor a tag.")
    _check_name(name)
    if payload.get("deleted") is True or _ZERO.fullmatch(after):
        return Ignore(f"The {ref_type} '{name}' was deleted; nothing to build.")
    if ref_type == "branch":
        return BuildRef(name, "branch", _commit(after))
    # An annotated tag's `after` names the tag object; the commit it points at is
    # `head_commit.id` (GitHub, Gitea) or `checkout_sha` (GitLab).
    head = payload.get("head_commit")
    peeled = head.get("id") if isinstance(head, dict) else payload.get("checkout_sha")
    return BuildRef(name, "tag", _commit(peeled if isinstance(peeled, str) else after))


def _create(provider: Provider, payload: dict[str, Any]) -> BuildRef | Ignore:
    ref, ref_type = payload.get("ref"), payload.get("ref_type")
    if not isinstance(ref, str) or not isinstance(ref_type, str):
        raise Malformed("A create payload must carry 'ref' and 'ref_type' as strings.")
    if ref_type != "tag":
        return Ignore(f"A new {ref_type[:32]} is built from its push event, not its "
                      "create event.")
    name = ref.removeprefix("refs/tags/")
    _check_name(name)
    sha = payload.get("sha") if provider is Provider.gitea else None
    return BuildRef(name, "tag", _commit(sha) if isinstance(sha, str) else None)


def _apply_rules(wanted: BuildRef, rules: Rules) -> BuildRef | Ignore:
    if wanted.ref_type == "tag":
        if not rules.build_on_tag:
            return Ignore(f"Tag '{wanted.ref}' not built: build_on_tag is off.")
        return wanted
    if wanted.ref != rules.branch:
        return Ignore(f"Branch '{wanted.ref}' is not the repository's branch "
                      f"'{rules.branch}'; nothing to build.")
    if not rules.build_on_push:
        return Ignore(f"Branch '{wanted.ref}' not built: build_on_push is off.")
    return wanted


def _check_name(name: str) -> None:
    if not name or len(name) > 255 or _BAD_REF.search(name):
        raise Malformed(f"'{name[:255]}' is not a valid git branch or tag name.")


def _commit(value: str) -> str:
    sha = value.lower()
    if not _SHA.fullmatch(sha):
        raise Malformed(f"'{value[:80]}' is not a commit id.")
    return sha
