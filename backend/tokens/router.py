import uuid

from fastapi import Response, status

from backend.core.auth import CurrentUser
from backend.core.db import SessionDep
from backend.core.errors import problem_responses
from backend.core.pagination import Page, PageDep
from backend.core.routing import make_router
from backend.tokens import service
from backend.tokens.schemas import TokenCreate, TokenCreated, TokenRead

router = make_router("tokens", responses=problem_responses(401))


@router.post("/tokens", name="create", response_model=TokenCreated,
             status_code=status.HTTP_201_CREATED)
async def create_token(session: SessionDep, user: CurrentUser, body: TokenCreate) -> TokenCreated:
    """Create a personal access token; its secret is shown only in this response."""
    secret, token = await service.create_token(session, user, body.name, body.expires_in_days)
    return TokenCreated(token=secret, **TokenRead.model_validate(token).model_dump())


@router.get("/tokens", name="list", response_model=Page[TokenRead])
async def list_tokens(session: SessionDep, user: CurrentUser, page: PageDep) -> Page[TokenRead]:
    """List your personal access tokens (secrets are never shown again)."""
    tokens, cursor = await service.list_tokens(session, user, page)
    return Page(items=[TokenRead.model_validate(t) for t in tokens], next_cursor=cursor)


@router.delete("/tokens/{token_id}", name="revoke", status_code=status.HTTP_204_NO_CONTENT,
               responses=problem_responses(404))
async def revoke_token(session: SessionDep, user: CurrentUser, token_id: uuid.UUID) -> Response:
    """Revoke one of your personal access tokens."""
    await service.revoke_token(session, user, token_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
