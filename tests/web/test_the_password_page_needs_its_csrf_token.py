"""The password page's form is refused without the session's CSRF token (in the form or the
X-CSRF-Token header) and changes nothing; without a session it sends you to sign in."""

from __future__ import annotations

import csv
from pathlib import Path

from starlette.routing import Route

from rightcare.web.pages import account_password
from tests.web.account_screens import account, signs_in
from tests.web.conftest import PASSWORD, Web
from tests.web.password_screens import NEW_PASSWORD, form_sign_in

TABLE = Path(__file__).with_name("route_matrix.csv")
FORM = {
    "current_password": PASSWORD,
    "new_password": NEW_PASSWORD,
    "confirm_password": NEW_PASSWORD,
}


def test_a_change_without_the_token_is_refused_and_changes_nothing(web: Web) -> None:
    hana, _ = form_sign_in(web, "hana", PASSWORD)
    before = account(web, "hana").password_hash
    for token in (None, "", "forged-token"):
        data = dict(FORM) if token is None else {**FORM, "csrf_token": token}
        reply = hana.post("/account/password", data=data, follow_redirects=False)
        assert reply.status_code == 403
        assert "did not come from this site" in reply.text
    assert account(web, "hana").password_hash == before
    assert signs_in(web, "hana", PASSWORD)


def test_the_header_token_is_accepted_as_scripts_send_it(web: Web) -> None:
    script = web.signed_in("hana")  # sends X-CSRF-Token
    reply = script.post("/account/password", data=FORM, follow_redirects=False)
    assert reply.status_code == 303
    assert signs_in(web, "hana", NEW_PASSWORD)


def test_without_a_session_the_page_sends_you_to_sign_in(web: Web) -> None:
    for method in ("GET", "POST"):
        reply = web.client().request(method, "/account/password", follow_redirects=False)
        assert reply.status_code == 303
        assert reply.headers["location"] == "/sign-in?next=/account/password"


def test_the_password_page_is_in_the_route_matrix() -> None:
    routes = {
        (method, route.path)
        for route in account_password.router.routes
        if isinstance(route, Route)
        for method in (route.methods or set()) - {"HEAD"}
    }
    listed = {
        (row["method"], row["path"])
        for row in csv.DictReader(TABLE.open(encoding="utf-8"))
        if row["path"].startswith("/account/")
    }
    assert routes == {("GET", "/account/password"), ("POST", "/account/password")} == listed
