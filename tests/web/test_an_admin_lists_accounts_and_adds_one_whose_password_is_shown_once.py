"""Accounts, for administrators: the table of accounts, and adding one. The password is made
up by the system and shown once, in the answer to the form's POST: never in a URL, a cookie, a
log record or the audit log, and never cached."""

from __future__ import annotations

import logging
import re

import pytest

from rightcare.auth.models import Role
from tests.web.account_screens import (
    ADMIN,
    account,
    account_path,
    admin_client,
    audit_entries,
    shown_password,
    signs_in,
)
from tests.web.conftest import PERSONAS, Web


def test_the_table_lists_every_account_with_its_roles_permission_and_status(web: Web) -> None:
    adam = admin_client(web)
    page = adam.get("/accounts")
    assert page.status_code == 200
    for username in PERSONAS:
        assert f">{username}</a>" in page.text
    row = re.search(
        r'<tr class="govuk-table__row" id="account-\d+">\s*<th[^>]*><a[^>]*>sam</a>'
        r".*?</tr>",
        page.text,
        re.S,
    )
    assert row is not None
    assert "Supervisor" in row.group(0) and "May see them" in row.group(0)
    assert "Active" in row.group(0) and "Never" in row.group(0)
    mine = re.search(r">adam</a>.*?</tr>", page.text, re.S)
    assert mine is not None and "28 Nov 2026, 23:41 UTC" in mine.group(0)  # signed in just now
    assert 'href="/accounts" aria-current="page"' in page.text  # in the admin's navigation


@pytest.mark.parametrize("who", [name for name, role in PERSONAS.items() if role is not Role.ADMIN])
def test_only_administrators_see_accounts_in_the_navigation(web: Web, who: str) -> None:
    other = web.signed_in(who)
    assert 'href="/accounts"' not in other.get("/training").text
    assert other.get("/accounts").status_code == 403


def test_an_added_account_signs_in_with_the_password_shown_once(
    web: Web, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    adam = admin_client(web)
    form = adam.get("/accounts/new")
    assert form.status_code == 200 and 'for="username"' in form.text
    reply = adam.post(
        "/accounts",
        data={
            "username": "jsmith",
            "display_name": "Jo  Smith",
            "roles": ["call_handler", "supervisor"],
            "personal": "yes",
        },
        follow_redirects=False,
    )
    assert reply.status_code == 200  # shown here, not redirected to
    assert reply.headers["cache-control"] == "no-store"
    assert "only time this password is shown" in reply.text
    password = shown_password(reply.text)
    assert len(password) >= 20

    stored = account(web, "jsmith")
    assert stored.display_name == "Jo Smith"
    assert stored.roles == {Role.CALL_HANDLER, Role.SUPERVISOR}
    assert stored.can_see_personal and stored.active
    assert stored.password_hash and password not in stored.password_hash
    assert signs_in(web, "jsmith", password)

    # Shown once: not on the account's page, the list, in a header or a cookie.
    for page in (adam.get(account_path(web, "jsmith")), adam.get("/accounts")):
        assert page.status_code == 200 and password not in page.text
    assert all(password not in value for _, value in reply.headers.items())
    assert all(password not in (cookie.value or "") for cookie in adam.cookies.jar)
    # Never logged, never audited.
    assert caplog.records, "the capture should see the app's log records"
    for record in caplog.records:
        assert password not in record.getMessage()
        assert password not in repr(record.args)
    for entry in audit_entries(web):
        assert password not in repr(entry.details)
    added = [e for e in audit_entries(web) if e.action == "user.created"]
    assert [(e.actor, e.details["username"]) for e in added] == [(ADMIN, "jsmith")]
