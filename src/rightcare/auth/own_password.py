"""Changing one's own password: the current one checked, the new one by the usual rules.

Apart from `rightcare.auth.users` (the administrators' and the CLI's account changes) because
it is the person, not an administrator, who acts: the audit entry names them, and a wrong
current password is theirs to count against the lockout (the web page does, through
`rightcare.web.auth.count_wrong_password`).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from rightcare.auth.models import User
from rightcare.auth.passwords import hash_password, verify_password
from rightcare.auth.users import (
    AccountError,
    audit_account,
    check_password,
    get_user,
    is_locked,
)


class WrongCurrentPassword(AccountError):
    """Someone changing their own password gave the wrong current one. The web page counts it
    as a failed sign-in (`rightcare.web.auth.count_wrong_password`)."""

    def __init__(self) -> None:
        super().__init__("current", "your current password is not right: check it and try again")


def change_own_password(
    session: Session, *, username: str, current: str, new: str, now: dt.datetime
) -> User:
    """Someone's own new password, given their `current` one; clears `password_must_change`.

    Like `set_password`, it ends every browser session of the account (the password hash is in
    their fingerprint); the web page issues the session that asked a new cookie. Refused,
    changing nothing: an account with no password (single sign-on), a locked one, a wrong
    current password (`WrongCurrentPassword`), a new one equal to it or against the rules.
    """
    user = get_user(session, username)
    if user.password_hash is None:
        raise AccountError(
            "current",
            "you sign in with your organisation account (single sign-on): there is no "
            "rightcare password to change",
        )
    if is_locked(user, now=now):
        raise AccountError(
            "current",
            "your account is locked after too many wrong passwords: try again later, or ask "
            "an administrator to unlock it",
        )
    if not verify_password(user.password_hash, current):
        raise WrongCurrentPassword()
    if new == current:
        raise AccountError("new", "the new password must be different from your current one")
    try:
        check_password(new, username=user.username)
    except AccountError as exc:
        raise AccountError("new", exc.message.replace("the password", "the new password")) from None
    user.password_hash = hash_password(new)
    user.password_must_change = False
    user.failed_logins = 0  # they have just proved they know the password, as at sign-in
    audit_account(session, actor=user.username, action="user.password_changed", user=user, now=now)
    return user
