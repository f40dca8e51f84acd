"""One build per pushed tag, though the git host announces it twice.

GitHub and Gitea send a `push` (with the commit) and a `create` (GitHub's without a
commit) for one new tag, in either order and often at the same moment; a webhook
subscribed to only one of them must still build. So both ask for the tag, and the
second is dropped when the repository has a build of that tag from the last
TAG_WINDOW, whatever its commit: one event may not know the commit, or name the tag
object rather than the commit it points at. Replays of one delivery are caught
earlier, by its delivery id or its body (`webhook_deliveries`); `queue_build` itself
also refuses a webhook build of a tag already built at the same commit.

The cost, chosen knowingly: a tag deleted and pushed again within TAG_WINDOW is not
rebuilt by the webhook (a manual build does it); later, it is.
"""

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

TAG_WINDOW = timedelta(minutes=10)


@dataclass(frozen=True)
class PriorBuild:
    id: uuid.UUID
    created_at: datetime


def duplicate_of(priors: list[PriorBuild], now: datetime) -> PriorBuild | None:
    """The earlier build of the same tag that makes this request redundant, if any."""
    return next((p for p in priors if now - p.created_at < TAG_WINDOW), None)
