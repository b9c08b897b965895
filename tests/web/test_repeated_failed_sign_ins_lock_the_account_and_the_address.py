from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from rightcare.auth.models import Role
from rightcare.web import create_app
from rightcare.web.auth import CLIENT_LIMIT, LOCK_MINUTES, USER_LIMIT
from tests.web.conftest import BASE_URL, PASSWORD, Web, add_user, make_settings


def _login(client: TestClient, username: str, password: str) -> int:
    reply = client.post("/api/v1/auth/login", json={"username": username, "password": password})
    return int(reply.status_code)


def test_five_failures_lock_the_account_even_against_the_right_password(web: Web) -> None:
    client = web.client()
    statuses = [_login(client, "hana", "wrong") for _ in range(USER_LIMIT)]
    assert statuses == [401] * (USER_LIMIT - 1) + [429]
    reply = client.post("/api/v1/auth/login", json={"username": "hana", "password": PASSWORD})
    assert reply.status_code == 429
    assert int(reply.headers["retry-after"]) == LOCK_MINUTES * 60
    assert "locked" in reply.json()["detail"]


def test_the_lock_lifts_after_fifteen_minutes(web: Web) -> None:
    client = web.client()
    for _ in range(USER_LIMIT):
        _login(client, "hana", "wrong")
    web.clock.advance(minutes=LOCK_MINUTES - 1)
    assert _login(client, "hana", PASSWORD) == 429
    web.clock.advance(minutes=1, seconds=1)
    assert _login(client, "hana", PASSWORD) == 200


def test_a_success_resets_the_count(web: Web) -> None:
    client = web.client()
    for _ in range(USER_LIMIT - 1):
        _login(client, "hana", "wrong")
    assert _login(client, "hana", PASSWORD) == 200
    assert _login(client, "hana", "wrong") == 401


def test_another_worker_sees_the_lock_because_it_is_kept_in_the_database(
    web: Web, tmp_path: Path
) -> None:
    other = create_app(make_settings(web.url, tmp_path / "other"), web.policies, clock=web.clock)
    first, second = web.client(), TestClient(other, base_url=BASE_URL)
    for index in range(USER_LIMIT):
        worker = first if index % 2 == 0 else second
        _login(worker, "hana", "wrong")
    assert _login(second, "hana", PASSWORD) == 429
    assert _login(first, "hana", PASSWORD) == 429


def test_many_failures_from_one_address_refuse_that_address_for_every_account(web: Web) -> None:
    with web.session() as session:
        for index in range(CLIENT_LIMIT):
            add_user(session, f"user{index}", {Role.CALL_HANDLER})
        session.commit()
    client = web.client()
    for index in range(CLIENT_LIMIT):
        assert _login(client, f"user{index}", "wrong") == 401
    reply = client.post("/api/v1/auth/login", json={"username": "sam", "password": PASSWORD})
    assert reply.status_code == 429
    assert "from this computer" in reply.json()["detail"]
    web.clock.advance(minutes=LOCK_MINUTES, seconds=1)
    assert _login(client, "sam", PASSWORD) == 200


def test_failed_sign_ins_are_audited_without_the_address_or_the_password(web: Web) -> None:
    from rightcare.audit.models import AuditEntry

    _login(web.client(), "hana", "hunter2")
    with web.session() as session:
        entry = session.query(AuditEntry).filter_by(action="auth.sign_in_failed").one()
    assert entry.entity == "sign_in"
    assert entry.entity_id.startswith("client:")
    assert "testclient" not in entry.entity_id
    assert "hunter2" not in str(entry.details)
