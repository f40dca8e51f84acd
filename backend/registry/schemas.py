from datetime import datetime

from pydantic import BaseModel


class RegistryToken(BaseModel):
    """The Docker registry token answer (`token` and, for OAuth clients, `access_token`)."""

    token: str
    access_token: str
    expires_in: int
    issued_at: datetime
