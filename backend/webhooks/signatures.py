"""Is this delivery from the git host that holds the repository's webhook secret?

Each host proves it differently: GitHub signs the raw body (`X-Hub-Signature-256:
sha256=<hex HMAC-SHA256>`), Gitea sends the bare hex HMAC (`X-Gitea-Signature`), GitLab
sends the secret itself (`X-Gitlab-Token`). Every comparison is constant-time, and a
missing header is simply a mismatch.
"""

import hashlib
import hmac
import secrets
from collections.abc import Mapping

from backend.webhooks.events import Provider

GITHUB_PREFIX = "sha256="


def hmac_hex(secret: str, body: bytes) -> str:
    return hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def github_signature(secret: str, body: bytes) -> str:
    """The `X-Hub-Signature-256` value GitHub would send for this body."""
    return GITHUB_PREFIX + hmac_hex(secret, body)


def _same(a: str, b: str) -> bool:
    # compare_digest on bytes: it refuses non-ASCII str, which a forged header may hold.
    return hmac.compare_digest(a.encode(), b.encode())


def verify_github(secret: str, body: bytes, header: str | None) -> bool:
    return header is not None and _same(github_signature(secret, body), header.strip())


def verify_gitea(secret: str, body: bytes, header: str | None) -> bool:
    return header is not None and _same(hmac_hex(secret, body), header.strip().lower())


def verify_gitlab(secret: str, header: str | None) -> bool:
    return header is not None and _same(secret, header)


def verify(provider: Provider | None, secret: str, body: bytes,
           headers: Mapping[str, str]) -> bool:
    """`headers` with lower-case names, as Starlette gives them."""
    if provider is Provider.github:
        return verify_github(secret, body, headers.get("x-hub-signature-256"))
    if provider is Provider.gitea:
        return verify_gitea(secret, body, headers.get("x-gitea-signature"))
    if provider is Provider.gitlab:
        return verify_gitlab(secret, headers.get("x-gitlab-token"))
    return False


def burn_time(body: bytes) -> None:
    """Do the work of a verification for a repository that does not exist.

    An unknown repository id then costs what a wrong signature costs, so the answer's
    timing does not tell which ids exist.
    """
    verify_github(secrets.token_hex(16), body, GITHUB_PREFIX + "0" * 64)
