import uuid

from sqlalchemy import and_, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from backend.core.access import my_group_ids
from backend.core.errors import NotFound
from backend.models import Job, User


async def get_job(session: AsyncSession, user: User, job_id: uuid.UUID) -> Job:
    """A job of a group you are in now (leaving a group ends access to what you queued
    there), or one of your own that belongs to no group."""
    conds = [Job.group_id.in_(my_group_ids(user)),
             and_(Job.group_id.is_(None), Job.created_by == user.id)]
    if user.is_admin:
        conds.append(Job.group_id.is_(None))
    job = (await session.execute(select(Job).where(Job.id == job_id, or_(*conds)))
           ).scalar_one_or_none()
    if job is None:
        raise NotFound("No job with that id.")
    return job
