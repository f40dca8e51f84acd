"""Routers whose operation ids read `{tag}:{name}` in generated clients."""

from typing import Any

from fastapi import APIRouter
from fastapi.routing import APIRoute


def operation_id(route: APIRoute) -> str:
    return f"{route.tags[0]}:{route.name}" if route.tags else route.name


def make_router(tag: str, **kwargs: Any) -> APIRouter:
    return APIRouter(tags=[tag], generate_unique_id_function=operation_id, **kwargs)
