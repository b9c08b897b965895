"""Helpers for the account tests: named people, and a snapshot of every account and the audit
log, to show that a refused change left both as they were."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from rightcare.audit.models import AuditEntry
from rightcare.auth.models import Role
from rightcare.auth.users import create_user, list_users

OPERATOR = "cli:ops"
ADMIN_PASSWORD = "admin-password-long-enough"
HANDLER_PASSWORD = "handler-password-long-enough"


def add_admin(session: Session, username: str = "ada") -> None:
    create_user(
        session,
        actor=OPERATOR,
        username=username,
        display_name="Ada Administrator",
        roles=[Role.ADMIN],
        password=ADMIN_PASSWORD,
    )


def add_handler(session: Session, username: str = "hal") -> None:
    create_user(
        session,
        actor=OPERATOR,
        username=username,
        display_name="Hal Handler",
        roles=["call_handler"],
        password=HANDLER_PASSWORD,
    )


def snapshot(session: Session) -> list[Any]:
    """Every account's columns and roles, and how many audit entries there are."""
    session.flush()  # anything a refused change left pending would show here
    accounts = [
        (
            user.username,
            user.display_name,
            user.password_hash,
            user.active,
            user.can_see_personal,
            user.failed_logins,
            user.locked_until,
            user.password_must_change,
            sorted(user.roles),
        )
        for user in list_users(session)
    ]
    entries = session.scalar(sa.select(sa.func.count()).select_from(AuditEntry))
    return [accounts, entries]


def entries(session: Session) -> list[AuditEntry]:
    return list(session.scalars(sa.select(AuditEntry).order_by(AuditEntry.seq)))
