"""Keyset pagination: `limit` and an opaque `cursor`, stable under concurrent inserts."""

import base64
import json
import uuid
from datetime import datetime
from typing import Annotated, Any, Generic, TypeVar

from fastapi import Depends, Query
from pydantic import BaseModel
from sqlalchemy import Select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession

from backend.core.errors import BadRequest

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    items: list[T]
    next_cursor: str | None = None


class PageParams(BaseModel):
    limit: int = 50
    cursor: str | None = None


def page_params(
    limit: Annotated[int, Query(ge=1, le=500, description="Items per page.")] = 50,
    cursor: Annotated[str | None, Query(max_length=512,
                                        description="next_cursor of the previous page.")] = None,
) -> PageParams:
    return PageParams(limit=limit, cursor=cursor)


PageDep = Annotated[PageParams, Depends(page_params)]


def _encode(values: list[Any]) -> str:
    plain = [v.isoformat() if isinstance(v, datetime) else str(v) if isinstance(v, uuid.UUID)
             else v for v in values]
    return base64.urlsafe_b64encode(json.dumps(plain).encode()).decode().rstrip("=")


def _decode(cursor: str, kinds: list[type]) -> list[Any]:
    try:
        raw = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        if not isinstance(raw, list) or len(raw) != len(kinds):
            raise ValueError("shape")
        out: list[Any] = []
        for value, kind in zip(raw, kinds, strict=True):
            if kind is datetime:
                out.append(datetime.fromisoformat(value))
            elif kind is uuid.UUID:
                out.append(uuid.UUID(value))
            elif kind is int:
                if not isinstance(value, int) or isinstance(value, bool):
                    raise ValueError("int")
                out.append(value)
            else:  # strings (SQLModel's AutoString reports python_type `object`)
                if not isinstance(value, str):
                    raise ValueError("str")
                out.append(value)
        return out
    except (ValueError, TypeError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BadRequest("The cursor is not one this server gave out.") from exc


async def paginate(session: AsyncSession, stmt: Select[Any], keys: list[Any], params: PageParams,
                   *, descending: bool = False) -> tuple[list[Any], str | None]:
    """Run `stmt` ordered by `keys` (unique together), one page after `params.cursor`."""
    kinds = [k.type.python_type for k in keys]
    if params.cursor:
        after = _decode(params.cursor, kinds)
        cond = tuple_(*keys) < tuple_(*after) if descending else tuple_(*keys) > tuple_(*after)
        stmt = stmt.where(cond)
    order = [k.desc() for k in keys] if descending else list(keys)
    rows = (await session.execute(stmt.order_by(*order).limit(params.limit + 1))).all()
    items = [row[0] if len(row) == 1 else row for row in rows[: params.limit]]
    if len(rows) <= params.limit:
        return items, None
    last = rows[params.limit - 1][0]
    return items, _encode([getattr(last, k.key) for k in keys])
