import uuid
from typing import Annotated

from fastapi import Query

from backend.core.auth import CurrentUser
from backend.core.db import SessionDep
from backend.core.errors import problem_responses
from backend.core.pagination import Page, PageDep
from backend.core.routing import make_router
from backend.events import service
from backend.events.schemas import EventRead

router = make_router("events", responses=problem_responses(401, 404))


@router.get("/events", name="list", response_model=Page[EventRead])
async def list_events(
    session: SessionDep, user: CurrentUser, page: PageDep,
    target_type: Annotated[str | None, Query(max_length=32)] = None,
    target_id: Annotated[str | None, Query(max_length=64)] = None,
    group_id: uuid.UUID | None = None,
    action: Annotated[str | None, Query(max_length=64, description="An action or its "
                                        "prefix, e.g. `app.` for every app action.")] = None,
    actor_id: uuid.UUID | None = None,
    outcome: Annotated[str | None, Query(max_length=16)] = None,
) -> Page[EventRead]:
    """List events you may see, newest first, optionally filtered."""
    events, cursor = await service.list_events(
        session, user, page, target_type=target_type, target_id=target_id, group_id=group_id,
        action=action, actor_id=actor_id, outcome=outcome)
    return Page(items=[EventRead.model_validate(e) for e in events], next_cursor=cursor)
