"""Revision 0004 adds `user_account.password_must_change` (false for the accounts already
there: their passwords are in use, nobody is suddenly asked to change them) and takes it away
again on downgrade, keeping the accounts, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from rightcare.storage.engine import make_engine
from rightcare.storage.migrate import current_revision, downgrade, head_revision, upgrade

CREATED = dt.datetime(2026, 11, 28, 12, 0, tzinfo=dt.UTC)


def _columns(url: str) -> set[str]:
    engine = make_engine(url)
    try:
        return {column["name"] for column in sa.inspect(engine).get_columns("user_account")}
    finally:
        engine.dispose()


def _rows(url: str, sql: str) -> list[tuple[object, ...]]:
    engine = make_engine(url)
    try:
        with engine.begin() as connection:
            return [tuple(row) for row in connection.execute(sa.text(sql))]
    finally:
        engine.dispose()


def test_existing_accounts_are_not_asked_to_change_and_downgrade_keeps_them(
    empty_database_url: str,
) -> None:
    url = empty_database_url
    upgrade(url, "0003")
    engine = make_engine(url)
    try:
        with engine.begin() as connection:
            connection.execute(
                sa.text(
                    "INSERT INTO user_account (username, display_name, password_hash, active,"
                    " can_see_personal, failed_logins, created_at, session_epoch)"
                    " VALUES ('hal', 'Hal', 'hash', :yes, :no, 0, :created, 0)"
                ),
                {"yes": True, "no": False, "created": CREATED},
            )
    finally:
        engine.dispose()

    upgrade(url)
    assert current_revision(url) == head_revision()
    rows = _rows(url, "SELECT username, password_must_change FROM user_account")
    assert [(name, bool(flag)) for name, flag in rows] == [("hal", False)]

    downgrade(url, "0003")
    assert "password_must_change" not in _columns(url)
    assert _rows(url, "SELECT username, password_hash FROM user_account") == [("hal", "hash")]

    upgrade(url)
    assert "password_must_change" in _columns(url)
