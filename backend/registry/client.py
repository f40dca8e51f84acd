"""Questions the platform asks its own registry, with a platform token each time."""

import httpx

from backend.core.config import BackendSettings
from backend.core.errors import DockyardError
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
