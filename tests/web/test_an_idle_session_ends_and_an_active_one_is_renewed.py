"""A screen left unattended is signed out after an hour; one in use stays signed in for the
shift, and no session outlives the shift however busy."""

from __future__ import annotations

import time

import pytest

from rightcare.web import sessions
from rightcare.web.sessions import REFRESH_AFTER, SESSION_IDLE, SESSION_MAX_AGE
from tests.web.conftest import Web


@pytest.fixture
def later(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Move the sessions' clock forward by some seconds from now."""
    start = time.time()

    def move(seconds: float) -> None:
        monkeypatch.setattr(sessions, "_now", lambda: start + seconds)

    return move


def test_a_session_idle_for_longer_than_the_limit_is_signed_out(web: Web, later) -> None:  # type: ignore[no-untyped-def]
    client = web.signed_in("hana")
    assert client.get("/api/v1/auth/me").status_code == 200
    later(SESSION_IDLE + 60)
    assert client.get("/api/v1/auth/me").status_code == 401


def test_a_session_in_use_is_renewed_and_outlives_the_idle_limit(web: Web, later) -> None:  # type: ignore[no-untyped-def]
    client = web.signed_in("hana")
    for step in range(1, 4):  # a request every 40 minutes: never idle for an hour
        later(step * 40 * 60)
        reply = client.get("/api/v1/auth/me")
        assert reply.status_code == 200
        assert sessions.COOKIE_NAME in reply.headers.get("set-cookie", "")
    assert SESSION_IDLE < 3 * 40 * 60


def test_a_request_soon_after_the_last_does_not_reissue_the_cookie(web: Web, later) -> None:  # type: ignore[no-untyped-def]
    client = web.signed_in("hana")
    later(REFRESH_AFTER / 2)
    reply = client.get("/api/v1/auth/me")
    assert reply.status_code == 200
    assert "set-cookie" not in reply.headers


def test_no_session_outlives_the_shift_however_busy(web: Web, later) -> None:  # type: ignore[no-untyped-def]
    client = web.signed_in("hana")
    elapsed = 0
    while elapsed < SESSION_MAX_AGE - 50 * 60:
        elapsed += 50 * 60
        later(elapsed)
        assert client.get("/api/v1/auth/me").status_code == 200
    later(SESSION_MAX_AGE + 60)
    assert client.get("/api/v1/auth/me").status_code == 401


def test_signing_out_is_not_undone_by_the_renewal(web: Web, later) -> None:  # type: ignore[no-untyped-def]
    client = web.signed_in("hana")
    later(REFRESH_AFTER + 60)
    out = client.post("/api/v1/auth/logout")
    assert out.status_code in (200, 204)
    assert client.get("/api/v1/auth/me").status_code == 401
