import enum
import uuid
from datetime import datetime

from sqlmodel import Field, SQLModel

from backend.models.base import created_at_field, enum_field, id_field, timestamp_field


class TokenKind(enum.StrEnum):
    session = "session"    # from POST /auth/login
    personal = "personal"  # personal access token for CLIs and generated clients


class AccessToken(SQLModel, table=True):
    __tablename__ = "access_tokens"

    id: uuid.UUID = id_field()
    user_id: uuid.UUID = Field(foreign_key="users.id", index=True, ondelete="CASCADE")
    name: str = Field(max_length=100)
    kind: TokenKind = enum_field(TokenKind, TokenKind.session, "token_kind")
    # SHA-256 of the secret: tokens carry 256 bits of entropy, so a fast hash is enough
    # and lets each request find its token with one indexed lookup.
    token_hash: str = Field(max_length=64, unique=True, index=True)
    prefix: str = Field(max_length=16)
    created_at: datetime = created_at_field()
    expires_at: datetime | None = timestamp_field()
    last_used_at: datetime | None = timestamp_field()
    revoked_at: datetime | None = timestamp_field()
