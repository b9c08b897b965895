"""Signing in: local accounts (argon2id) with throttling, API tokens, and the acting `Actor`.

Throttling is counted in the database, so every worker and host agrees:
- per user: `USER_LIMIT` failures in a row lock the account for `LOCK_MINUTES` (the user row's
  `failed_logins` and `locked_until`, bumped by an atomic UPDATE);
- per client address: `CLIENT_LIMIT` failures within `LOCK_MINUTES` refuse that address for the
  rest of the window. The count reads the audit log, where every failed sign-in is recorded
  (filed under a keyed hash of the address, so the permanent log holds no raw IP addresses).
  The address limit is higher than the user limit because a control room's staff often share
  one address.
A wrong current password on the change-password page counts the same way
(`count_wrong_password`): otherwise a signed-in screen left open would let anyone guess the
account's password there without limit.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
from dataclasses import dataclass
from functools import lru_cache

import sqlalchemy as sa
from sqlalchemy.orm import Session

from rightcare.audit import record
from rightcare.audit.models import AuditEntry
from rightcare.auth.actor import Actor
from rightcare.auth.models import ApiToken, User
from rightcare.auth.passwords import hash_password, hash_token, needs_rehash, verify_password
from rightcare.web.permissions import Scope
from rightcare.web.sessions import SignInMethod

USER_LIMIT = 5
CLIENT_LIMIT = 20
LOCK_MINUTES = 15
TOKEN_TOUCH_EVERY = dt.timedelta(minutes=5)  # how stale `last_used_at` may get
FAILED = "auth.sign_in_failed"


class SignInRefused(Exception):
    """Wrong details (401) or too many attempts (429); the message is safe to show."""

    def __init__(self, status: int, message: str, *, retry_after: int | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.retry_after = retry_after


ADDRESS_BLOCKED = (
    f"Too many failed sign-ins from this computer. Wait {LOCK_MINUTES} minutes, or ask an "
    "administrator for help."
)
WRONG_DETAILS = "That username and password do not match an account. Check them and try again."


@dataclass(frozen=True)
class SignedIn:
    user: User
    actor: Actor


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    # Unknown usernames cost the same argon2 work as known ones: no timing tells them apart.
    return hash_password("not a real password, only here to spend the same time")


def client_key(address: str, secret: str) -> str:
    digest = hmac.new(secret.encode("utf-8"), address.encode("utf-8"), hashlib.sha256)
    return "client:" + digest.hexdigest()[:40]


def actor_for_user(user: User) -> Actor:
    return Actor(
        name=user.username,
        roles=user.roles,
        can_see_personal=user.can_see_personal,
        kind="user",
    )


def _client_failures(session: Session, key: str, since: dt.datetime) -> int:
    count = session.scalar(
        sa.select(sa.func.count())
        .select_from(AuditEntry)
        .where(
            AuditEntry.entity == "sign_in",
            AuditEntry.entity_id == key,
            AuditEntry.action == FAILED,
            AuditEntry.at >= since,
        )
    )
    return int(count or 0)


def _minutes(seconds: int) -> str:
    minutes = max(1, -(-seconds // 60))
    return f"{minutes} minute{'s' * (minutes != 1)}"


def _record_failure(
    session: Session, *, user: User | None, key: str, now: dt.datetime
) -> User | None:
    """Count one failure for the client and the user; returns the user if this locked it."""
    locked: User | None = None
    if user is not None:
        count = session.execute(
            sa.update(User)
            .where(User.id == user.id)
            .values(failed_logins=User.failed_logins + 1)
            .returning(User.failed_logins)
        ).scalar_one()
        if count >= USER_LIMIT:
            session.execute(
                sa.update(User)
                .where(User.id == user.id)
                .values(failed_logins=0, locked_until=now + dt.timedelta(minutes=LOCK_MINUTES))
            )
            locked = user
    record(
        session,
        actor="anonymous",
        action=FAILED,
        entity="sign_in",
        entity_id=key,
        details={"user_id": user.id if user is not None else None},
        at=now,
    )
    if locked is not None:
        record(
            session,
            actor="system",
            action="auth.account_locked",
            entity="user",
            entity_id=str(locked.id),
            details={"minutes": LOCK_MINUTES, "failures": USER_LIMIT},
            at=now,
        )
    return locked


def address_blocked(session: Session, *, address: str, secret: str, now: dt.datetime) -> bool:
    """Whether this address has had too many wrong passwords lately (sign-in or the password
    page): checked before any password is, so guessing from one computer stops everywhere."""
    window_start = now - dt.timedelta(minutes=LOCK_MINUTES)
    return _client_failures(session, client_key(address, secret), window_start) >= CLIENT_LIMIT


def sign_in_with_password(
    session: Session, *, username: str, password: str, address: str, secret: str, now: dt.datetime
) -> SignedIn:
    """Check a username and password, counting failures. Commits what it records.

    Raises SignInRefused: 401 for wrong details, 429 while the user or the address is locked.
    """
    key = client_key(address, secret)
    if address_blocked(session, address=address, secret=secret, now=now):
        raise SignInRefused(429, ADDRESS_BLOCKED, retry_after=LOCK_MINUTES * 60)
    user = session.scalar(sa.select(User).where(User.username == username.strip()))
    if user is not None and user.locked_until is not None and user.locked_until > now:
        wait = int((user.locked_until - now).total_seconds())
        raise SignInRefused(
            429,
            f"This account is locked after {USER_LIMIT} failed sign-ins. Try again in "
            f"{_minutes(wait)}, or ask an administrator to unlock it.",
            retry_after=wait,
        )
    stored = user.password_hash if user is not None else None
    matched = verify_password(stored or _dummy_hash(), password)
    if not matched or user is None or stored is None or not user.active:
        locked = _record_failure(session, user=user, key=key, now=now)
        session.commit()
        if locked is not None:
            raise SignInRefused(
                429,
                f"This account is now locked for {LOCK_MINUTES} minutes after {USER_LIMIT} "
                "failed sign-ins. Ask an administrator if you need it sooner.",
                retry_after=LOCK_MINUTES * 60,
            )
        raise SignInRefused(401, WRONG_DETAILS)
    return complete_sign_in(session, user=user, method="password", now=now, password=password)


def count_wrong_password(
    session: Session, *, user: User, address: str, secret: str, now: dt.datetime
) -> bool:
    """Count a wrong current password given while signed in, as a failed sign-in for the
    account and the address. True if this locked the account. The caller commits."""
    return _record_failure(session, user=user, key=client_key(address, secret), now=now) is not None


def complete_sign_in(
    session: Session,
    *,
    user: User,
    method: SignInMethod,
    now: dt.datetime,
    password: str | None = None,
) -> SignedIn:
    user.failed_logins = 0
    user.locked_until = None
    user.last_login_at = now
    if password is not None and user.password_hash and needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    record(
        session,
        actor=user.username,
        action="auth.signed_in",
        entity="user",
        entity_id=str(user.id),
        details={"method": method},
        at=now,
    )
    session.commit()
    return SignedIn(user=user, actor=actor_for_user(user))


def actor_for_token(session: Session, token: str, *, now: dt.datetime) -> Actor | None:
    """The system behind an API token, or None if the token is unknown or revoked."""
    found = find_token(session, hash_token(token), now=now)
    return None if found is None else found[0]


def find_token(
    session: Session, token_hash: str, *, now: dt.datetime
) -> tuple[Actor, dt.datetime] | None:
    """One indexed query on the token's hash; touches `last_used_at` when it is stale."""
    row = session.scalar(sa.select(ApiToken).where(ApiToken.token_hash == token_hash))
    if row is None or not row.active:
        return None
    if row.last_used_at is None or now - row.last_used_at > TOKEN_TOUCH_EVERY:
        row.last_used_at = now
        session.commit()
    scopes = frozenset(row.scopes or [])
    actor = Actor(
        name=f"token:{row.name}",
        roles=frozenset(),
        can_see_personal=Scope.PERSONAL_READ.value in scopes,
        kind="token",
        scopes=scopes,
    )
    return actor, row.last_used_at
