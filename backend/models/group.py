import enum
import uuid
from datetime import datetime

from sqlmodel import Field, SQLModel

from backend.models.base import created_at_field, enum_field, id_field


class Role(enum.StrEnum):
    viewer = "viewer"
    developer = "developer"
    admin = "admin"
    owner = "owner"

    @property
    def rank(self) -> int:
        return _RANK[self]

    def allows(self, needed: "Role") -> bool:
        return self.rank >= needed.rank


_RANK = {Role.viewer: 0, Role.developer: 1, Role.admin: 2, Role.owner: 3}


class Group(SQLModel, table=True):
    __tablename__ = "groups"

    id: uuid.UUID = id_field()
    name: str = Field(max_length=63, unique=True, index=True)
    description: str = Field(default="", max_length=1000)
    created_at: datetime = created_at_field()


class Member(SQLModel, table=True):
    __tablename__ = "members"

    group_id: uuid.UUID = Field(foreign_key="groups.id", primary_key=True, ondelete="CASCADE")
    user_id: uuid.UUID = Field(foreign_key="users.id", primary_key=True, index=True,
                               ondelete="CASCADE")
    role: Role = enum_field(Role, Role.viewer, "member_role")
    created_at: datetime = created_at_field()
