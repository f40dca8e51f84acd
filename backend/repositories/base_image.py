"""Which base images a repository may build from: the platform's own, or an image of the
platform's registry its user may pull (the builder pulls with a platform token, so this
is where another team's private image is kept out of a build)."""

from sqlalchemy.ext.asyncio import AsyncSession

from backend.base_images.service import platform_images
from backend.core.config import BackendSettings
from backend.models import User
from backend.registry.access import namespace_actions
from backend.registry.client import tag_exists
from backend.registry.scopes import namespace_of


async def base_image_error(session: AsyncSession, settings: BackendSettings, user: User,
                           image: str) -> str | None:
    # The platform's images may not be built yet (scripts/base_images.sh builds the large
    # ones on first use), so they pass without asking the registry.
    if image in {p.image for p in platform_images(settings)}:
        return None
    prefix = settings.registry_address + "/"
    if not image.startswith(prefix):
        return (f"base images come from the platform's registry ({prefix}…): pick one of "
                "GET /base-images or push the image into one of your namespaces first")
    name, at, digest = image[len(prefix):].partition("@")
    repository, _, tag = name.partition(":")
    namespace = namespace_of(repository)
    held = await namespace_actions(session, user, namespace) if namespace else frozenset()
    if "pull" not in held:
        return f"you may not pull {repository} from the platform's registry"
    reference = digest if at else (tag or "latest")
    if not await tag_exists(settings, repository, reference):
        return f"the platform's registry has no {repository}:{reference}: push or build it first"
    return None
