"""The password page refuses, with the GOV.UK error summary linking to each field at fault, and
changes nothing: boxes left empty, a confirmation that does not match, a wrong current password
(counted as a failed sign-in, so the form cannot be used to guess), a new password too short or
the same as the current one, and any password at all from a computer that sign-in has stopped
for too many failures. The page is never cached and tells password managers which box is
which."""

from __future__ import annotations

import re

import pytest

from rightcare.web.auth import CLIENT_LIMIT, LOCK_MINUTES, USER_LIMIT
from tests.web.account_screens import account, everything, signs_in
from tests.web.conftest import PASSWORD, Web
from tests.web.password_screens import change, csrf_in, form_sign_in

SUMMARY_LINKS = re.compile(r'govuk-error-summary__list">\s*(.*?)</ul>', re.S)

# case -> (current, new, confirm, [(field id, words)])
REFUSED = {
    "everything empty": (
        "",
        "",
        "",
        [
            ("current-password", "Enter your current password"),
            ("new-password", "Enter a new password"),
            ("confirm-password", "Enter the new password again"),
        ],
    ),
    "a confirmation that does not match": (
        PASSWORD,
        "a good new password",
        "a good new passwort",
        [("confirm-password", "The new passwords do not match")],
    ),
    "a new password too short": (
        PASSWORD,
        "elevenchars",
        "elevenchars",
        [("new-password", "The new password is too short")],
    ),
    "the same password again": (
        PASSWORD,
        PASSWORD,
        PASSWORD,
        [("new-password", "The new password must be different from your current one")],
    ),
    "a wrong current password": (
        "not my password at all",
        "a good new password",
        "a good new password",
        [("current-password", "Your current password is not right")],
    ),
}


@pytest.mark.parametrize("case", REFUSED)
def test_a_refused_change_names_each_field_and_changes_nothing(web: Web, case: str) -> None:
    current, new, confirm, expected = REFUSED[case]
    hana, _ = form_sign_in(web, "hana", PASSWORD)
    before = account(web, "hana")
    reply = change(hana, current, new, confirm)
    assert reply.status_code == 422
    assert reply.headers["cache-control"] == "no-store"
    assert "<title>Error: Change your password" in reply.text
    summary = SUMMARY_LINKS.search(reply.text)
    assert summary is not None
    links = re.findall(r'<a href="#([^"]+)">([^<]+)</a>', summary.group(1))
    assert [field for field, _ in links] == [field for field, _ in expected]
    for (_, message), (_, words) in zip(links, expected, strict=True):
        assert message.startswith(words)
    for field, _ in expected:
        assert f'id="{field}-error"' in reply.text
    after = account(web, "hana")
    assert after.password_hash == before.password_hash
    assert signs_in(web, "hana", PASSWORD)


def test_a_wrong_current_password_counts_as_a_failed_sign_in(web: Web) -> None:
    hana, _ = form_sign_in(web, "hana", PASSWORD)
    change(hana, "not my password at all")
    assert account(web, "hana").failed_logins == 1
    for _ in range(USER_LIMIT - 2):
        change(hana, "not my password at all")
    last = change(hana, "not my password at all")
    assert "Your account is now locked" in last.text
    assert account(web, "hana").locked_until is not None
    snapshot = everything(web)
    right = change(hana, PASSWORD)  # locked: even the right one is refused
    assert right.status_code == 422 and "locked" in right.text
    assert everything(web)[0] == snapshot[0]


def test_the_form_tells_password_managers_which_box_is_which_and_is_not_cached(web: Web) -> None:
    hana, _ = form_sign_in(web, "hana", PASSWORD)
    page = hana.get("/account/password")
    assert page.status_code == 200
    assert page.headers["cache-control"] == "no-store"
    assert re.search(r'id="current-password"[^>]*autocomplete="current-password"', page.text)
    assert re.search(r'id="new-password"[^>]*autocomplete="new-password"', page.text)
    assert re.search(r'id="confirm-password"[^>]*autocomplete="new-password"', page.text)
    assert 'id="must-change"' not in page.text  # nobody asked this person to change it


def test_the_header_links_to_the_password_page_beside_the_name(web: Web) -> None:
    hana, _ = form_sign_in(web, "hana", PASSWORD)
    page = hana.get("/training")
    assert re.search(
        r'app-sign-out__name">Hana</span>\s*<a [^>]*href="/account/password"', page.text
    )
    assert 'href="/account/password"' in hana.get("/").text


def test_an_address_refused_at_sign_in_is_refused_here_before_the_password_is_checked(
    web: Web,
) -> None:
    hana, _ = form_sign_in(web, "hana", PASSWORD)
    guesser = web.client()
    token = csrf_in(guesser.get("/sign-in").text)
    for attempt in range(CLIENT_LIMIT):  # the same computer, guessing at other accounts
        guesser.post(
            "/sign-in",
            data={"username": f"nobody{attempt}", "password": "guess", "csrf_token": token},
        )
    before = account(web, "hana")
    reply = change(hana, PASSWORD)  # even the right password is not looked at
    assert reply.status_code == 429
    assert reply.headers["retry-after"] == str(LOCK_MINUTES * 60)
    assert "Too many wrong passwords from this computer" in reply.text
    assert 'href="#current-password"' in reply.text
    after = account(web, "hana")
    assert (after.password_hash, after.failed_logins) == (before.password_hash, 0)
