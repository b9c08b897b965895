"""Deactivating an account stops it signing in and ends its sessions; reactivating lets it sign
in again; unlocking lifts the lock after too many failed sign-ins."""

from __future__ import annotations

from rightcare.web.auth import USER_LIMIT
from tests.web.account_screens import CONFIRM, account, account_path, admin_client, signs_in
from tests.web.conftest import PASSWORD, Web


def test_a_deactivated_account_cannot_sign_in_until_it_is_reactivated(web: Web) -> None:
    tess = web.signed_in("tess")
    adam = admin_client(web)
    path = account_path(web, "tess")
    reply = adam.post(f"{path}/deactivate", data=CONFIRM, follow_redirects=False)
    assert reply.status_code == 303 and reply.headers["location"] == f"{path}?done=deactivated"
    page = adam.get(reply.headers["location"]).text
    assert "Account deactivated" in page and "Deactivated</strong>" in page
    assert 'id="reactivate"' in page and 'id="deactivate"' not in page
    assert not account(web, "tess").active
    assert not signs_in(web, "tess", PASSWORD)
    assert tess.get("/api/v1/auth/me").status_code == 401

    again = adam.post(f"{path}/deactivate", data=CONFIRM, follow_redirects=False)
    assert again.headers["location"] == f"{path}?done=already-deactivated"

    back = adam.post(f"{path}/reactivate", follow_redirects=False)
    assert back.status_code == 303 and back.headers["location"] == f"{path}?done=reactivated"
    assert "Account reactivated" in adam.get(back.headers["location"]).text
    assert account(web, "tess").active
    assert signs_in(web, "tess", PASSWORD)
    assert tess.get("/api/v1/auth/me").status_code == 401  # the old session stays ended


def test_a_locked_account_is_shown_as_locked_and_unlocked(web: Web) -> None:
    for _ in range(USER_LIMIT):
        assert not signs_in(web, "ari", "not the password")
    assert not signs_in(web, "ari", PASSWORD)  # locked now
    adam = admin_client(web)
    path = account_path(web, "ari")
    page = adam.get(path).text
    assert "Locked</strong>" in page and 'id="unlock"' in page
    assert "Locked</strong>" in adam.get("/accounts").text

    reply = adam.post(f"{path}/unlock", follow_redirects=False)
    assert reply.status_code == 303 and reply.headers["location"] == f"{path}?done=unlocked"
    page = adam.get(reply.headers["location"]).text
    assert "Account unlocked" in page and 'id="unlock"' not in page
    assert account(web, "ari").locked_until is None
    assert signs_in(web, "ari", PASSWORD)


def test_an_unknown_account_is_not_found(web: Web) -> None:
    adam = admin_client(web)
    for reply in (
        adam.get("/accounts/999"),
        adam.get("/accounts/not-a-number"),
        adam.post("/accounts/999/deactivate"),
        adam.post("/accounts/999/password"),
    ):
        assert reply.status_code == 404
