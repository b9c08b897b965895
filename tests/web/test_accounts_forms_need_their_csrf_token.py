"""Every Accounts form is refused without the session's CSRF token (in the form or the header)
and changes nothing; every Accounts route is in the route-by-role table."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from starlette.routing import Route

from rightcare.web.pages import accounts
from tests.web.account_screens import CONFIRM, account_path, admin_client, everything
from tests.web.conftest import Web

TABLE = Path(__file__).with_name("route_matrix.csv")


def test_every_accounts_route_is_in_the_route_matrix() -> None:
    routes = {
        (method, route.path)
        for route in accounts.router.routes
        if isinstance(route, Route)
        for method in (route.methods or set()) - {"HEAD"}
    }
    listed = {
        (row["method"], row["path"])
        for row in csv.DictReader(TABLE.open(encoding="utf-8"))
        if row["path"].startswith("/accounts")
    }
    assert routes and routes == listed


FORMS = [
    (
        "/accounts",
        {"username": "jsmith", "display_name": "Jo", "roles": "analyst", "personal": "no"},
    ),
    ("{hana}/access", {"roles": "supervisor", "personal": "yes"}),
    ("{hana}/password", CONFIRM),
    ("{hana}/deactivate", CONFIRM),
    ("{hana}/reactivate", {}),
    ("{hana}/unlock", {}),
]


@pytest.mark.parametrize(("path", "form"), FORMS)
def test_an_accounts_form_without_its_token_is_refused(
    web: Web, path: str, form: dict[str, str]
) -> None:
    adam = admin_client(web)
    url = path.replace("{hana}", account_path(web, "hana"))
    before = everything(web)
    del adam.headers["X-CSRF-Token"]
    reply = adam.post(url, data=form)
    assert reply.status_code == 403 and "expired" in reply.text
    reply = adam.post(url, data={**form, "csrf_token": "0" * 64})
    assert reply.status_code == 403
    assert everything(web) == before


def test_the_token_in_the_form_is_accepted(web: Web) -> None:
    adam = admin_client(web)
    page = adam.get(account_path(web, "hana")).text
    token = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert token is not None
    del adam.headers["X-CSRF-Token"]
    reply = adam.post(
        f"{account_path(web, 'hana')}/deactivate",
        data={"csrf_token": token.group(1), **CONFIRM},
        follow_redirects=False,
    )
    assert reply.status_code == 303
