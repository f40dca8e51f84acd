import uuid
from datetime import datetime

from sqlmodel import Field, SQLModel

from backend.models.base import created_at_field, id_field, timestamp_field


class SshKey(SQLModel, table=True):
    """A user's public key for the SSH gateway. A key belongs to one user only."""

    __tablename__ = "ssh_keys"

    id: uuid.UUID = id_field()
    user_id: uuid.UUID = Field(foreign_key="users.id", index=True, ondelete="CASCADE")
    name: str = Field(max_length=100)
    # "ssh-ed25519 AAAA…" without the comment: what the gateway compares.
    public_key: str = Field(max_length=4096)
    # SHA256:… as ssh-keygen -l prints it; unique, so one key maps to one user.
    fingerprint: str = Field(max_length=64, unique=True, index=True)
    key_type: str = Field(max_length=32)
    created_at: datetime = created_at_field()
    last_used_at: datetime | None = timestamp_field()
