"""Change your own password: /account/password, for anyone signed in who has a password.

After a password sign-in with a one-time password (one an administrator made up), this is the
only screen the session may use (`rightcare.web.sessions.SessionRefresh` sends it here) until a
new password is chosen. An account that signs in only with single sign-on is told it has no
password here to change.

The handlers are plain `def`s: FastAPI runs them in its thread pool, so argon2 (verifying the
current password, hashing the new one, each tens of milliseconds of CPU) never holds up the
event loop, and neither does the database.

Changing the password ends every session of the account (it is in their fingerprint); the one
that asked is given a new cookie, with a new nonce, keeping its sign-in time so the shift limit
still counts from sign-in. The page is never cached: it holds a form for passwords.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session

from rightcare.auth.models import User
from rightcare.auth.own_password import WrongCurrentPassword, change_own_password
from rightcare.auth.users import MAX_PASSWORD_LENGTH, AccountError
from rightcare.web.api.session import client_address
from rightcare.web.auth import (
    LOCK_MINUTES,
    actor_for_user,
    address_blocked,
    count_wrong_password,
)
from rightcare.web.context import WebContext
from rightcare.web.deps import ContextDep, SessionDep
from rightcare.web.pages.accounts_forms import FieldError
from rightcare.web.pages.common import Viewer, refused, render, sentence
from rightcare.web.sessions import (
    CSRF_HEADER,
    PASSWORD_PAGE,
    BrowserSession,
    csrf_matches,
    csrf_token,
    fingerprint,
    new_session,
    read_session,
    write_session,
)
from rightcare.web.signin import CSRF_REFUSED, safe_next

router = APIRouter(include_in_schema=False)

NO_STORE = {"Cache-Control": "no-store", "Pragma": "no-cache"}
FIELD_IDS = {"current": "current-password", "new": "new-password", "confirm": "confirm-password"}
# Longer than any password the rules allow, so an over-long one is refused by name, not cut.
_FORM_LIMIT = MAX_PASSWORD_LENGTH + 1
DONE = "Your password has been changed. Use the new one next time you sign in."


@dataclasses.dataclass(frozen=True)
class _SignedIn:
    browser: BrowserSession
    user: User
    viewer: Viewer


def _signed_in(request: Request, context: WebContext, session: Session) -> _SignedIn | None:
    """The person this browser session belongs to, checked as every screen checks it."""
    browser = read_session(request, context.secret_key)
    if browser is None or browser.user_id is None:
        return None
    user = session.get(User, browser.user_id)
    if user is None or not user.active or fingerprint(user) != browser.fingerprint:
        return None
    viewer = Viewer(
        actor=actor_for_user(user),
        display_name=user.display_name,
        csrf=csrf_token(browser, context.secret_key),
        standalone=False,
    )
    return _SignedIn(browser, user, viewer)


def _sign_in_first() -> RedirectResponse:
    return RedirectResponse(f"/sign-in?next={PASSWORD_PAGE}", 303)


def _next(target: str | None) -> str | None:
    """Where to go on to afterwards: a path on this site, not this page, else nowhere."""
    path = safe_next(target)
    return None if path in ("/", PASSWORD_PAGE) or path.startswith(PASSWORD_PAGE + "?") else path


def _page(
    request: Request,
    who: _SignedIn,
    *,
    errors: Sequence[FieldError] = (),
    next_path: str | None = None,
    done: str | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    must_change = who.browser.must_change_password
    values: dict[str, Any] = {
        "viewer": who.viewer,
        "errors": list(errors),
        "error_for": {error.field: error for error in reversed(errors)},
        "must_change": must_change,
        "has_password": who.user.password_hash is not None,
        "username": who.user.username,
        "next": next_path,
        "done": done,
    }
    if must_change:
        values["nav"] = []  # every other screen would only send them back here
    return render(
        request, "account/password.html", values, status_code=status_code, headers=NO_STORE
    )


@router.get(PASSWORD_PAGE, response_class=HTMLResponse)
def password_page(
    request: Request, context: ContextDep, session: SessionDep, next: str | None = None
) -> Response:
    who = _signed_in(request, context, session)
    if who is None:
        return _sign_in_first()
    done = DONE if request.query_params.get("done") == "changed" else None
    return _page(request, who, next_path=_next(next), done=done)


def _form_errors(current: str, new: str, confirm: str) -> list[FieldError]:
    """What can be told without the account: empty boxes, and the new password typed twice
    differently. Checked before any password is verified, so a slip costs no failed attempt."""
    errors: list[FieldError] = []
    if not current:
        errors.append(FieldError("current", FIELD_IDS["current"], "Enter your current password"))
    if not new:
        errors.append(FieldError("new", FIELD_IDS["new"], "Enter a new password"))
    if not confirm:
        errors.append(FieldError("confirm", FIELD_IDS["confirm"], "Enter the new password again"))
    elif new and confirm != new:
        message = "The new passwords do not match: type the same new password in both boxes"
        errors.append(FieldError("confirm", FIELD_IDS["confirm"], message))
    return errors


@router.post(PASSWORD_PAGE, response_class=HTMLResponse)
def change_password(
    request: Request,
    context: ContextDep,
    session: SessionDep,
    current_password: Annotated[str, Form()] = "",
    new_password: Annotated[str, Form()] = "",
    confirm_password: Annotated[str, Form()] = "",
    csrf_token: Annotated[str, Form(max_length=200)] = "",
    next: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    who = _signed_in(request, context, session)
    if who is None:
        return _sign_in_first()
    offered = csrf_token or request.headers.get(CSRF_HEADER)
    if not csrf_matches(who.browser, context.secret_key, offered):
        return refused(request, CSRF_REFUSED, 403)
    next_path = _next(next)
    if who.user.password_hash is None:
        return _page(request, who, next_path=next_path, status_code=409)
    current = current_password[:_FORM_LIMIT]
    new = new_password[:_FORM_LIMIT]
    errors = _form_errors(current, new, confirm_password[:_FORM_LIMIT])
    if errors:
        return _page(request, who, errors=errors, next_path=next_path, status_code=422)
    now = context.now()
    address = client_address(request)
    if address_blocked(session, address=address, secret=context.secret_key, now=now):
        # Checked before the current password is: guessing from one computer, across
        # accounts or screens, stops here as it does at sign-in.
        message = f"Too many wrong passwords from this computer. Wait {LOCK_MINUTES} minutes"
        error = FieldError("current", FIELD_IDS["current"], message)
        blocked = _page(request, who, errors=[error], next_path=next_path, status_code=429)
        blocked.headers["Retry-After"] = str(LOCK_MINUTES * 60)
        return blocked
    try:
        user = change_own_password(
            session, username=who.user.username, current=current, new=new, now=now
        )
    except WrongCurrentPassword as exc:
        session.rollback()
        locked = count_wrong_password(
            session,
            user=who.user,
            address=address,
            secret=context.secret_key,
            now=now,
        )
        session.commit()
        message = sentence(exc.message)
        if locked:
            message += (
                f". Your account is now locked for {LOCK_MINUTES} minutes after too many "
                "wrong passwords"
            )
        error = FieldError("current", FIELD_IDS["current"], message)
        return _page(request, who, errors=[error], next_path=next_path, status_code=422)
    except AccountError as exc:
        session.rollback()
        field = exc.field if exc.field in FIELD_IDS else "new"
        error = FieldError(field, FIELD_IDS[field], sentence(exc.message))
        return _page(request, who, errors=[error], next_path=next_path, status_code=422)
    session.commit()
    target = f"{PASSWORD_PAGE}?done=changed"
    if next_path is not None:
        target += "&next=" + quote(next_path, safe="/")
    response = RedirectResponse(target, 303)
    # A new nonce (and so a new CSRF token) with the new fingerprint; the sign-in time is kept.
    fresh = dataclasses.replace(
        new_session(user, must_change_password=False), started=who.browser.started
    )
    write_session(response, request, fresh, secret=context.secret_key, demo=context.settings.demo)
    return response
