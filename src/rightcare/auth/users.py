"""Local accounts: create them, change passwords, roles and the personal-details permission,
disable, re-enable and unlock them.

Plain functions shared by the `rightcare users` commands, the Accounts screen, the API and the
tests. Each takes the caller's session and never commits; each change writes one audit entry in
the same transaction. Every check runs before anything is changed, so a refused request leaves
the account as it was.

Audit entries name the account by id (as sign-in entries do) and carry its username: a staff
log-in, not a caller's personal data. Display names and passwords never go in the log.

Browser sessions carry a fingerprint of the account's password hash, active flag and session
epoch (`rightcare.web.sessions.fingerprint`), so setting a password or disabling an account ends
its sessions at once. Disabling also moves the epoch on, so re-enabling does not bring back the
old fingerprint, nor any cookie kept alive while the account was disabled; that holds for an
account that signs in only through single sign-on too.

A password made up for someone else (by `rightcare users` or the Accounts screen) is set
`one_time`: whoever made it up knows it, so the person must choose their own at the next
password sign-in (`rightcare.auth.own_password`), and until then may do nothing else with
that session.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterable

import sqlalchemy as sa
from sqlalchemy.orm import Session

from rightcare.audit import record
from rightcare.auth.models import Role, User
from rightcare.auth.passwords import hash_password
from rightcare.storage.base import utcnow

USERNAME_PATTERN = re.compile(r"[A-Za-z0-9._-]{3,150}")
MIN_PASSWORD_LENGTH = 12
# argon2 would hash a megabyte happily; a limit keeps a pasted file from being taken as one.
MAX_PASSWORD_LENGTH = 1024
MAX_DISPLAY_NAME_LENGTH = 200
ENTITY = "user"


class AccountError(ValueError):
    """A change to an account was refused; `field` names the input at fault."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


class UsernameTaken(AccountError):
    def __init__(self, username: str) -> None:
        super().__init__("username", f"there is already an account called {username!r}")


class UnknownUser(AccountError):
    def __init__(self, username: str) -> None:
        super().__init__("username", f"there is no account called {username!r}")


class LastAdmin(AccountError):
    """Refused because no active administrator would be left to manage accounts."""


# --- checks (they change nothing) -----------------------------------------------------------


def check_username(username: str) -> str:
    if not USERNAME_PATTERN.fullmatch(username):
        raise AccountError(
            "username",
            f"{username!r} is not a valid username: use 3 to 150 letters, digits, dots, "
            "hyphens or underscores (no spaces)",
        )
    return username


def check_display_name(display_name: str) -> str:
    cleaned = " ".join(display_name.split())
    if not cleaned:
        raise AccountError("display_name", "give the person's name (it is shown on screen)")
    if len(cleaned) > MAX_DISPLAY_NAME_LENGTH:
        raise AccountError(
            "display_name", f"the name is longer than {MAX_DISPLAY_NAME_LENGTH} characters"
        )
    return cleaned


def parse_roles(roles: Iterable[Role | str]) -> frozenset[Role]:
    """The roles named, as `Role`s; refuses an unknown name (suggesting the near miss) or none."""
    parsed: set[Role] = set()
    known = [role.value for role in Role]
    for given in roles:
        if isinstance(given, Role):
            parsed.add(given)
            continue
        name = given.strip().lower().replace("-", "_").replace(" ", "_")
        if name not in known:
            near = difflib.get_close_matches(name, known, n=1)
            hint = f"; did you mean {near[0]!r}?" if near else ""
            raise AccountError("roles", f"unknown role {given!r}{hint} (roles: {', '.join(known)})")
        parsed.add(Role(name))
    if not parsed:
        raise AccountError("roles", f"give at least one role (roles: {', '.join(known)})")
    return frozenset(parsed)


def check_password(password: str, *, username: str) -> str:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(
            "password", f"the password is too short: use at least {MIN_PASSWORD_LENGTH} characters"
        )
    if len(password) > MAX_PASSWORD_LENGTH:
        raise AccountError(
            "password", f"the password is longer than {MAX_PASSWORD_LENGTH} characters"
        )
    if password.strip().casefold() == username.casefold():
        raise AccountError("password", "the password must not be the username")
    return password


# --- reading ---------------------------------------------------------------------------------


def find_user(session: Session, username: str) -> User | None:
    return session.scalar(sa.select(User).where(User.username == username))


def get_user(session: Session, username: str) -> User:
    user = find_user(session, username)
    if user is None:
        raise UnknownUser(username)
    return user


def list_users(session: Session) -> list[User]:
    """Every account, disabled ones too, by username."""
    return list(session.scalars(sa.select(User).order_by(User.username)))


def is_locked(user: User, *, now: dt.datetime | None = None) -> bool:
    """Locked out after too many failed sign-ins (see `rightcare.web.auth`), not yet expired."""
    return user.locked_until is not None and user.locked_until > (now or utcnow())


def _other_active_admins(session: Session, user: User) -> int:
    count = session.scalar(
        sa.select(sa.func.count())
        .select_from(User)
        .where(
            User.active.is_(True),
            User.id != user.id,
            User.role_rows.any(role=Role.ADMIN),
        )
    )
    return int(count or 0)


def _keep_an_admin(session: Session, user: User, *, doing: str) -> None:
    if user.active and Role.ADMIN in user.roles and not _other_active_admins(session, user):
        raise LastAdmin(
            "username",
            f"{user.username} is the last active administrator: {doing} would leave nobody "
            "able to manage accounts. Give another account the admin role first.",
        )


# --- changes ---------------------------------------------------------------------------------


def audit_account(
    session: Session, *, actor: str, action: str, user: User, now: dt.datetime, **details: object
) -> None:
    record(
        session,
        actor=actor,
        action=action,
        entity=ENTITY,
        entity_id=str(user.id),
        details={"username": user.username, **details},
        at=now,
    )


def _sorted(roles: Iterable[Role]) -> list[str]:
    return sorted(role.value for role in roles)


def create_user(
    session: Session,
    *,
    actor: str,
    username: str,
    display_name: str,
    roles: Iterable[Role | str],
    can_see_personal: bool = False,
    password: str | None,
    one_time: bool = False,
    now: dt.datetime | None = None,
) -> User:
    """A new active account. `password` None makes an account that signs in only through OIDC
    (once linked). `one_time`: the password was made up for them, to be changed at first
    sign-in."""
    now = now or utcnow()
    check_username(username)
    name = check_display_name(display_name)
    role_set = parse_roles(roles)
    password_hash = None
    if password is not None:
        password_hash = hash_password(check_password(password, username=username))
    # Usernames differing only in case would be told apart at sign-in but not by people.
    taken = session.scalar(
        sa.select(User.username).where(sa.func.lower(User.username) == username.lower())
    )
    if taken is not None:
        raise UsernameTaken(taken)
    user = User(
        username=username,
        display_name=name,
        password_hash=password_hash,
        can_see_personal=can_see_personal,
        password_must_change=one_time and password_hash is not None,
        created_at=now,
    )
    user.set_roles(role_set)
    session.add(user)
    session.flush()
    audit_account(
        session,
        actor=actor,
        action="user.created",
        user=user,
        now=now,
        roles=_sorted(role_set),
        can_see_personal=can_see_personal,
        has_password=password_hash is not None,
        one_time=user.password_must_change,
    )
    return user


def set_password(
    session: Session,
    *,
    actor: str,
    username: str,
    password: str,
    one_time: bool = False,
    now: dt.datetime | None = None,
) -> User:
    """A new password set for someone; every browser session of the account ends. `one_time`:
    it was made up for them and must be changed at their next sign-in (otherwise any earlier
    such demand is dropped with the password it was about)."""
    now = now or utcnow()
    user = get_user(session, username)
    user.password_hash = hash_password(check_password(password, username=user.username))
    user.password_must_change = one_time
    audit_account(
        session, actor=actor, action="user.password_set", user=user, now=now, one_time=one_time
    )
    return user


def set_roles(
    session: Session,
    *,
    actor: str,
    username: str,
    roles: Iterable[Role | str],
    now: dt.datetime | None = None,
) -> User:
    """Replace the account's roles. Taking admin from the last active administrator is refused."""
    now = now or utcnow()
    user = get_user(session, username)
    role_set = parse_roles(roles)
    if Role.ADMIN not in role_set:
        _keep_an_admin(session, user, doing="taking away the admin role")
    before = _sorted(user.roles)
    user.set_roles(role_set)
    audit_account(
        session,
        actor=actor,
        action="user.roles_set",
        user=user,
        now=now,
        roles=_sorted(role_set),
        previous_roles=before,
    )
    return user


def set_personal_access(
    session: Session,
    *,
    actor: str,
    username: str,
    allowed: bool,
    now: dt.datetime | None = None,
) -> User:
    """Allow or deny seeing callers' personal details (names, numbers, addresses)."""
    now = now or utcnow()
    user = get_user(session, username)
    user.can_see_personal = allowed
    audit_account(
        session, actor=actor, action="user.personal_access_set", user=user, now=now, allowed=allowed
    )
    return user


def deactivate(
    session: Session, *, actor: str, username: str, now: dt.datetime | None = None
) -> bool:
    """Disable the account and end its sessions. False (and no entry) if it was already
    disabled. Disabling the last active administrator is refused."""
    now = now or utcnow()
    user = get_user(session, username)
    if not user.active:
        return False
    _keep_an_admin(session, user, doing="disabling it")
    user.active = False
    # Enabling again restores the active flag, so the epoch is what keeps old sessions ended
    # (an account that signs in only through single sign-on has no password to change).
    user.session_epoch = (user.session_epoch or 0) + 1
    audit_account(session, actor=actor, action="user.deactivated", user=user, now=now)
    return True


def reactivate(
    session: Session,
    *,
    actor: str,
    username: str,
    password: str | None = None,
    one_time: bool = False,
    now: dt.datetime | None = None,
) -> bool:
    """Enable a disabled account, with a new `password` if one is given (`one_time` as for
    `set_password`). Sessions from before it was disabled stay ended (the epoch moved on).
    False (and no entry) if it was already active."""
    now = now or utcnow()
    user = get_user(session, username)
    if user.active:
        return False
    password_hash = None
    if password is not None:
        password_hash = hash_password(check_password(password, username=user.username))
    if password_hash is not None:
        user.password_hash = password_hash
        user.password_must_change = one_time
    user.active = True
    user.failed_logins = 0
    user.locked_until = None
    audit_account(
        session,
        actor=actor,
        action="user.reactivated",
        user=user,
        now=now,
        new_password=password_hash is not None,
        one_time=password_hash is not None and one_time,
    )
    return True


def unlock(session: Session, *, actor: str, username: str, now: dt.datetime | None = None) -> User:
    """Clear a lock-out after failed sign-ins (and the count towards the next one)."""
    now = now or utcnow()
    user = get_user(session, username)
    was_locked = is_locked(user, now=now)
    user.failed_logins = 0
    user.locked_until = None
    audit_account(
        session, actor=actor, action="user.unlocked", user=user, now=now, was_locked=was_locked
    )
    return user
