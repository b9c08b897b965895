"""Helpers for the change-your-password tests: sign in through the form as a browser does, have
the administrator reset a password (one-time), and fill in the password page."""

from __future__ import annotations

import re
from typing import Any

from fastapi.testclient import TestClient

from tests.web.account_screens import CONFIRM, account_path, admin_client, shown_password
from tests.web.conftest import Web

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
NEW_PASSWORD = "three unrelated words, plus"


def csrf_in(html: str) -> str:
    found = CSRF.search(html)
    assert found is not None, "no CSRF token on the page"
    return found.group(1)


def form_sign_in(
    web: Web, username: str, password: str, next_path: str = "/"
) -> tuple[TestClient, Any]:
    """A new browser signed in through the sign-in form (no CSRF header set on the client), and
    the sign-in's answer (a redirect)."""
    client = web.client()
    token = csrf_in(client.get("/sign-in").text)
    reply = client.post(
        "/sign-in",
        data={"username": username, "password": password, "csrf_token": token, "next": next_path},
        follow_redirects=False,
    )
    assert reply.status_code == 303, reply.text
    return client, reply


def reset_by_admin(web: Web, username: str) -> str:
    """The one-time password the Accounts screen made up for `username`."""
    reply = admin_client(web).post(f"{account_path(web, username)}/password", data=CONFIRM)
    assert reply.status_code == 200, reply.text
    return shown_password(reply.text)


def change(
    client: TestClient,
    current: str,
    new: str = NEW_PASSWORD,
    confirm: str | None = None,
    *,
    next_path: str | None = None,
) -> Any:
    """Fill in and send the password page's form, with the page's own CSRF token."""
    token = csrf_in(client.get("/account/password").text)
    data = {
        "current_password": current,
        "new_password": new,
        "confirm_password": new if confirm is None else confirm,
        "csrf_token": token,
    }
    if next_path is not None:
        data["next"] = next_path
    return client.post("/account/password", data=data, follow_redirects=False)
