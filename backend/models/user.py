import uuid
from datetime import datetime

from sqlmodel import Field, SQLModel

from backend.models.base import created_at_field, id_field


class User(SQLModel, table=True):
    __tablename__ = "users"

    id: uuid.UUID = id_field()
    username: str = Field(max_length=64, unique=True, index=True)
    email: str | None = Field(default=None, max_length=254)
    password_hash: str = Field(max_length=256)
    is_admin: bool = False
    is_active: bool = True
    created_at: datetime = created_at_field()
