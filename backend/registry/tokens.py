"""Registry tokens for users (the token endpoint) and for the platform itself."""

import asyncio
import base64
import binascii
import json
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession

from backend.core.auth import user_for_token
from backend.core.config import BackendSettings
from backend.core.errors import DockyardError
from backend.core.security import TOKEN_PREFIX, verify_password
from backend.models import User
from backend.registry.access import Resolver
from backend.registry.scopes import Scope, grant
from backend.registry.signing import Claims, TokenSigner
from backend.users import service as users

PLATFORM_SUBJECT = "dockyard-platform"


class RegistryUnauthorized(DockyardError):
    status, title, slug = 401, "Not authenticated", "unauthorized"

    def __init__(self, detail: str) -> None:
        # Basic: what `docker login` and the engine send to the token endpoint.
        super().__init__(detail, headers={"WWW-Authenticate": 'Basic realm="Dockyard registry"'})


@lru_cache(maxsize=4)
def signer(directory: Path) -> TokenSigner:
    return TokenSigner(directory)


def sign(settings: BackendSettings, subject: str, access: list[dict[str, object]],
         now: datetime | None = None) -> tuple[str, datetime]:
    issued = now or datetime.now(UTC)
    claims = Claims(issuer=settings.registry_issuer, subject=subject,
                    audience=settings.registry_service, access=access, issued_at=issued,
                    ttl_s=settings.registry_token_ttl_s)
    return signer(settings.registry_auth_dir).sign(claims), issued


def basic_credentials(header: str | None) -> tuple[str, str] | None:
    if not header:
        return None
    scheme, _, value = header.partition(" ")
    if scheme.lower() != "basic":
        return None
    try:
        decoded = base64.b64decode(value.strip(), validate=True).decode()
    except (binascii.Error, UnicodeDecodeError):
        return None
    username, sep, password = decoded.partition(":")
    return (username, password) if sep and username else None


async def authenticate(session: AsyncSession, username: str, secret: str) -> User:
    """A password, or one of the user's access tokens (fast: no password hash)."""
    if secret.startswith(TOKEN_PREFIX):
        found = await user_for_token(session, secret)
        if found is not None and found[0].username == username:
            return found[0]
        raise RegistryUnauthorized("The token is unknown, expired, revoked or not yours.")
    user = await users.find_by_username(session, username)
    # argon2 takes ~0.1 s of CPU on purpose: off the event loop, so other requests go on.
    ok = await asyncio.to_thread(verify_password, secret, user.password_hash if user else None)
    if user is None or not ok or not user.is_active:
        raise RegistryUnauthorized("Wrong username or password.")
    return user


async def user_token(session: AsyncSession, settings: BackendSettings, user: User,
                     scopes: list[Scope]) -> tuple[str, datetime]:
    """The intersection of what was asked and what the user holds, signed."""
    resolver = Resolver(session, user)
    await resolver.load(scopes)
    return sign(settings, user.username, grant(scopes, resolver.allowed))


def platform_auth(settings: BackendSettings, image: str, actions: tuple[str, ...] = ("pull",)
                  ) -> dict[str, str] | None:
    """X-Registry-Auth for an engine pulling or pushing one of our registry's images: a
    short-lived token for that one repository, never a password. None for other registries."""
    registry = settings.registry_address
    if not image.startswith(registry + "/"):
        return None
    name = image[len(registry) + 1:].split("@", 1)[0]
    if ":" in name.rsplit("/", 1)[-1]:
        name = name.rsplit(":", 1)[0]
    access: list[dict[str, object]] = [{"type": "repository", "name": name,
                                        "actions": list(actions)}]
    token, _ = sign(settings, PLATFORM_SUBJECT, access)
    return {"registrytoken": token, "serveraddress": registry}


def encode_auth(auth: dict[str, str]) -> str:
    """The X-Registry-Auth header value (URL-safe base64 JSON, as the Docker CLI sends)."""
    return base64.urlsafe_b64encode(json.dumps(auth).encode()).decode()
