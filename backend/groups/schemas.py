import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict, model_validator

from backend.core.names import Description, Name, Username
from backend.core.schemas import Input
from backend.models import Role


class GroupCreate(Input):

    name: Name
    description: Description = ""


class GroupUpdate(Input):

    description: Description | None = None


class GroupRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str
    description: str
    created_at: datetime
    my_role: Role | None = None


# Owner is not assignable here: ownership moves only through POST /groups/{id}/transfer.
class MemberCreate(Input):

    user_id: uuid.UUID | None = None
    username: Username | None = None
    role: Role = Role.viewer

    @model_validator(mode="after")
    def _one_identity(self) -> "MemberCreate":
        if (self.user_id is None) == (self.username is None):
            raise ValueError("give exactly one of user_id or username")
        if self.role == Role.owner:
            raise ValueError("ownership is given with POST /groups/{id}/transfer")
        return self


class MemberUpdate(Input):

    role: Role

    @model_validator(mode="after")
    def _not_owner(self) -> "MemberUpdate":
        if self.role == Role.owner:
            raise ValueError("ownership is given with POST /groups/{id}/transfer")
        return self


class MemberRead(BaseModel):
    user_id: uuid.UUID
    username: str
    role: Role
    created_at: datetime


class TransferRequest(Input):

    user_id: uuid.UUID
