import uuid

from backend.core.auth import CurrentUser
from backend.core.db import SessionDep
from backend.core.errors import problem_responses
from backend.core.routing import make_router
from backend.jobs import service
from backend.jobs.schemas import JobRead

router = make_router("jobs", responses=problem_responses(401, 404))


@router.get("/jobs/{job_id}", name="get", response_model=JobRead)
async def get_job(session: SessionDep, user: CurrentUser, job_id: uuid.UUID) -> JobRead:
    """State and progress of a queued job."""
    return JobRead.model_validate(await service.get_job(session, user, job_id))
