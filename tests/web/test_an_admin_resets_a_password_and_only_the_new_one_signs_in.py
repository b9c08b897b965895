"""Resetting a password: a new one is made up and shown once (never cached), the old one stops
working and the account's open sessions end."""

from __future__ import annotations

from tests.web.account_screens import CONFIRM, account_path, admin_client, shown_password, signs_in
from tests.web.conftest import PASSWORD, Web


def test_the_old_password_stops_working_and_the_new_one_signs_in(web: Web) -> None:
    hana = web.signed_in("hana")
    adam = admin_client(web)
    reply = adam.post(f"{account_path(web, 'hana')}/password", data=CONFIRM, follow_redirects=False)
    assert reply.status_code == 200
    assert reply.headers["cache-control"] == "no-store"
    assert "Password reset" in reply.text
    password = shown_password(reply.text)
    assert not signs_in(web, "hana", PASSWORD)
    assert signs_in(web, "hana", password)
    assert hana.get("/api/v1/auth/me").status_code == 401  # signed out everywhere
    assert password not in adam.get(account_path(web, "hana")).text


def test_each_reset_makes_up_a_different_password(web: Web) -> None:
    adam = admin_client(web)
    path = f"{account_path(web, 'ari')}/password"
    first = shown_password(adam.post(path, data=CONFIRM).text)
    second = shown_password(adam.post(path, data=CONFIRM).text)
    assert first != second
    assert not signs_in(web, "ari", first)
    assert signs_in(web, "ari", second)
