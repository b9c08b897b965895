"""Caller and subject details typed on the call handler's screen are stored with the call; on
the call's page a call handler sees them masked, a supervisor (who may see personal details)
sees them in full, and each such view writes a `personal.viewed` audit entry. They never appear
in the timeline, the call history, a URL, a page title or the logs."""

from __future__ import annotations

import logging
import re

import pytest
import sqlalchemy as sa

from rightcare.audit.models import AuditEntry
from rightcare.calls.models import Call
from tests.web.conftest import Web

DETAILS = {
    "caller_name": "Priya Quennell-Example",
    "caller_phone": "07700 900461",
    "subject_name": "Tobias Zanetti-Example",
    "address": "14 Fictional Row\nExampletown EX1 2AB",
}
SECRETS = (*DETAILS.values(), "Fictional Row")
FALL = "He has fallen at home and cannot get up. He is not hurt."


def _title(html: str) -> str:
    found = re.search(r"<title>(.*?)</title>", html, re.S)
    assert found is not None
    return found.group(1)


def _views(web: Web, call_id: str) -> list[AuditEntry]:
    with web.session() as session:
        return list(
            session.execute(
                sa.select(AuditEntry).where(
                    AuditEntry.action == "personal.viewed", AuditEntry.entity_id == call_id
                )
            ).scalars()
        )


def _save_call(web: Web) -> str:
    handler = web.signed_in("hana")
    reply = handler.post("/calls", data={"narrative": FALL, **DETAILS}, follow_redirects=False)
    assert reply.status_code == 303, reply.text
    location = reply.headers["location"]
    for secret in SECRETS:
        assert secret not in location
    call_id = location.split("/calls/")[1].split("?")[0]
    with web.session() as session:
        call = session.get(Call, call_id)
        assert call is not None
        assert (call.caller_name, call.caller_phone, call.subject_name, call.address) == (
            DETAILS["caller_name"],
            DETAILS["caller_phone"],
            DETAILS["subject_name"],
            DETAILS["address"],
        )
        assert not any(secret in call.narrative for secret in SECRETS)
    return call_id


def test_a_handler_sees_masks_a_supervisor_sees_the_details_and_the_view_is_audited(
    web: Web, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    call_id = _save_call(web)

    handler_page = web.signed_in("hana").get(f"/calls/{call_id}")
    assert handler_page.status_code == 200
    html = handler_page.text
    assert "You do not have permission to see personal details" in html
    assert html.count("•••") == 4
    for secret in SECRETS:
        assert secret not in html
    assert _views(web, call_id) == []  # nothing was shown, so nothing to audit

    supervisor = web.signed_in("sam")
    supervisor_page = supervisor.get(f"/calls/{call_id}")
    assert supervisor_page.status_code == 200
    html = supervisor_page.text
    assert "•••" not in html
    assert "You do not have permission" not in html
    for value in DETAILS.values():
        assert value in html
    for secret in SECRETS:
        assert secret not in _title(html)
    views = _views(web, call_id)
    assert len(views) == 1
    assert set(views[0].details["fields"]) == set(DETAILS)
    for secret in SECRETS:
        assert secret not in str(views[0].details)

    supervisor.get(f"/calls/{call_id}")
    assert len(_views(web, call_id)) == 2  # every view is recorded

    timeline = supervisor.get(f"/calls/{call_id}/timeline")
    assert timeline.status_code == 200
    assert "Personal details viewed" in timeline.text
    history = supervisor.get("/calls")
    assert history.status_code == 200
    searched = supervisor.get("/calls", params={"q": "fallen"})
    for page in (timeline, history, searched):
        for secret in SECRETS:
            assert secret not in page.text

    for record in caplog.records:
        message = record.getMessage()
        for secret in SECRETS:
            assert secret not in message, f"personal detail in the log: {record.name}"


def test_a_detail_too_long_to_store_is_named_and_nothing_is_saved(web: Web) -> None:
    handler = web.signed_in("hana")
    reply = handler.post(
        "/calls",
        data={"narrative": FALL, "caller_name": "x" * 201, "caller_phone": "07700 900461"},
        follow_redirects=False,
    )
    assert reply.status_code == 422
    assert _title(reply.text).startswith("Error:")
    assert 'href="#caller_name"' in reply.text
    assert "200 characters or fewer" in reply.text
    assert 'value="07700 900461"' in reply.text  # what was typed is kept
    with web.session() as session:
        assert session.execute(sa.select(sa.func.count()).select_from(Call)).scalar_one() == 0
