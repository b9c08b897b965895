"""The route-by-role matrix: every API endpoint, with every role and with no session.

The table is `route_matrix.csv` beside this file: `ok` means the request got past sign-in and
permissions (any answer but 401 or 403, and never a server error); 401, 403 and 303 (a screen
sending someone not signed in to sign in) are exact. Screens are listed too (those under
/training, /accounts and /account so far); the API must be listed whole.
POSTs send an empty JSON object, so an allowed role is stopped by validation (422) rather
than changing anything, except where an empty object is a valid request.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from rightcare.auth.actor import SYSTEM
from rightcare.calls import service
from rightcare.calls.schemas import CallCreate
from rightcare.web.app import API_PREFIX
from tests.web.conftest import BY_ROLE, START, Web

TABLE = Path(__file__).with_name("route_matrix.csv")
ROWS = list(csv.DictReader(TABLE.open(encoding="utf-8")))
WHO = [name for name in ROWS[0] if name not in ("method", "path")]


def _call_id(web: Web) -> str:
    with web.session() as session:
        call = service.create_call(
            session, actor=SYSTEM, data=CallCreate(synthetic=True), now=START
        )
        session.commit()
        return call.id


def test_the_table_lists_every_api_route(web: Web) -> None:
    routes = {
        (method.upper(), path)
        for path, operations in web.app.openapi()["paths"].items()
        if path.startswith(API_PREFIX)
        for method in operations
    }
    listed = {(row["method"], row["path"]) for row in ROWS if row["path"].startswith(API_PREFIX)}
    assert routes == listed


@pytest.mark.parametrize("who", WHO)
def test_each_route_answers_as_the_table_says(web: Web, who: str) -> None:
    call_id = _call_id(web)
    if who == "anonymous":
        client = web.client()
    else:
        from rightcare.auth.models import Role

        client = web.signed_in(BY_ROLE[Role(who)])
    wrong: list[str] = []
    for row in ROWS:
        path = (
            row["path"]
            .replace("{call_id}", call_id)
            .replace("{handover_id}", "no-such-handover")
            .replace("{decision_id}", "no-such-decision")
            .replace("{review_id}", "no-such-review")
            .replace("{token_id}", "999")
            .replace("{course_id}", "no-such-course")
            .replace("{module_id}", "no-such-module")
            .replace("{attempt_id}", "no-such-attempt")
            .replace("{scenario_id}", "NO-SUCH-001")
            .replace("{certificate_id}", "no-such-certificate")
            .replace("{cohort_id}", "no-such-cohort")
            .replace("{user_id}", "999")  # no such account: nobody's password is reset here
        )
        if row["path"] == "/api/v1/auth/logout":
            continue  # checked last: it would end this persona's session
        reply = client.request(
            row["method"],
            path,
            json={} if row["method"] == "POST" else None,
            follow_redirects=False,
        )
        expected = row[who]
        got = reply.status_code
        fine = (got not in (401, 403) and got < 500) if expected == "ok" else got == int(expected)
        if not fine:
            wrong.append(f"{row['method']} {row['path']}: expected {expected}, got {got}")
    assert client.post("/api/v1/auth/logout").status_code == 204
    assert not wrong, "\n".join(wrong)
