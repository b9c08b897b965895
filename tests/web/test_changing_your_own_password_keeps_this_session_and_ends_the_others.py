"""Changing your own password on the password page ends your other sessions (another browser,
a script on the JSON API) but keeps the one that made the change signed in, with a new cookie;
the change is audited naming only the account."""

from __future__ import annotations

import sqlalchemy as sa

from rightcare.audit.models import AuditEntry
from rightcare.web.sessions import COOKIE_NAME
from tests.web.conftest import PASSWORD, Web
from tests.web.password_screens import NEW_PASSWORD, change, form_sign_in


def test_the_other_sessions_end_and_this_one_goes_on(web: Web) -> None:
    here, _ = form_sign_in(web, "hana", PASSWORD)
    elsewhere, _ = form_sign_in(web, "hana", PASSWORD)
    script = web.signed_in("hana")
    old_cookie = here.cookies.get(COOKIE_NAME)

    reply = change(here, PASSWORD)
    assert reply.status_code == 303, reply.text
    assert COOKIE_NAME in reply.headers["set-cookie"]
    assert here.cookies.get(COOKIE_NAME) != old_cookie

    assert here.get("/calls/new", follow_redirects=False).status_code == 200
    assert here.get("/api/v1/auth/me").json()["name"] == "hana"
    assert (
        elsewhere.get("/calls/new", follow_redirects=False)
        .headers["location"]
        .startswith("/sign-in")
    )
    assert script.get("/api/v1/auth/me").status_code == 401


def test_the_change_is_audited_under_the_person_without_any_password(web: Web) -> None:
    here, _ = form_sign_in(web, "hana", PASSWORD)
    assert change(here, PASSWORD).status_code == 303
    with web.session() as session:
        entries = list(session.scalars(sa.select(AuditEntry).order_by(AuditEntry.seq)))
    changed = [e for e in entries if e.action == "user.password_changed"]
    assert [(e.actor, e.details) for e in changed] == [("hana", {"username": "hana"})]
    for entry in entries:
        assert NEW_PASSWORD not in repr(entry.details)
        assert PASSWORD not in repr(entry.details)
