"""Throwaway databases for tests: a SQLite file, or a uniquely named PostgreSQL database.

PostgreSQL is reached through RIGHTCARE_TEST_POSTGRES_URL (default: the `test` database on
127.0.0.1:5432 as `postgres`, trust auth). Each temporary database is dropped afterwards.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa
from sqlalchemy.exc import OperationalError

from rightcare.storage.engine import dispose_engines, parse_url

DEFAULT_ADMIN_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


class PostgresUnavailable(RuntimeError):
    """No PostgreSQL server answered; the message says where we looked and why it failed."""


def admin_url() -> str:
    return os.environ.get("RIGHTCARE_TEST_POSTGRES_URL", DEFAULT_ADMIN_URL)


@contextmanager
def temporary_postgres_database(prefix: str = "rightcare_test") -> Iterator[str]:
    """Create an empty database with a unique name, yield its URL, then drop it."""
    url = parse_url(admin_url())
    admin = sa.create_engine(url, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3})
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    try:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    except OperationalError as exc:
        admin.dispose()
        first = str(exc.orig or exc).strip().splitlines()
        where = f"{url.host}:{url.port or 5432}"
        raise PostgresUnavailable(
            f"PostgreSQL not reachable on {where}: {first[0] if first else exc}"
        ) from exc
    try:
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        dispose_engines()
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()
