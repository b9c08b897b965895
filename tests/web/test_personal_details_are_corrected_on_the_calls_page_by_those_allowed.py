"""On a call's page, someone who handles calls and may see personal details (the supervisor,
here) has a "Correct personal details" link to a form; saving it (with the CSRF token and the
call's version) sends them back to the call with a message. Others do not see the link and get
403 on the form; a refusal shows the form again with an error summary naming the field."""

from __future__ import annotations

import re

import sqlalchemy as sa
from fastapi.testclient import TestClient

from rightcare.audit.models import AuditEntry
from rightcare.calls.models import Call
from tests.web.conftest import Web

DETAILS = {"caller_name": "Priya Kwenell-Example", "address": "14 Fictional Row"}
CORRECTED = "Priya Quennell-Example"
LINK = 'id="correct-personal-link"'


def _open(web: Web) -> str:
    created = web.signed_in("hana").post("/api/v1/calls", json={"synthetic": True, **DETAILS})
    assert created.status_code == 201, created.text
    return str(created.json()["id"])


def _hidden(html: str, name: str) -> str:
    found = re.search(rf'<input [^>]*name="{name}"[^>]* value="([^"]*)"', html)
    assert found is not None, name
    return found.group(1)


def _form(client: TestClient, call_id: str) -> dict[str, str]:
    """What the form sends as shown: the CSRF token, the version and the four details."""
    page = client.get(f"/calls/{call_id}/personal-details")
    assert page.status_code == 200, page.text
    return {
        "csrf_token": _hidden(page.text, "csrf_token"),
        "expected_version": _hidden(page.text, "expected_version"),
        "caller_name": _hidden(page.text, "caller_name"),
        "caller_phone": "",
        "subject_name": "",
        "address": DETAILS["address"],
    }


def _stored(web: Web, call_id: str) -> tuple[str | None, str | None, int, int]:
    with web.session() as session:
        call = session.get(Call, call_id)
        assert call is not None
        corrections = session.scalar(
            sa.select(sa.func.count())
            .select_from(AuditEntry)
            .where(AuditEntry.action == "call.personal_details_corrected")
        )
        return call.caller_name, call.address, call.version, int(corrections or 0)


def _title(html: str) -> str:
    found = re.search(r"<title>(.*?)</title>", html, re.S)
    assert found is not None
    return found.group(1)


def test_a_supervisor_follows_the_link_corrects_a_name_and_is_sent_back(web: Web) -> None:
    call_id = _open(web)
    sam = web.signed_in("sam")
    del sam.headers["X-CSRF-Token"]  # a browser form sends the token as a field
    page = sam.get(f"/calls/{call_id}")
    assert LINK in page.text
    form = _form(sam, call_id)
    assert form["caller_name"] == DETAILS["caller_name"]
    assert (
        '<label class="govuk-label" for="caller_name">'
        in sam.get(f"/calls/{call_id}/personal-details").text
    )

    reply = sam.post(
        f"/calls/{call_id}/personal-details",
        data={**form, "caller_name": CORRECTED},
        follow_redirects=False,
    )
    assert reply.status_code == 303
    assert reply.headers["location"] == f"/calls/{call_id}?done=personal"
    assert CORRECTED not in reply.headers["location"]
    back = sam.get(reply.headers["location"])
    assert "Personal details corrected" in back.text
    assert CORRECTED in back.text
    assert CORRECTED not in _title(back.text)
    assert _stored(web, call_id)[0] == CORRECTED and _stored(web, call_id)[3] == 1
    assert CORRECTED not in web.signed_in("hana").get(f"/calls/{call_id}").text


def test_others_do_not_see_the_link_and_are_refused_the_form(web: Web) -> None:
    call_id = _open(web)
    before = _stored(web, call_id)
    for name in ("hana", "aude"):  # handles calls without the permission; reads calls only
        client = web.signed_in(name)
        assert LINK not in client.get(f"/calls/{call_id}").text
        assert client.get(f"/calls/{call_id}/personal-details").status_code == 403
        posted = client.post(
            f"/calls/{call_id}/personal-details",
            data={"expected_version": str(before[2]), "caller_name": CORRECTED},
        )
        assert posted.status_code == 403
    assert (
        web.client().get(f"/calls/{call_id}/personal-details", follow_redirects=False).status_code
        == 303
    )  # not signed in: to the sign-in page
    assert _stored(web, call_id) == before


def test_the_form_without_its_csrf_token_is_refused(web: Web) -> None:
    call_id = _open(web)
    sam = web.signed_in("sam")
    form = _form(sam, call_id)
    del sam.headers["X-CSRF-Token"]
    before = _stored(web, call_id)
    missing = {**form, "caller_name": CORRECTED}
    del missing["csrf_token"]
    reply = sam.post(f"/calls/{call_id}/personal-details", data=missing)
    assert reply.status_code == 403
    forged = sam.post(
        f"/calls/{call_id}/personal-details", data={**missing, "csrf_token": "0" * 64}
    )
    assert forged.status_code == 403
    assert _stored(web, call_id) == before


def test_a_detail_too_long_is_named_in_the_error_summary_and_nothing_changes(web: Web) -> None:
    call_id = _open(web)
    sam = web.signed_in("sam")
    form = _form(sam, call_id)
    before = _stored(web, call_id)
    reply = sam.post(
        f"/calls/{call_id}/personal-details",
        data={**form, "caller_name": "Q" * 201},
        follow_redirects=False,
    )
    assert reply.status_code == 422
    assert _title(reply.text).startswith("Error:")
    assert 'href="#caller_name"' in reply.text
    assert "200 characters or fewer" in reply.text
    assert _stored(web, call_id) == before


def test_a_form_opened_before_someone_else_changed_the_call_saves_nothing(web: Web) -> None:
    call_id = _open(web)
    sam = web.signed_in("sam")
    form = _form(sam, call_id)
    web.signed_in("hana").post(
        f"/api/v1/calls/{call_id}/assessments",
        json={"answers": {"crime": "no"}},
        headers={"If-Match": f'W/"{form["expected_version"]}"'},
    )
    before = _stored(web, call_id)
    reply = sam.post(f"/calls/{call_id}/personal-details", data={**form, "caller_name": CORRECTED})
    assert reply.status_code == 409
    assert "Someone else changed this call" in reply.text
    assert _hidden(reply.text, "expected_version") == str(before[2])
    assert _stored(web, call_id) == before


def test_saving_the_form_unchanged_says_so(web: Web) -> None:
    call_id = _open(web)
    sam = web.signed_in("sam")
    before = _stored(web, call_id)
    reply = sam.post(f"/calls/{call_id}/personal-details", data=_form(sam, call_id))
    assert reply.status_code == 200
    assert "Nothing to correct" in reply.text
    assert _stored(web, call_id) == before
