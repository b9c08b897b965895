from __future__ import annotations

import sqlalchemy as sa

from rightcare.calls.models import Call
from rightcare.storage.models import IdempotencyKey
from tests.web.conftest import Web

NEW_CALL = {"narrative": "Caller worried about a neighbour.", "synthetic": True}


def _calls(web: Web) -> int:
    with web.session() as session:
        return int(session.scalar(sa.select(sa.func.count()).select_from(Call)) or 0)


def test_a_retry_with_the_same_key_and_body_creates_one_call(web: Web) -> None:
    client = web.signed_in("hana")
    headers = {"Idempotency-Key": "cad-incident-4711"}
    first = client.post("/api/v1/calls", json=NEW_CALL, headers=headers)
    second = client.post("/api/v1/calls", json=NEW_CALL, headers=headers)
    assert first.status_code == second.status_code == 201
    assert second.json() == first.json()
    assert second.headers["location"] == first.headers["location"]
    assert second.headers["etag"] == first.headers["etag"]
    assert second.headers["idempotent-replayed"] == "true"
    assert _calls(web) == 1


def test_the_same_key_with_a_different_body_is_refused(web: Web) -> None:
    client = web.signed_in("hana")
    headers = {"Idempotency-Key": "cad-incident-4712"}
    assert client.post("/api/v1/calls", json=NEW_CALL, headers=headers).status_code == 201
    other = client.post(
        "/api/v1/calls", json={**NEW_CALL, "narrative": "Another call"}, headers=headers
    )
    assert other.status_code == 422
    assert other.json()["field"] == "Idempotency-Key"
    assert _calls(web) == 1


def test_keys_belong_to_the_person_or_system_that_sent_them(web: Web) -> None:
    headers = {"Idempotency-Key": "shared-key"}
    assert (
        web.signed_in("hana").post("/api/v1/calls", json=NEW_CALL, headers=headers).status_code
        == 201
    )
    assert (
        web.signed_in("sam").post("/api/v1/calls", json=NEW_CALL, headers=headers).status_code
        == 201
    )
    assert _calls(web) == 2


def test_posts_without_a_key_act_every_time(web: Web) -> None:
    client = web.signed_in("hana")
    client.post("/api/v1/calls", json=NEW_CALL)
    client.post("/api/v1/calls", json=NEW_CALL)
    assert _calls(web) == 2
    with web.session() as session:
        assert session.scalar(sa.select(sa.func.count()).select_from(IdempotencyKey)) == 0


def test_a_retried_assessment_is_stored_once(web: Web) -> None:
    client = web.signed_in("hana")
    created = client.post("/api/v1/calls", json=NEW_CALL)
    url = created.headers["location"] + "/assessments"
    headers = {"Idempotency-Key": "assess-1", "If-Match": created.headers["etag"]}
    body = {"answers": {"risk_to_life": "yes"}}
    first = client.post(url, json=body, headers=headers)
    second = client.post(url, json=body, headers=headers)
    assert first.status_code == second.status_code == 201
    assert first.json()["id"] == second.json()["id"]
    call = client.get(created.headers["location"]).json()
    assert len(call["assessments"]) == 2  # the one made on opening, and this one
