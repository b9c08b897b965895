"""PATCH /api/v1/calls/{id}/personal-details: a handler with the personal-details permission
corrects a name with the call's ETag as If-Match; the reply is the call with its new ETag; the
call shows the new name to the allowed and a mask to others; one audit entry names the field,
never a value, and no log record holds one. Without the permission (a token: without
`personal:read`), with a stale If-Match or with bad input, nothing changes."""

from __future__ import annotations

import logging

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from rightcare.audit.models import AuditEntry
from rightcare.auth.models import Role
from rightcare.calls.models import Call
from tests.web.conftest import Web, add_user

DETAILS = {"caller_name": "Priya Kwenell-Example", "address": "14 Fictional Row"}
CORRECTED = "Priya Quennell-Example"
ACTION = "call.personal_details_corrected"


@pytest.fixture
def trusted_handler(web: Web) -> TestClient:
    """A call handler who may see personal details (the demo's handler may not)."""
    with web.session() as session:
        add_user(session, "hal", {Role.CALL_HANDLER}, personal=True)
        session.commit()
    return web.signed_in("hal")


def _open(web: Web) -> tuple[str, str]:
    created = web.signed_in("hana").post("/api/v1/calls", json={"synthetic": True, **DETAILS})
    assert created.status_code == 201, created.text
    return created.headers["location"], created.headers["etag"]


def _stored(web: Web, location: str) -> tuple[str | None, int, int]:
    """The stored caller name, the call's version and how many corrections are audited."""
    with web.session() as session:
        call = session.get(Call, location.rsplit("/", 1)[1])
        assert call is not None
        corrections = session.scalar(
            sa.select(sa.func.count()).select_from(AuditEntry).where(AuditEntry.action == ACTION)
        )
        return call.caller_name, call.version, int(corrections or 0)


def test_a_handler_with_the_permission_corrects_a_name_and_only_the_field_is_audited(
    web: Web, trusted_handler: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    location, etag = _open(web)
    reply = trusted_handler.patch(
        location + "/personal-details",
        json={"caller_name": CORRECTED},
        headers={"If-Match": etag},
    )
    assert reply.status_code == 200, reply.text
    assert reply.json()["caller_name"] == CORRECTED
    assert reply.headers["etag"] != etag
    assert reply.headers["etag"] == f'W/"{reply.json()["version"]}"'

    shown = web.signed_in("sam").get(location)
    assert shown.json()["caller_name"] == CORRECTED
    assert shown.headers["etag"] == reply.headers["etag"]
    masked = web.signed_in("hana").get(location).json()
    assert masked["personal_masked"] is True and CORRECTED not in str(masked)

    with web.session() as session:
        rows = list(session.execute(sa.select(AuditEntry).order_by(AuditEntry.seq)).scalars())
    [entry] = [row for row in rows if row.action == ACTION]
    assert entry.actor == "hal"
    assert entry.details["fields"] == ["caller_name"]
    everything = "\n".join(
        f"{row.actor} {row.action} {row.entity_id} {row.details} {row.hash}" for row in rows
    )
    for value in (DETAILS["caller_name"], CORRECTED, "Kwenell", "Quennell"):
        assert value not in everything
        for record in caplog.records:
            assert value not in record.getMessage(), f"personal detail in {record.name}"
    timeline = trusted_handler.get(location + "/timeline").json()
    assert "Personal details corrected" in [line["summary"] for line in timeline]


def test_values_as_recorded_change_nothing(web: Web, trusted_handler: TestClient) -> None:
    location, etag = _open(web)
    reply = trusted_handler.patch(
        location + "/personal-details",
        json={"caller_name": DETAILS["caller_name"]},
        headers={"If-Match": etag},
    )
    assert reply.status_code == 200
    assert reply.headers["etag"] == etag
    assert _stored(web, location)[2] == 0


def test_a_retry_with_the_same_idempotency_key_corrects_once(
    web: Web, trusted_handler: TestClient
) -> None:
    location, etag = _open(web)
    headers = {"If-Match": etag, "Idempotency-Key": "cad-fix-4711"}
    body = {"caller_name": CORRECTED}
    first = trusted_handler.patch(location + "/personal-details", json=body, headers=headers)
    second = trusted_handler.patch(location + "/personal-details", json=body, headers=headers)
    assert first.status_code == second.status_code == 200
    assert second.headers["idempotent-replayed"] == "true"
    assert second.headers["etag"] == first.headers["etag"]
    assert _stored(web, location)[2] == 1


def test_without_the_permission_it_is_refused_and_nothing_changes(web: Web) -> None:
    location, etag = _open(web)
    before = _stored(web, location)
    for client in (
        web.signed_in("hana"),  # handles calls, may not see personal details
        web.signed_in("aude"),  # reads calls only
        web.token_client("cad", ["calls:write"]),
        web.token_client("cad-reader", ["calls:read", "personal:read"]),
    ):
        reply = client.patch(
            location + "/personal-details",
            json={"caller_name": CORRECTED},
            headers={"If-Match": etag},
        )
        assert reply.status_code == 403, reply.text
        assert reply.headers["content-type"].startswith("application/problem+json")
        assert CORRECTED not in reply.text
    assert _stored(web, location) == before


def test_a_token_with_calls_write_and_personal_read_may(web: Web) -> None:
    location, etag = _open(web)
    token = web.token_client("cad-trusted", ["calls:write", "personal:read"])
    reply = token.patch(
        location + "/personal-details", json={"address": None}, headers={"If-Match": etag}
    )
    assert reply.status_code == 200, reply.text
    assert reply.json()["address"] is None
    assert reply.json()["caller_name"] == DETAILS["caller_name"]


def test_a_stale_or_missing_if_match_is_refused_and_nothing_changes(
    web: Web, trusted_handler: TestClient
) -> None:
    location, etag = _open(web)
    trusted_handler.post(
        location + "/assessments", json={"answers": {"crime": "no"}}, headers={"If-Match": etag}
    )
    before = _stored(web, location)
    stale = trusted_handler.patch(
        location + "/personal-details", json={"caller_name": CORRECTED}, headers={"If-Match": etag}
    )
    assert stale.status_code == 412
    assert stale.json()["code"] == "stale_version"
    missing = trusted_handler.patch(location + "/personal-details", json={"caller_name": "X"})
    assert missing.status_code == 428
    assert missing.json()["field"] == "If-Match"
    assert _stored(web, location) == before


@pytest.mark.parametrize(
    ("body", "field", "words"),
    [
        ({"caller_name": "Q" * 201}, "caller_name", "200 characters"),
        ({"address": "14 Fictional Row\u0000"}, "address", "cannot be stored"),
        ({"caller_nmae": CORRECTED}, "caller_nmae", "did you mean `caller_name`?"),
        ({"caller_name": CORRECTED, "narrative": "x"}, "narrative", "unknown field"),
    ],
)
def test_bad_input_is_a_problem_naming_the_field_and_nothing_changes(
    web: Web, trusted_handler: TestClient, body: dict[str, str], field: str, words: str
) -> None:
    location, etag = _open(web)
    before = _stored(web, location)
    reply = trusted_handler.patch(
        location + "/personal-details", json=body, headers={"If-Match": etag}
    )
    assert reply.status_code == 422
    assert reply.headers["content-type"].startswith("application/problem+json")
    problem = reply.json()
    assert problem["field"] == field
    assert words in problem["detail"]
    assert CORRECTED not in reply.text and "Q" * 201 not in reply.text
    assert "Fictional" not in reply.text
    assert _stored(web, location) == before
