"""Engines and sessions: SQLite (WAL, foreign keys, busy timeout) or PostgreSQL (psycopg 3).

One unit of work per request or command: `with session_scope() as session:` commits when the
block ends and rolls back if it raises. Services take the session and never commit.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.orm import Session, sessionmaker

from rightcare.settings import get_settings, normalise_database_url
from rightcare.storage.sqlite_writer import writer_connection_factory

SQLITE_BUSY_TIMEOUT_MS = 10_000


class DatabaseUrlError(ValueError):
    """The database URL names a backend rightcare does not support."""


def parse_url(url: str | URL) -> URL:
    parsed = make_url(normalise_database_url(url) if isinstance(url, str) else url)
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise DatabaseUrlError(
            f"unsupported database {parsed.get_backend_name()!r}: use sqlite:///PATH or "
            "postgresql+psycopg://USER@HOST/NAME"
        )
    return parsed


def sqlite_path(url: str | URL) -> Path | None:
    """The file behind a SQLite URL; None for an in-memory database or another backend."""
    parsed = parse_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def _on_sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        # FULL: a decision acknowledged to the handler survives a power cut, not only a crash.
        cursor.execute("PRAGMA synchronous = FULL")
    finally:
        cursor.close()


def make_engine(url: str | URL, *, echo: bool = False) -> Engine:
    """An engine for `url`, with the pragmas or driver options rightcare relies on."""
    parsed = parse_url(url)
    if parsed.get_backend_name() == "sqlite":
        path = sqlite_path(parsed)
        connect_args: dict[str, Any] = {
            "timeout": SQLITE_BUSY_TIMEOUT_MS / 1000,
            "check_same_thread": False,
        }
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            # Writers in this process queue on a lock rather than SQLite's sleeping busy handler.
            connect_args["factory"] = writer_connection_factory(path, SQLITE_BUSY_TIMEOUT_MS / 1000)
        engine = sa.create_engine(parsed, echo=echo, connect_args=connect_args)
        sa.event.listen(engine, "connect", _on_sqlite_connect)
        return engine
    engine = sa.create_engine(parsed, echo=echo)
    ping_when_idle(engine)
    return engine


# A pooled connection that has been idle longer than this is pinged before it is handed out.
PING_AFTER_IDLE_SECONDS = 1.0


def ping_when_idle(engine: Engine) -> None:
    """Check a pooled connection is alive before use, if it has sat idle in the pool.

    SQLAlchemy's `pool_pre_ping` pings on every checkout: a round trip to the server per
    request, which on the stored-write path was one of ten. A connection handed back within
    the last second was working then; one idle longer (after a quiet spell, or a server
    restart) is pinged, and if the ping fails the pool throws it away and connects afresh,
    as `pool_pre_ping` does. A server that drops connections less than a second after their
    last use fails that one request, and SQLAlchemy then invalidates the whole pool."""

    @sa.event.listens_for(engine, "checkin")
    def _returned(_dbapi_connection: Any, record: Any) -> None:
        record.info[_RETURNED_AT] = time.monotonic()

    @sa.event.listens_for(engine, "checkout")
    def _handed_out(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        returned = record.info.pop(_RETURNED_AT, None)
        if returned is None or time.monotonic() - returned < PING_AFTER_IDLE_SECONDS:
            return  # new, or in use a moment ago
        try:
            engine.dialect.do_ping(dbapi_connection)
        except engine.dialect.loaded_dbapi.Error as exc:
            # The pool invalidates this connection and tries another (a fresh one if need be).
            raise sa.exc.DisconnectionError(f"pooled connection failed its ping: {exc}") from exc


_RETURNED_AT = "rightcare.returned_at"


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    # Objects stay readable after commit, so a handler can render what it just wrote.
    return sessionmaker(bind=engine, expire_on_commit=False)


_engines: dict[str, Engine] = {}
_engines_lock = threading.Lock()


def engine_for(url: str) -> Engine:
    """One shared engine (and connection pool) per URL in this process."""
    with _engines_lock:
        engine = _engines.get(url)
        if engine is None:
            engine = _engines[url] = make_engine(url)
        return engine


def get_engine() -> Engine:
    """The engine for the configured database (RIGHTCARE_DATABASE_URL)."""
    return engine_for(get_settings().database_url)


def dispose_engines() -> None:
    """Close every shared pool (tests, and before restoring a backup over the database)."""
    with _engines_lock:
        for engine in _engines.values():
            engine.dispose()
        _engines.clear()


@contextmanager
def session_scope(bind: Engine | None = None) -> Iterator[Session]:
    """One unit of work: commit on success, roll back on any exception, always close."""
    session = make_sessionmaker(bind or get_engine())()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
