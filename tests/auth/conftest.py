"""Each test runs on SQLite and on PostgreSQL (the fixtures from tests/storage). `session` is one
session the test owns: the account services never commit, so a test commits only when that is
the point."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from rightcare.storage.engine import make_sessionmaker
from tests.storage.databases import database_url, empty_database_url, engine

__all__ = ["database_url", "empty_database_url", "engine", "session"]


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    with make_sessionmaker(engine)() as session:
        yield session
        session.rollback()
