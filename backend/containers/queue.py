"""Queueing a lifecycle job for one container: the one way every caller does it."""

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from backend.core import jobs
from backend.models import Container, Job, User


def schedule(session: AsyncSession, action: str, container: Container, *,
             group_id: uuid.UUID | None, actor: User | None) -> Job:
    return jobs.schedule(session, kind=f"containers.{action}",
                         payload={"container_id": str(container.id)}, group_id=group_id,
                         created_by=actor.id if actor else None, target_type="container",
                         target_id=str(container.id))
