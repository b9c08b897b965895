"""Storage: SQLAlchemy engine and sessions, the declarative base, and Alembic migrations."""

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
