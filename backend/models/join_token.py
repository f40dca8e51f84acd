import uuid
from datetime import datetime

from sqlmodel import Field, SQLModel

from backend.models.base import created_at_field, id_field, timestamp_field


class JoinToken(SQLModel, table=True):
    """A secret that lets one command on a new machine add it as a host of a cluster."""

    __tablename__ = "join_tokens"

    id: uuid.UUID = id_field()
    cluster_id: uuid.UUID = Field(foreign_key="clusters.id", index=True, ondelete="CASCADE")
    token_hash: str = Field(max_length=64, unique=True, index=True)
    prefix: str = Field(max_length=16)
    max_uses: int | None = None  # None: any number of hosts until it expires
    uses: int = 0
    created_by: uuid.UUID | None = Field(default=None, foreign_key="users.id",
                                         ondelete="SET NULL")
    created_at: datetime = created_at_field()
    expires_at: datetime = timestamp_field(nullable=False)
    revoked_at: datetime | None = timestamp_field()
