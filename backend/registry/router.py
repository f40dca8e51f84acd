from typing import Annotated

from fastapi import Header, Query

from backend.core.db import SessionDep
from backend.core.deps import SettingsDep
from backend.core.errors import BadRequest, problem_responses
from backend.core.routing import make_router
from backend.registry import tokens
from backend.registry.schemas import RegistryToken
from backend.registry.scopes import parse_scopes

router = make_router("registry", responses=problem_responses(401))


@router.get("/registry/token", name="token", response_model=RegistryToken)
async def registry_token(
    session: SessionDep, settings: SettingsDep,
    authorization: Annotated[str | None, Header()] = None,
    service: Annotated[str | None, Query(max_length=255)] = None,
    scope: Annotated[list[str] | None, Query(max_length=100)] = None,
) -> RegistryToken:
    """Docker registry token auth: Basic credentials (password or access token) in, a
    token granting the requested actions you hold out (`docker login` asks for none)."""
    if service is not None and service != settings.registry_service:
        raise BadRequest(f"This endpoint issues tokens for {settings.registry_service!r} "
                         f"only, not {service!r}.")
    credentials = tokens.basic_credentials(authorization)
    if credentials is None:
        raise tokens.RegistryUnauthorized("Log in: the registry needs Basic credentials "
                                          "(a username and a password or access token).")
    user = await tokens.authenticate(session, *credentials)
    token, issued = await tokens.user_token(session, settings, user, parse_scopes(scope or []))
    return RegistryToken(token=token, access_token=token,
                         expires_in=settings.registry_token_ttl_s, issued_at=issued)
