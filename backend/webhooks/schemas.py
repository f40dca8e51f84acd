import enum
import uuid

from pydantic import BaseModel, Field


class WebhookResult(enum.StrEnum):
    queued = "queued"  # a build was queued
    ignored = "ignored"  # nothing to build for this event (the reason says why)
    duplicate = "duplicate"  # the other announcement of a tag already built
    seen = "seen"  # this delivery id was handled before


class WebhookAnswer(BaseModel):
    """What a delivery did; git hosts show it in their delivery log."""

    result: WebhookResult
    reason: str = Field(examples=["Build of branch 'main' at 3f9c2ab queued."])
    build_id: uuid.UUID | None = Field(
        default=None, description="The build queued, or the earlier one that covers this.")
    delivery_id: str | None = None
