from datetime import datetime

from pydantic import BaseModel, Field

from backend.core.schemas import Input


class LoginRequest(Input):

    username: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=256)


class LoginResponse(BaseModel):
    access_token: str
    token_type: str = "bearer"  # noqa: S105 (a scheme name, not a secret)
    expires_at: datetime
