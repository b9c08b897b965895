"""A PostgreSQL connection from the pool is pinged only if it sat idle, and a dead one is
replaced rather than handed to the request.

(PostgreSQL only: SQLite has no server to lose the connection, and no ping.)
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from rightcare.storage import engine as storage_engine
from rightcare.storage.engine import make_engine
from rightcare.storage.testing import PostgresUnavailable, temporary_postgres_database


@pytest.fixture
def pg_engine() -> Iterator[Engine]:
    try:
        with temporary_postgres_database() as url:
            engine = make_engine(url)
            yield engine
            engine.dispose()
    except PostgresUnavailable as exc:
        pytest.skip(str(exc))


@pytest.fixture
def pings(pg_engine: Engine, monkeypatch: pytest.MonkeyPatch) -> list[object]:
    seen: list[object] = []
    real = pg_engine.dialect.do_ping

    def counting_ping(dbapi_connection: Any) -> bool:
        seen.append(dbapi_connection)
        return bool(real(dbapi_connection))

    monkeypatch.setattr(pg_engine.dialect, "do_ping", counting_ping)
    return seen


def _backend_pid(engine: Engine) -> int:
    with engine.connect() as connection:
        return int(connection.execute(sa.text("SELECT pg_backend_pid()")).scalar_one())


def test_a_connection_returned_a_moment_ago_is_used_without_a_ping(
    pg_engine: Engine, pings: list[object]
) -> None:
    first = _backend_pid(pg_engine)
    for _ in range(5):
        assert _backend_pid(pg_engine) == first  # the same pooled connection each time
    assert pings == []


def test_a_connection_idle_past_the_limit_is_pinged_before_use(
    pg_engine: Engine, pings: list[object], monkeypatch: pytest.MonkeyPatch
) -> None:
    _backend_pid(pg_engine)
    monkeypatch.setattr(storage_engine, "PING_AFTER_IDLE_SECONDS", 0.0)
    _backend_pid(pg_engine)
    assert len(pings) == 1


def test_a_connection_the_server_dropped_while_idle_is_replaced_not_handed_out(
    pg_engine: Engine, pings: list[object], monkeypatch: pytest.MonkeyPatch
) -> None:
    doomed = pg_engine.connect()
    dead = int(doomed.execute(sa.text("SELECT pg_backend_pid()")).scalar_one())
    with pg_engine.connect() as other:  # a second pooled connection does the killing
        doomed.close()  # back to the pool, where the server then drops it
        other.execute(sa.text("SELECT pg_terminate_backend(:pid)"), {"pid": dead})
        other.commit()
    monkeypatch.setattr(storage_engine, "PING_AFTER_IDLE_SECONDS", 0.0)

    # Both pooled connections are checked (the killed one fails its ping and is replaced);
    # the request itself never sees an error.
    pids = {_backend_pid(pg_engine), _backend_pid(pg_engine)}

    assert dead not in pids
    assert len(pings) >= 1
