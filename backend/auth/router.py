from datetime import timedelta

from fastapi import Request, Response, status

from backend.auth import service
from backend.auth.schemas import LoginRequest, LoginResponse
from backend.core.auth import CurrentToken
from backend.core.db import SessionDep
from backend.core.errors import problem_responses
from backend.core.routing import make_router
from backend.users import service as users
from backend.users.errors import SignupDisabled
from backend.users.schemas import SignupRequest, UserRead

router = make_router("auth")


@router.post("/auth/login", name="login", response_model=LoginResponse,
             responses=problem_responses(401))
async def login(session: SessionDep, request: Request, body: LoginRequest) -> LoginResponse:
    """Exchange a username and password for a bearer token."""
    ttl = timedelta(hours=request.app.state.settings.session_token_hours)
    secret, token = await service.login(session, body.username, body.password, ttl)
    assert token.expires_at is not None
    return LoginResponse(access_token=secret, expires_at=token.expires_at)


@router.post("/auth/logout", name="logout", status_code=status.HTTP_204_NO_CONTENT,
             responses=problem_responses(401))
async def logout(session: SessionDep, found: CurrentToken) -> Response:
    """Revoke the token this request was made with."""
    await service.logout(session, found[1])
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post("/auth/signup", name="signup", response_model=UserRead,
             status_code=status.HTTP_201_CREATED, responses=problem_responses(403, 409))
async def signup(session: SessionDep, request: Request, body: SignupRequest) -> UserRead:
    """Sign up without an admin, when the platform allows it."""
    if not request.app.state.settings.allow_signup:
        raise SignupDisabled("Ask a platform admin to create your account.")
    user = await users.create_user(session, None, username=body.username,
                                   password=body.password, email=body.email)
    return UserRead.model_validate(user)
