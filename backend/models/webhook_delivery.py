import uuid
from datetime import datetime

from sqlalchemy import Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from backend.models.base import created_at_field, id_field


class WebhookDelivery(SQLModel, table=True):
    """A git host's delivery a repository answered: how a replay is recognised.

    By its body (the signature covers the body only, so a captured delivery replayed
    under a new delivery id has the same body; two real pushes never do) and by the
    host's delivery id.
    """

    __tablename__ = "webhook_deliveries"
    __table_args__ = (UniqueConstraint("repository_id", "body_sha256",
                                       name="uq_webhook_deliveries_body"),
                      Index("ix_webhook_deliveries_delivery", "repository_id", "delivery_id"))

    id: uuid.UUID = id_field()
    repository_id: uuid.UUID = Field(foreign_key="image_repositories.id", ondelete="CASCADE")
    delivery_id: str | None = Field(default=None, max_length=255)
    body_sha256: str = Field(max_length=64)
    result: str = Field(max_length=16)  # queued | ignored | duplicate
    build_id: uuid.UUID | None = Field(default=None, foreign_key="builds.id",
                                       ondelete="SET NULL")
    created_at: datetime = created_at_field()
