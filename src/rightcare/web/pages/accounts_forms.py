"""What the Accounts screens show and read: roles in words, an account's state, and the fields
of the forms, with each refusal tied to the input it is about (for the GOV.UK error summary)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from rightcare.auth.models import Role, User
from rightcare.auth.users import (
    AccountError,
    check_display_name,
    check_username,
    is_locked,
    parse_roles,
)
from rightcare.web.pages.common import sentence

# The roles in the order the forms list them, with what each lets a person do (docs/accounts.md).
ROLE_HINTS: dict[Role, str] = {
    Role.CALL_HANDLER: "Assess calls; record decisions, advice and handovers; read call timelines.",
    Role.SUPERVISOR: "All a call handler may do, plus the supervisor queue, sign-offs, reviews "
    "and figures.",
    Role.TRAINER: "Run training: cohorts, results and exports.",
    Role.ANALYST: "Read the policy and aggregate figures.",
    Role.AUDITOR: "Read calls and timelines; check the audit log.",
    Role.ADMIN: "Manage accounts and API tokens.",
}
ROLE_ORDER = tuple(ROLE_HINTS)

# The id of the input each service field is shown against: the first checkbox for the roles,
# the first radio for the personal-details choice, as the GOV.UK error summary expects.
FIELD_IDS = {
    "username": "username",
    "display_name": "display-name",
    "roles": f"role-{ROLE_ORDER[0].value}",
    "personal": "personal-yes",
    "password": "reset-password",
}


@dataclass(frozen=True)
class FieldError:
    field: str  # the form field at fault: username, display_name, roles, personal...
    field_id: str  # the id of the input the error summary links to
    message: str


def field_error(exc: AccountError, *, field_id: str | None = None) -> FieldError:
    field = exc.field if exc.field in FIELD_IDS else "username"
    return FieldError(field, field_id or FIELD_IDS[field], sentence(exc.message))


def roles_in_words(roles: frozenset[Role]) -> str:
    return ", ".join(role.label for role in ROLE_ORDER if role in roles) or "No roles"


@dataclass(frozen=True)
class AccountRow:
    """One account as the screens show it."""

    id: int
    username: str
    display_name: str
    roles: str  # in words
    role_values: frozenset[str]
    personal: bool
    active: bool
    locked: bool
    locked_until: dt.datetime | None
    last_sign_in: dt.datetime | None
    has_password: bool
    must_change_password: bool

    @property
    def status(self) -> list[tuple[str, str]]:
        """(words, GOV.UK tag colour) for each state the account is in."""
        shown = [
            ("Active", "govuk-tag--green") if self.active else ("Deactivated", "govuk-tag--grey")
        ]
        if self.locked:
            shown.append(("Locked", "govuk-tag--orange"))
        if self.must_change_password:
            shown.append(("Must change password", "govuk-tag--yellow"))
        return shown


def account_row(user: User, *, now: dt.datetime) -> AccountRow:
    locked = is_locked(user, now=now)
    return AccountRow(
        id=user.id,
        username=user.username,
        display_name=user.display_name,
        roles=roles_in_words(user.roles),
        role_values=frozenset(role.value for role in user.roles),
        personal=user.can_see_personal,
        active=user.active,
        locked=locked,
        locked_until=user.locked_until if locked else None,
        last_sign_in=user.last_login_at,
        has_password=user.password_hash is not None,
        must_change_password=user.password_must_change and user.password_hash is not None,
    )


def _text(form: Any, name: str, limit: int) -> str:
    return str(form.get(name) or "")[:limit]


def read_personal(form: Any) -> tuple[bool | None, FieldError | None]:
    choice = _text(form, "personal", 10)
    if choice in ("yes", "no"):
        return choice == "yes", None
    message = "Choose whether they may see callers' personal details"
    return None, FieldError("personal", FIELD_IDS["personal"], message)


def read_roles(form: Any) -> tuple[list[str], FieldError | None]:
    given: Sequence[Any] = form.getlist("roles") if hasattr(form, "getlist") else []
    roles = [str(value)[:50] for value in given][: len(Role) + 1]
    if not roles:
        return roles, FieldError("roles", FIELD_IDS["roles"], "Choose at least one role")
    try:
        parse_roles(roles)
    except AccountError as exc:
        return roles, field_error(exc)
    return roles, None


@dataclass(frozen=True)
class NewAccount:
    username: str
    display_name: str
    roles: list[str]
    personal: bool


def read_new_account(form: Any) -> tuple[NewAccount, dict[str, Any], list[FieldError]]:
    """The new account's fields, what was entered (to show again) and every mistake found,
    in the order the form asks. The service checks them all again, and whether the username
    is taken, when it creates the account."""
    username = _text(form, "username", 200).strip()
    display_name = _text(form, "display_name", 500)
    errors: list[FieldError] = []
    if not username:
        errors.append(FieldError("username", FIELD_IDS["username"], "Enter a username"))
    else:
        try:
            check_username(username)
        except AccountError as exc:
            errors.append(field_error(exc))
    try:
        check_display_name(display_name)
    except AccountError as exc:
        errors.append(field_error(exc))
    roles, roles_error = read_roles(form)
    personal, personal_error = read_personal(form)
    errors.extend(error for error in (roles_error, personal_error) if error is not None)
    entered = {
        "username": username,
        "display_name": display_name,
        "roles": frozenset(roles),
        "personal": None if personal is None else ("yes" if personal else "no"),
    }
    return NewAccount(username, display_name, roles, bool(personal)), entered, errors
