"""Column helpers shared by the table models."""

import enum
import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Column, DateTime, Enum
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Field


def utcnow() -> datetime:
    return datetime.now(UTC)


def id_field() -> Any:
    return Field(default_factory=uuid.uuid4, primary_key=True)


def created_at_field() -> Any:
    return Field(default_factory=utcnow,
                 sa_column_kwargs={"nullable": False},
                 sa_type=DateTime(timezone=True))


def timestamp_field(nullable: bool = True) -> Any:
    return Field(default=None, sa_type=DateTime(timezone=True),
                 nullable=nullable)


def json_field(default_factory: Any = dict, nullable: bool = False) -> Any:
    return Field(default_factory=default_factory, sa_column=Column(JSONB, nullable=nullable))


def enum_field(enum_cls: type[enum.Enum], default: enum.Enum, name: str) -> Any:
    # Stored as the enum's value in a native PostgreSQL enum type.
    return Field(default=default, sa_column=Column(
        Enum(enum_cls, name=name, values_callable=lambda e: [m.value for m in e]),
        nullable=False))
