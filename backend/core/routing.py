"""Routers whose operation ids read `{tag}:{name}` in generated clients."""

from typing import Any

from fastapi import APIRouter
from fastapi.routing import APIRoute

from backend.core.errors import problem_responses


def operation_id(route: APIRoute) -> str:
    return f"{route.tags[0]}:{route.name}" if route.tags else route.name


def make_router(tag: str, responses: dict[int | str, Any] | None = None, **kwargs: Any
                ) -> APIRouter:
    # 422 replaces FastAPI's default validation schema: ours are problem details too.
    declared = {**problem_responses(400, 422), **(responses or {})}
    return APIRouter(tags=[tag], generate_unique_id_function=operation_id, responses=declared,
                     **kwargs)
