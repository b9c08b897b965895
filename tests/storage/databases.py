"""Database fixtures: each test runs on SQLite and on PostgreSQL, in a fresh database of its own.

Imported by the conftest of every folder whose tests touch the database.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from rightcare.storage.engine import dispose_engines, make_engine
from rightcare.storage.migrate import upgrade
from rightcare.storage.testing import PostgresUnavailable, temporary_postgres_database


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of a new, empty database (no tables)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'rightcare.db'}"
        dispose_engines()
        return
    try:
        with temporary_postgres_database() as url:
            yield url
    except PostgresUnavailable as exc:
        pytest.skip(str(exc))


@pytest.fixture
def database_url(empty_database_url: str) -> str:
    """The URL of a new database migrated to the newest schema."""
    upgrade(empty_database_url)
    return empty_database_url


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    engine = make_engine(database_url)
    yield engine
    engine.dispose()
