import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict

from backend.core.names import Email, Password, Username
from backend.core.schemas import Input


class UserCreate(Input):

    username: Username
    password: Password
    email: Email | None = None
    is_admin: bool = False


class SignupRequest(Input):

    username: Username
    password: Password
    email: Email | None = None


class UserRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    username: str
    email: str | None
    is_admin: bool
    is_active: bool
    created_at: datetime
