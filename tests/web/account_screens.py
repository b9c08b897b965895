"""Helpers for the Accounts screen tests: the administrator persona's client, an account as
stored, the audit log, and whether a username and password sign in."""

from __future__ import annotations

import re
from typing import Any

import sqlalchemy as sa
from fastapi.testclient import TestClient

from rightcare.audit.models import AuditEntry
from rightcare.auth.models import Role, User
from tests.auth.accounts import snapshot
from tests.web.conftest import Web

ADMIN = "adam"  # the only administrator among the personas
# The "Yes, ..." box that resetting a password and deactivating an account need ticked.
CONFIRM = {"confirm": "yes"}
ONE_TIME_PASSWORD = re.compile(r'id="one-time-password">([^<]+)</code>')


def admin_client(web: Web) -> TestClient:
    """The administrator, signed in; forms go with the session's CSRF header, as HTMX sends."""
    return web.signed_in(ADMIN)


def account(web: Web, username: str) -> User:
    """The account as stored now (roles loaded), detached from any session."""
    with web.session() as session:
        user = session.scalar(sa.select(User).where(User.username == username))
        assert user is not None, f"no account {username!r}"
        session.expunge(user)
        return user


def account_path(web: Web, username: str) -> str:
    return f"/accounts/{account(web, username).id}"


def roles_of(web: Web, username: str) -> set[Role]:
    return set(account(web, username).roles)


def audit_entries(web: Web) -> list[AuditEntry]:
    with web.session() as session:
        return list(session.scalars(sa.select(AuditEntry).order_by(AuditEntry.seq)))


def everything(web: Web) -> list[Any]:
    """Every account's columns and roles, and how many audit entries there are."""
    with web.session() as session:
        return snapshot(session)


def signs_in(web: Web, username: str, password: str) -> bool:
    reply = web.client().post(
        "/api/v1/auth/login", json={"username": username, "password": password}
    )
    return reply.status_code == 200


def shown_password(html: str) -> str:
    found = ONE_TIME_PASSWORD.findall(html)
    assert len(found) == 1, "expected the made-up password on the page exactly once"
    return str(found[0])


def add_account(
    admin: TestClient, username: str, *, roles: tuple[str, ...] = ("call_handler",)
) -> Any:
    """Add an account through the Accounts screen's form (no personal-details permission)."""
    return admin.post(
        "/accounts",
        data={
            "username": username,
            "display_name": username.title(),
            "roles": list(roles),
            "personal": "no",
        },
    )
