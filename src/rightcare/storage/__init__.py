"""Storage: SQLAlchemy engine and sessions, the declarative base, and Alembic migrations."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rightcare.storage.engine import (
        dispose_engines,
        engine_for,
        get_engine,
        make_engine,
        make_sessionmaker,
        session_scope,
    )

__all__ = [
    "dispose_engines",
    "engine_for",
    "get_engine",
    "make_engine",
    "make_sessionmaker",
    "session_scope",
]


def __getattr__(name: str) -> Any:
    # Lazy, so commands that never open a database do not import SQLAlchemy.
    if name in __all__:
        from rightcare.storage import engine

        return getattr(engine, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
