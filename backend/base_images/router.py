import uuid

from fastapi import Response, status

from backend.base_images import service
from backend.base_images.schemas import BaseImageCreate, BaseImageRead
from backend.core.auth import CurrentUser
from backend.core.db import SessionDep
from backend.core.deps import SettingsDep
from backend.core.errors import problem_responses
from backend.core.routing import make_router

router = make_router("base_images", responses=problem_responses(401))


@router.get("/base-images", name="list", response_model=list[BaseImageRead])
async def list_base_images(session: SessionDep, settings: SettingsDep, user: CurrentUser
                           ) -> list[BaseImageRead]:
    """List the base images you may build from: the platform's, then your teams'."""
    return await service.list_base_images(session, settings, user)


@router.post("/namespaces/{name}/base-images", name="create", response_model=BaseImageRead,
             status_code=status.HTTP_201_CREATED,
             responses=problem_responses(403, 404, 409, 503))
async def add_base_image(session: SessionDep, settings: SettingsDep, user: CurrentUser,
                         name: str, body: BaseImageCreate) -> BaseImageRead:
    """Offer a tag of the namespace as a business base image (developers)."""
    return await service.add_base_image(session, settings, user, name, body.image, body.name,
                                        body.description)


@router.delete("/namespaces/{name}/base-images/{image_id}", name="delete",
               status_code=status.HTTP_204_NO_CONTENT, responses=problem_responses(403, 404))
async def remove_base_image(session: SessionDep, user: CurrentUser, name: str,
                            image_id: uuid.UUID) -> Response:
    """Stop offering a business base image (developers)."""
    await service.remove_base_image(session, user, name, image_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
