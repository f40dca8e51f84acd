import uuid

from fastapi import Response, status

from backend.core.auth import CurrentUser
from backend.core.db import SessionDep
from backend.core.errors import problem_responses
from backend.core.routing import make_router
from backend.quotas import service
from backend.quotas.schemas import QuotaRead, QuotaSet, QuotaUsage

router = make_router("quotas", responses=problem_responses(401, 404))
Q = "/clusters/{cluster_id}/quotas/{group_id}"


@router.get("/clusters/{cluster_id}/quotas", name="list_for_cluster",
            response_model=list[QuotaRead], responses=problem_responses(403, 422))
async def list_cluster_quotas(session: SessionDep, user: CurrentUser, cluster_id: uuid.UUID
                              ) -> list[QuotaRead]:
    """Every group's quota on a public cluster (platform admins)."""
    quotas = await service.list_cluster_quotas(session, user, cluster_id)
    return [QuotaRead.model_validate(q) for q in quotas]


@router.put(Q, name="set", response_model=QuotaRead, responses=problem_responses(403, 422))
async def set_quota(session: SessionDep, user: CurrentUser, cluster_id: uuid.UUID,
                    group_id: uuid.UUID, body: QuotaSet) -> QuotaRead:
    """Set a group's limits on a public cluster (platform admins)."""
    quota = await service.set_quota(session, user, cluster_id, group_id, body.memory_mb,
                                    body.containers)
    return QuotaRead.model_validate(quota)


@router.get(Q, name="get", response_model=QuotaRead, responses=problem_responses(403, 422))
async def get_quota(session: SessionDep, user: CurrentUser, cluster_id: uuid.UUID,
                    group_id: uuid.UUID) -> QuotaRead:
    """A group's limits on a public cluster (platform admins)."""
    return QuotaRead.model_validate(await service.get_quota(session, user, cluster_id, group_id))


@router.delete(Q, name="delete", status_code=status.HTTP_204_NO_CONTENT,
               responses=problem_responses(403, 422))
async def delete_quota(session: SessionDep, user: CurrentUser, cluster_id: uuid.UUID,
                       group_id: uuid.UUID) -> Response:
    """Remove a group's limits on a public cluster (platform admins)."""
    await service.delete_quota(session, user, cluster_id, group_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/groups/{group_id}/quotas", name="list_for_group",
            response_model=list[QuotaUsage])
async def group_quotas(session: SessionDep, user: CurrentUser, group_id: uuid.UUID
                       ) -> list[QuotaUsage]:
    """Your group's quotas on public clusters, with what it uses now (members)."""
    return [QuotaUsage(**QuotaRead.model_validate(q).model_dump(), used_memory_mb=memory,
                       used_containers=count)
            for q, (memory, count) in await service.group_quotas(session, user, group_id)]
