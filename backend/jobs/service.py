import uuid

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from backend.core.access import my_group_ids
from backend.core.errors import NotFound
from backend.models import Job, User


async def get_job(session: AsyncSession, user: User, job_id: uuid.UUID) -> Job:
    conds = [Job.group_id.in_(my_group_ids(user)), Job.created_by == user.id]
    if user.is_admin:
        conds.append(Job.group_id.is_(None))
    job = (await session.execute(select(Job).where(Job.id == job_id, or_(*conds)))
           ).scalar_one_or_none()
    if job is None:
        raise NotFound("No job with that id.")
    return job
