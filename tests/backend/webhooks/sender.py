"""Deliveries as GitHub, Gitea and GitLab send them: raw body plus signed headers."""

import json
import uuid
from typing import Any

from backend.webhooks.signatures import github_signature, hmac_hex

ZERO = "0" * 40


def body_of(payload: Any) -> bytes:
    return json.dumps(payload).encode()


def github(secret: str, event: str, body: bytes, delivery: str | None = None
           ) -> dict[str, str]:
    return {"Content-Type": "application/json", "X-GitHub-Event": event,
            "X-GitHub-Delivery": delivery or str(uuid.uuid4()),
            "X-Hub-Signature-256": github_signature(secret, body)}


def gitea(secret: str, event: str, body: bytes, delivery: str | None = None
          ) -> dict[str, str]:
    # Gitea sends GitHub's headers as well; its own are what count.
    return {"Content-Type": "application/json", "X-Gitea-Event": event,
            "X-GitHub-Event": event, "X-Gitea-Delivery": delivery or str(uuid.uuid4()),
            "X-Gitea-Signature": hmac_hex(secret, body),
            "X-Hub-Signature-256": github_signature(secret, body)}


def gitlab(secret: str, event: str, body: bytes, delivery: str | None = None
           ) -> dict[str, str]:
    return {"Content-Type": "application/json", "X-Gitlab-Event": event,
            "X-Gitlab-Event-UUID": delivery or str(uuid.uuid4()), "X-Gitlab-Token": secret}


def push(ref: str, after: str, **extra: Any) -> dict[str, Any]:
    """The fields of a push every host sends (plus what the caller adds)."""
    return {"ref": ref, "before": ZERO, "after": after,
            "repository": {"full_name": "team/app"}, **extra}


def github_tag_push(tag: str, commit: str) -> dict[str, Any]:
    return push(f"refs/tags/{tag}", commit, created=True, deleted=False,
                head_commit={"id": commit})


def github_create(tag: str) -> dict[str, Any]:
    # GitHub's create event names the tag and not its commit.
    return {"ref": tag, "ref_type": "tag", "master_branch": "main",
            "pusher_type": "user", "repository": {"full_name": "team/app"}}
