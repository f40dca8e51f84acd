"""Questions the platform asks its own registry, with a platform token each time."""

import httpx
from sqlalchemy.ext.asyncio import AsyncSession

from backend.core.config import BackendSettings
from backend.core.errors import DockyardError, Unprocessable
from backend.models import User
from backend.registry.access import namespace_actions
from backend.registry.scopes import namespace_of
from backend.registry.tokens import PLATFORM_SUBJECT, sign

MANIFEST_TYPES = ", ".join([
    "application/vnd.docker.distribution.manifest.v2+json",
    "application/vnd.docker.distribution.manifest.list.v2+json",
    "application/vnd.oci.image.manifest.v1+json",
    "application/vnd.oci.image.index.v1+json",
])


class RegistryUnavailable(DockyardError):
    status, title, slug = 503, "Registry unavailable", "registry-unavailable"


async def tag_exists(settings: BackendSettings, repository: str, tag: str) -> bool:
    token, _ = sign(settings, PLATFORM_SUBJECT,
                    [{"type": "repository", "name": repository, "actions": ["pull"]}])
    url = f"{settings.registry_url.rstrip('/')}/v2/{repository}/manifests/{tag}"
    try:
        async with httpx.AsyncClient(timeout=5.0) as http:
            r = await http.head(url, headers={"Authorization": f"Bearer {token}",
                                              "Accept": MANIFEST_TYPES})
    except httpx.HTTPError as exc:
        raise RegistryUnavailable("The registry did not answer; try again.") from exc
    if r.status_code in (200, 404):
        return r.status_code == 200
    raise RegistryUnavailable(f"The registry answered {r.status_code}; try again.")


async def require_image(session: AsyncSession, settings: BackendSettings, user: User,
                        image: str) -> None:
    """An image of our own registry must exist there and be one the user may pull: the
    worker pulls with a platform token, so this is where another team's private image is
    kept out of a version (422 naming it). Images of other registries pass as they are."""
    prefix = settings.registry_address + "/"
    if not image.startswith(prefix):
        return
    name, at, digest = image[len(prefix):].partition("@")
    repository, _, tag = name.partition(":")
    reference = digest if at else (tag or "latest")
    what = f"{repository}@{digest}" if at else f"{repository}:{reference}"
    namespace = namespace_of(repository)
    held = await namespace_actions(session, user, namespace) if namespace else frozenset()
    if "pull" not in held:
        _refuse(f"You may not pull {repository} from the platform's registry.")
    if not await tag_exists(settings, repository, reference):
        _refuse(f"The platform's registry has no {what}: push or build it first.")


def _refuse(msg: str) -> None:
    raise Unprocessable(msg, errors=[{"loc": ["body", "image"], "msg": msg,
                                      "type": "value_error"}])
