"""The declarative base and the column types every table shares.

- `UTCDateTime`: timezone-aware UTC in and out, on SQLite (which stores no zone) as on PostgreSQL.
- `JSONDocument`: JSON, stored as JSONB on PostgreSQL so reports can query inside it.
- `enum_column`: a closed vocabulary (StrEnum) stored as its value, with a CHECK constraint.
- Naming conventions, so constraints have stable names that migrations can refer to.
"""

from __future__ import annotations

import datetime as dt
import uuid
from enum import StrEnum
from typing import Any, ClassVar

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.types import TypeDecorator

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def new_id() -> str:
    return str(uuid.uuid4())


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Refuses naive datetimes on the way in; always returns aware UTC on the way out."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError(f"naive datetime {value.isoformat()} refused: times are stored in UTC")
        value = value.astimezone(dt.UTC)
        # SQLite stores text: drop the zone so every row compares and sorts as plain UTC text.
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(
        self, value: dt.datetime | None, dialect: Dialect
    ) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC)


JSONDocument = sa.JSON().with_variant(JSONB(), "postgresql")


def enum_column(enum: type[StrEnum], name: str, *, checked: bool = True) -> sa.Enum:
    """A StrEnum stored as its value (not its name) in a VARCHAR, checked by the database.

    `checked=False` for vocabularies the engine may extend (agencies, responses) without a
    migration of every table that stores them.
    """
    return sa.Enum(
        enum,
        name=name,
        native_enum=False,
        create_constraint=checked,
        length=max(32, *(len(member.value) for member in enum)),
        values_callable=lambda members: [member.value for member in members],
        validate_strings=True,
    )


class Base(DeclarativeBase):
    metadata = sa.MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        dt.datetime: UTCDateTime(),
        dict[str, Any]: JSONDocument,
        list[Any]: JSONDocument,
        list[str]: JSONDocument,
    }
