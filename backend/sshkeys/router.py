import uuid

from fastapi import Response, status

from backend.core.auth import CurrentUser
from backend.core.db import SessionDep
from backend.core.errors import problem_responses
from backend.core.pagination import Page, PageDep
from backend.core.routing import make_router
from backend.sshkeys import service
from backend.sshkeys.schemas import SshKeyCreate, SshKeyRead

router = make_router("keys", responses=problem_responses(401))


@router.get("/users/me/keys", name="list", response_model=Page[SshKeyRead])
async def list_keys(session: SessionDep, user: CurrentUser, page: PageDep) -> Page[SshKeyRead]:
    """List your SSH public keys (for the SSH gateway)."""
    keys, cursor = await service.list_keys(session, user, page)
    return Page(items=[SshKeyRead.model_validate(k) for k in keys], next_cursor=cursor)


@router.post("/users/me/keys", name="create", response_model=SshKeyRead,
             status_code=status.HTTP_201_CREATED, responses=problem_responses(409))
async def add_key(session: SessionDep, user: CurrentUser, body: SshKeyCreate) -> SshKeyRead:
    """Add an SSH public key: ed25519, ECDSA, or RSA of at least 2048 bits."""
    key = await service.add_key(session, user, body.name, body.public_key)
    return SshKeyRead.model_validate(key)


@router.delete("/users/me/keys/{key_id}", name="delete",
               status_code=status.HTTP_204_NO_CONTENT, responses=problem_responses(404))
async def delete_key(session: SessionDep, user: CurrentUser, key_id: uuid.UUID) -> Response:
    """Delete one of your SSH keys; sessions opened with it end within seconds."""
    await service.delete_key(session, user, key_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
