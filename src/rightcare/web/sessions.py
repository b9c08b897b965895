"""Browser sessions: a signed cookie, and a CSRF token bound to it.

The session lives in the cookie itself, signed with the settings' secret key (itsdangerous,
HMAC-SHA256 with a timestamp): no session table, so any number of workers or hosts agree
without sharing memory. It holds only a random nonce, the user's id and a fingerprint of the
user's credentials; changing a password (or deactivating the user) ends every session at once.
Sessions last one shift at most (`SESSION_MAX_AGE`, counted from sign-in) and end after
`SESSION_IDLE` without a request (an unattended screen in a shared control room); any request
more than `REFRESH_AFTER` after the cookie was signed re-signs it (`SessionRefresh`), so a
handler at work is never signed out mid-call. Signing out clears the cookie.

Every visitor gets a nonce (an anonymous session) before signing in, so the sign-in form has a
CSRF token too; signing in issues a fresh nonce, so a planted cookie is worth nothing.

A password sign-in with a one-time password (made up by an administrator, `User.
password_must_change`) marks the session: until the person chooses their own password, every
screen sends them to `PASSWORD_PAGE` (`SessionRefresh` does it, before any route runs) and the
API refuses the session (`rightcare.web.deps`). The mark is in the signed cookie, so it costs no
query; it cannot outlive the password it is about, because setting a password changes the
fingerprint. A single sign-on sign-in is never marked: that person may not know the password.

CSRF: session-bound tokens, HMAC(secret, nonce). Forms post it as `csrf_token`; scripts that
use the session cookie send it as the `X-CSRF-Token` header. API tokens (Authorization: Bearer)
are not sent by browsers on their own, so requests carrying one need no CSRF token.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass
from typing import Any, Literal
from urllib.parse import quote

from itsdangerous import BadSignature, TimestampSigner, URLSafeTimedSerializer
from starlette.requests import HTTPConnection
from starlette.responses import RedirectResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from rightcare.auth.models import User

COOKIE_NAME = "rightcare_session"
SESSION_MAX_AGE = 12 * 60 * 60  # seconds: one long shift
SESSION_IDLE = 60 * 60  # seconds without a request before a signed-in session ends
REFRESH_AFTER = 5 * 60  # re-sign the cookie at most this often, not on every request
CSRF_HEADER = "X-CSRF-Token"
CSRF_FIELD = "csrf_token"
_SALT = "rightcare.session.v1"
PASSWORD_PAGE = "/account/password"
# What a session marked must-change may still reach: the password page, signing in and out,
# static files, and the API (which refuses a browser session itself, with a problem document,
# and takes API tokens, which are separate credentials, as usual).
_OPEN_WHILE_MUST_CHANGE = ("/static/", "/api/", "/auth/oidc/")
_OPEN_PAGES_WHILE_MUST_CHANGE = frozenset({PASSWORD_PAGE, "/sign-in", "/sign-out"})
SignInMethod = Literal["password", "oidc"]


@dataclass(frozen=True)
class BrowserSession:
    nonce: str
    user_id: int | None = None
    fingerprint: str | None = None
    started: int | None = None  # when the person signed in (epoch seconds)
    signed_at: float | None = None  # when this cookie was last signed (epoch seconds)
    must_change_password: bool = False  # signed in with a one-time password: change it first


def fingerprint(user: User) -> str:
    """Changes when the user's password, OIDC link, active flag or session epoch changes."""
    material = (
        f"{user.id}|{user.password_hash or ''}|{user.oidc_subject or ''}|{user.active}"
        f"|{user.session_epoch or 0}"
    )
    return hashlib.sha256(material.encode("utf-8")).hexdigest()[:24]


def _now() -> float:
    """The sessions' clock (tests move it to check idle and shift limits)."""
    return time.time()


class _Signer(TimestampSigner):
    def get_timestamp(self) -> int:
        return int(_now())


def _serializer(secret: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(secret, salt=_SALT, signer=_Signer)


def read_session(conn: HTTPConnection, secret: str) -> BrowserSession | None:
    raw = conn.cookies.get(COOKIE_NAME)
    if not raw:
        return None
    return decode_session(raw, secret)


def decode_session(raw: str, secret: str, *, now: float | None = None) -> BrowserSession | None:
    """The session in a cookie value, or None if forged, expired or idle too long."""
    try:
        data, signed = _serializer(secret).loads(
            raw, max_age=SESSION_MAX_AGE, return_timestamp=True
        )
    except BadSignature:  # also SignatureExpired
        return None
    if not isinstance(data, dict) or not isinstance(data.get("n"), str):
        return None
    user_id = data.get("u")
    signed_at = signed.timestamp()
    if not isinstance(user_id, int):
        return BrowserSession(nonce=data["n"], signed_at=signed_at)
    started = data.get("s")
    moment = _now() if now is None else now
    if (
        not isinstance(started, int)
        or moment - started > SESSION_MAX_AGE
        or moment - signed_at > SESSION_IDLE
    ):
        return None  # signed out: the shift is over, or the screen was left unattended
    fingerprint_ = data.get("f")
    return BrowserSession(
        nonce=data["n"],
        user_id=user_id,
        fingerprint=fingerprint_ if isinstance(fingerprint_, str) else None,
        started=started,
        signed_at=signed_at,
        must_change_password=data.get("m") == 1,
    )


def new_session(
    user: User | None = None, *, must_change_password: bool | None = None
) -> BrowserSession:
    """A fresh session (new nonce), anonymous or for `user`. `must_change_password` None:
    marked if the account's password is one-time. Single sign-on passes False: that person
    signed in without the password and may not know it."""
    nonce = secrets.token_urlsafe(24)
    if user is None:
        return BrowserSession(nonce=nonce)
    if must_change_password is None:
        must_change_password = bool(user.password_must_change)
    return BrowserSession(
        nonce=nonce,
        user_id=user.id,
        fingerprint=fingerprint(user),
        started=int(_now()),
        must_change_password=must_change_password,
    )


def password_page(next_path: str | None = None) -> str:
    """The password page, coming back to `next_path` (a path on this site) once changed."""
    if not next_path or next_path in ("/", PASSWORD_PAGE):
        return PASSWORD_PAGE
    return f"{PASSWORD_PAGE}?next={quote(next_path, safe='/')}"


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
        payload["s"] = session.started if session.started is not None else int(_now())
        if session.must_change_password:
            payload["m"] = 1
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


def _held_back(conn: HTTPConnection) -> Response:
    """Where a session that must change its password goes instead of a screen: the password
    page (303; an HTMX request is told to go there with HX-Redirect, as `viewer_for` does)."""
    if conn.headers.get("hx-request"):
        return Response(status_code=204, headers={"HX-Redirect": PASSWORD_PAGE})
    target = None
    if conn.scope.get("method") == "GET":
        query = conn.url.query
        target = conn.url.path + (f"?{query}" if query else "")
    return RedirectResponse(password_page(target), 303)


def must_change_first(session: BrowserSession | None, path: str) -> bool:
    """True if this request must go to the password page first."""
    if session is None or session.user_id is None or not session.must_change_password:
        return False
    if path in _OPEN_PAGES_WHILE_MUST_CHANGE:
        return False
    return not path.startswith(_OPEN_WHILE_MUST_CHANGE)


class SessionRefresh:
    """Re-sign a signed-in session's cookie on activity, so only an idle screen times out; and
    send a session that must change its password to the password page from any other screen.

    Leaves alone any reply that sets or clears the session cookie itself (sign-in, sign-out).
    The secret and demo flag come from the app's WebContext (`app.state.rightcare`).
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        conn = HTTPConnection(scope)
        raw = conn.cookies.get(COOKIE_NAME)
        context: Any = getattr(getattr(scope.get("app"), "state", None), "rightcare", None)
        if not raw or context is None:
            await self.app(scope, receive, send)
            return
        session = decode_session(raw, context.secret_key)
        if must_change_first(session, conn.url.path):
            await _held_back(conn)(scope, receive, send)
            return
        stale = (
            session is not None
            and session.user_id is not None
            and session.signed_at is not None
            and _now() - session.signed_at > REFRESH_AFTER
        )
        if not stale or session is None:
            await self.app(scope, receive, send)
            return
        fresh = Response()
        write_session(fresh, conn, session, secret=context.secret_key, demo=context.settings.demo)
        cookie = [(k, v) for k, v in fresh.raw_headers if k == b"set-cookie"]
        name = COOKIE_NAME.encode() + b"="

        async def send_refreshed(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                sets_own = any(k == b"set-cookie" and v.startswith(name) for k, v in headers)
                if not sets_own:
                    message["headers"] = headers + cookie
            await send(message)

        await self.app(scope, receive, send_refreshed)
