import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from backend.core.schemas import Input


class SshKeyCreate(Input):
    name: str = Field(min_length=1, max_length=100)
    public_key: str = Field(min_length=16, max_length=8192, description=(
        "One OpenSSH public key line (ssh-ed25519, ecdsa-sha2-nistp256/384/521, or ssh-rsa "
        "of at least 2048 bits), as in ~/.ssh/id_ed25519.pub."))


class SshKeyRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str
    key_type: str
    fingerprint: str = Field(description="SHA256:… as `ssh-keygen -l` prints it.")
    public_key: str
    created_at: datetime
    last_used_at: datetime | None
