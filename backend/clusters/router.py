import uuid

from fastapi import Response, status

from backend.clusters import service
from backend.clusters.schemas import ClusterCreate, ClusterRead, ClusterUpdate
from backend.core.auth import CurrentUser
from backend.core.db import SessionDep
from backend.core.errors import problem_responses
from backend.core.pagination import Page, PageDep
from backend.core.routing import make_router

router = make_router("clusters", responses=problem_responses(401, 404))


@router.get("/clusters", name="list", response_model=Page[ClusterRead])
async def list_clusters(session: SessionDep, user: CurrentUser, page: PageDep
                        ) -> Page[ClusterRead]:
    """List public clusters and your groups' private clusters."""
    clusters, cursor = await service.list_clusters(session, user, page)
    return Page(items=await service.to_read(session, clusters), next_cursor=cursor)


@router.post("/clusters", name="create", response_model=ClusterRead,
             status_code=status.HTTP_201_CREATED, responses=problem_responses(403, 409))
async def create_cluster(session: SessionDep, user: CurrentUser, body: ClusterCreate
                         ) -> ClusterRead:
    """Create a public cluster (platform admins) or a group's private one (group admins)."""
    cluster = await service.create_cluster(session, user, body.name, body.description,
                                           body.group_id)
    return (await service.to_read(session, [cluster]))[0]


@router.get("/clusters/{cluster_id}", name="get", response_model=ClusterRead)
async def get_cluster(session: SessionDep, user: CurrentUser, cluster_id: uuid.UUID
                      ) -> ClusterRead:
    """Get a cluster."""
    cluster = await service.get_cluster(session, user, cluster_id)
    return (await service.to_read(session, [cluster]))[0]


@router.patch("/clusters/{cluster_id}", name="update", response_model=ClusterRead,
              responses=problem_responses(403))
async def update_cluster(session: SessionDep, user: CurrentUser, cluster_id: uuid.UUID,
                         body: ClusterUpdate) -> ClusterRead:
    """Change a cluster's description."""
    cluster = await service.update_cluster(session, user, cluster_id, body.description)
    return (await service.to_read(session, [cluster]))[0]


@router.delete("/clusters/{cluster_id}", name="delete", status_code=status.HTTP_204_NO_CONTENT,
               responses=problem_responses(403, 409))
async def delete_cluster(session: SessionDep, user: CurrentUser, cluster_id: uuid.UUID
                         ) -> Response:
    """Delete a cluster with no hosts."""
    await service.delete_cluster(session, user, cluster_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
