import enum
import uuid
from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints

from backend.core.names import Username
from backend.core.schemas import Input
from backend.models import RegistryAccess
from backend.registry.scopes import COMPONENT

# One path component of Docker's repository-name grammar: `<namespace>/<repository>`.
NamespaceName = Annotated[str, StringConstraints(pattern=rf"^{COMPONENT}$", min_length=2,
                                                 max_length=63)]


class MyAccess(enum.StrEnum):
    pull = "pull"
    push = "push"
    manage = "manage"


class NamespaceCreate(Input):

    name: NamespaceName
    group_id: uuid.UUID
    public: bool = False


class NamespaceUpdate(Input):

    public: bool | None = None


class NamespaceRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str
    group_id: uuid.UUID
    public: bool
    created_at: datetime
    my_access: MyAccess | None = None


class NamespaceMemberCreate(Input):

    username: Username
    access: RegistryAccess = RegistryAccess.pull


class NamespaceMemberUpdate(Input):

    access: RegistryAccess


class NamespaceMemberRead(BaseModel):
    user_id: uuid.UUID
    username: str
    access: RegistryAccess
