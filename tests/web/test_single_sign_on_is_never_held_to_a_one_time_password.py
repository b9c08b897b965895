"""An account that signs in with single sign-on only is told, on the password page, that it has
no rightcare password to change. If an administrator gives such an account a one-time password,
signing in through the organisation's account still goes straight on (the person may never
have seen that password); signing in with the password itself must change it first."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.web.conftest import Web
from tests.web.fake_issuer import (
    FakeIssuer,
    sign_in_through,
    site_signing_in_with,
)
from tests.web.password_screens import csrf_in, form_sign_in, reset_by_admin

FORM = {
    "current_password": "anything at all",
    "new_password": "a good new password",
    "confirm_password": "a good new password",
}


@pytest.fixture
def issuer() -> FakeIssuer:
    return FakeIssuer(
        claims={
            "sub": "entra-subject-olive",
            "preferred_username": "olive",
            "name": "Olive Officer",
            "roles": ["RightCare.Call_Handler"],
        }
    )


@pytest.fixture
def site(web: Web, issuer: FakeIssuer, tmp_path: Path) -> TestClient:
    return site_signing_in_with(issuer, web, tmp_path)


def test_a_single_sign_on_account_is_told_it_has_no_password_here(
    site: TestClient, issuer: FakeIssuer
) -> None:
    assert sign_in_through(site, issuer, "/calls/new").status_code == 303
    page = site.get("/account/password")
    assert page.status_code == 200
    assert "there is no rightcare password to change" in page.text
    assert 'id="current-password"' not in page.text
    refused = site.post("/account/password", data={**FORM, "csrf_token": csrf_in(page.text)})
    assert refused.status_code == 409
    assert "there is no rightcare password to change" in refused.text


def test_a_one_time_password_does_not_hold_up_single_sign_on(
    site: TestClient, issuer: FakeIssuer, web: Web
) -> None:
    assert sign_in_through(site, issuer, "/calls/new").status_code == 303  # the account is made
    made_up = reset_by_admin(web, "olive")
    again = sign_in_through(site, issuer, "/calls/new")
    assert (again.status_code, again.headers["location"]) == (303, "/calls/new")
    assert site.get("/calls/new", follow_redirects=False).status_code == 200
    assert site.get("/api/v1/auth/me").status_code == 200

    _, with_password = form_sign_in(web, "olive", made_up)
    assert with_password.headers["location"] == "/account/password"
