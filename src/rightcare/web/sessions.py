"""Browser sessions: a signed cookie, and a CSRF token bound to it.

The session lives in the cookie itself, signed with the settings' secret key (itsdangerous,
HMAC-SHA256 with a timestamp): no session table, so any number of workers or hosts agree
without sharing memory. It holds only a random nonce, the user's id and a fingerprint of the
user's credentials; changing a password (or deactivating the user) ends every session at once.
Sessions last one shift (`SESSION_MAX_AGE`); signing out clears the cookie.

Every visitor gets a nonce (an anonymous session) before signing in, so the sign-in form has a
CSRF token too; signing in issues a fresh nonce, so a planted cookie is worth nothing.

CSRF: session-bound tokens, HMAC(secret, nonce). Forms post it as `csrf_token`; scripts that
use the session cookie send it as the `X-CSRF-Token` header. API tokens (Authorization: Bearer)
are not sent by browsers on their own, so requests carrying one need no CSRF token.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

from itsdangerous import BadSignature, URLSafeTimedSerializer
from starlette.requests import HTTPConnection
from starlette.responses import Response

from rightcare.auth.models import User

COOKIE_NAME = "rightcare_session"
SESSION_MAX_AGE = 12 * 60 * 60  # seconds: one long shift
CSRF_HEADER = "X-CSRF-Token"
CSRF_FIELD = "csrf_token"
_SALT = "rightcare.session.v1"


@dataclass(frozen=True)
class BrowserSession:
    nonce: str
    user_id: int | None = None
    fingerprint: str | None = None


def fingerprint(user: User) -> str:
    """Changes when the user's password, OIDC link or active flag changes."""
    material = f"{user.id}|{user.password_hash or ''}|{user.oidc_subject or ''}|{user.active}"
    return hashlib.sha256(material.encode("utf-8")).hexdigest()[:24]


def _serializer(secret: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(secret, salt=_SALT)


def read_session(conn: HTTPConnection, secret: str) -> BrowserSession | None:
    raw = conn.cookies.get(COOKIE_NAME)
    if not raw:
        return None
    try:
        data = _serializer(secret).loads(raw, max_age=SESSION_MAX_AGE)
    except BadSignature:  # also SignatureExpired
        return None
    if not isinstance(data, dict) or not isinstance(data.get("n"), str):
        return None
    user_id = data.get("u")
    return BrowserSession(
        nonce=data["n"],
        user_id=user_id if isinstance(user_id, int) else None,
        fingerprint=data.get("f") if isinstance(data.get("f"), str) else None,
    )


def new_session(user: User | None = None) -> BrowserSession:
    nonce = secrets.token_urlsafe(24)
    if user is None:
        return BrowserSession(nonce=nonce)
    return BrowserSession(nonce=nonce, user_id=user.id, fingerprint=fingerprint(user))


def cookie_is_secure(conn: HTTPConnection, *, demo: bool) -> bool:
    """Secure everywhere except the demo, or plain HTTP to this machine itself."""
    if conn.url.scheme == "https":
        return True
    host = (conn.url.hostname or "").lower()
    local = host in ("127.0.0.1", "localhost", "::1")
    return not (demo or local)


def write_session(
    response: Response, conn: HTTPConnection, session: BrowserSession, *, secret: str, demo: bool
) -> None:
    payload: dict[str, object] = {"n": session.nonce}
    if session.user_id is not None:
        payload["u"] = session.user_id
        payload["f"] = session.fingerprint
    response.set_cookie(
        COOKIE_NAME,
        _serializer(secret).dumps(payload),
        max_age=SESSION_MAX_AGE,
        httponly=True,
        samesite="lax",
        secure=cookie_is_secure(conn, demo=demo),
        path="/",
    )


def clear_session(response: Response, conn: HTTPConnection, *, demo: bool) -> None:
    response.delete_cookie(
        COOKIE_NAME,
        path="/",
        httponly=True,
        samesite="lax",
        secure=cookie_is_secure(conn, demo=demo),
    )


def csrf_token(session: BrowserSession, secret: str) -> str:
    return hmac.new(
        secret.encode("utf-8"), f"csrf|{session.nonce}".encode(), hashlib.sha256
    ).hexdigest()


def csrf_matches(session: BrowserSession | None, secret: str, offered: str | None) -> bool:
    if session is None or not offered:
        return False
    return hmac.compare_digest(csrf_token(session, secret), offered)
