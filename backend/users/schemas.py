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


class UserUpdate(Input):
    """Platform admins change these; unset fields stay as they are."""

    email: Email | None = None
    is_admin: bool | None = None
    is_active: bool | None = None


class PasswordReset(Input):
    password: Password


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
