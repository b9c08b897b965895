"""What every screen needs: the templates, the policies, and who is looking.

In the full app (`app.state.rightcare` holds the WebContext) every screen needs a signed-in
person whose role allows the screen's action; anyone else is sent to sign in. An app built for
the screens alone (the browser tests) sets `app.state.pages_standalone = True`: then only the
stateless screens work (assess as you type, the policy), with nobody signed in and nothing stored.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from sqlalchemy.orm import Session

from rightcare.auth.actor import Actor
from rightcare.auth.models import User
from rightcare.engine.store import PolicySet, load_policy_set
from rightcare.web.auth import actor_for_user
from rightcare.web.context import WebContext
from rightcare.web.permissions import Action, allowed
from rightcare.web.sessions import CSRF_FIELD, csrf_matches, csrf_token, fingerprint, read_session

TEMPLATES_DIR = Path(__file__).resolve().parents[1] / "templates"
templates = Jinja2Templates(directory=TEMPLATES_DIR)


def when(value: dt.datetime | None) -> str:
    """A time as a control room reads it: "28 Nov 2026, 10:20 UTC"."""
    if value is None:
        return ""
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC).strftime("%-d %b %Y, %H:%M UTC")


templates.env.filters["when"] = when


# Without sign-in only these work: nothing personal is shown and nothing is stored.
def sentence(message: str) -> str:
    """A service's message (written to follow "because" or a colon) as a sentence on a page."""
    return message[:1].upper() + message[1:] if message else message


STANDALONE_ACTIONS = frozenset({Action.ASSESS, Action.READ_POLICY})


def web_context(request: Request) -> WebContext | None:
    context = getattr(request.app.state, "rightcare", None)
    return context if isinstance(context, WebContext) else None


def policies_for(request: Request) -> PolicySet:
    """The app's policies: `app.state.policies`, else the WebContext's, else load them once."""
    state = request.app.state
    policies = getattr(state, "policies", None)
    if isinstance(policies, PolicySet):
        return policies
    context = web_context(request)
    if context is not None:
        return context.policies
    loaded = load_policy_set()
    state.policies = loaded
    return loaded


def now_for(request: Request) -> dt.datetime:
    context = web_context(request)
    return context.now() if context is not None else dt.datetime.now(dt.UTC)


def demo_mode(request: Request) -> bool:
    context = web_context(request)
    if context is not None:
        return bool(context.settings.demo)
    return bool(getattr(request.app.state, "demo", False))


@dataclass(frozen=True)
class Viewer:
    """Who is looking at a screen. `actor` is None only in the standalone app."""

    actor: Actor | None
    display_name: str
    csrf: str
    standalone: bool

    def may(self, action: Action) -> bool:
        if self.actor is None:
            return self.standalone and action in STANDALONE_ACTIONS
        return allowed(self.actor, action)


def _signed_in(request: Request, context: WebContext) -> Viewer | None:
    """The person this browser session belongs to, as the API's `get_optional_actor` decides."""
    browser = read_session(request, context.secret_key)
    if browser is None or browser.user_id is None:
        return None
    with context.sessions() as session:
        user = session.get(User, browser.user_id)
        if user is None or not user.active or fingerprint(user) != browser.fingerprint:
            return None
        return Viewer(
            actor=actor_for_user(user),
            display_name=user.display_name,
            csrf=csrf_token(browser, context.secret_key),
            standalone=False,
        )


def _csrf_ok(request: Request, context: WebContext, offered: str | None) -> bool:
    browser = read_session(request, context.secret_key)
    header = request.headers.get("x-csrf-token")
    return csrf_matches(browser, context.secret_key, offered or header)


def viewer_for(request: Request, action: Action, *, form: Any | None = None) -> Viewer | Response:
    """The signed-in viewer allowed `action`, or the response to send instead.

    For a POST, pass the parsed form: its `csrf_token` field (or the X-CSRF-Token header,
    which HTMX requests carry) must match the session.
    """
    context = web_context(request)
    if context is None:
        if getattr(request.app.state, "pages_standalone", False):
            anonymous = Viewer(actor=None, display_name="", csrf="", standalone=True)
            if anonymous.may(action):
                return anonymous
            return refused(request, "This screen needs the full service with sign-in.", 404)
        return refused(request, "The service is not set up: no web context.", 503)
    viewer = _signed_in(request, context)
    if viewer is None:
        target = "/sign-in?next=" + quote(_return_path(request), safe="/")
        if request.headers.get("hx-request"):
            return Response(status_code=204, headers={"HX-Redirect": target})
        return RedirectResponse(target, 303)
    if request.method not in ("GET", "HEAD") and not _csrf_ok(
        request, context, None if form is None else form.get(CSRF_FIELD)
    ):
        return refused(
            request,
            "This form has expired or did not come from this site. Reload the page and try again.",
            403,
        )
    if not viewer.may(action):
        return refused(request, "Your role does not allow this screen.", 403)
    return viewer


def _return_path(request: Request) -> str:
    """Where to come back to after signing in: this page, or the page an HTMX call came from."""
    if request.method == "GET" and not request.headers.get("hx-request"):
        url = str(request.url)
    else:
        url = request.headers.get("hx-current-url", "/calls/new")
    parts = urlsplit(url)
    path = parts.path or "/"
    return path + (f"?{parts.query}" if parts.query else "")


def refused(request: Request, message: str, status: int) -> HTMLResponse:
    return render(
        request,
        "problem.html",
        {"message": message, "status": status, "viewer": None},
        status_code=status,
    )


@dataclass(frozen=True)
class NavItem:
    href: str
    label: str
    action: Action


NAV = (
    NavItem("/calls/new", "New call", Action.ASSESS),
    NavItem("/calls", "Call history", Action.READ_CALLS),
    NavItem("/supervisor", "Supervisor queue", Action.SUPERVISOR_QUEUE),
    NavItem("/policy", "Policy", Action.READ_POLICY),
    # Training is for everyone with a role, and every role may read the policy it teaches.
    NavItem("/training", "Training", Action.LEARN),
    NavItem("/training/trainer", "Trainer", Action.TRAIN),
    NavItem("/accounts", "Accounts", Action.MANAGE_USERS),
)


def nav_for(request: Request, viewer: Viewer | None) -> list[dict[str, Any]]:
    if viewer is None:
        return []
    path = request.url.path
    return [
        {"href": item.href, "label": item.label, "current": path == item.href}
        for item in NAV
        if viewer.may(item.action)
    ]


@contextmanager
def unit_of_work(request: Request) -> Iterator[Session]:
    """A database session for one request, as the API's `SessionDep`: the route commits what
    it means to keep before it answers; anything else is rolled back."""
    context = web_context(request)
    if context is None:
        raise RuntimeError("no web context: the screens that store calls need the full app")
    session = context.sessions()
    try:
        yield session
    finally:
        session.rollback()
        session.close()


def actor_of(viewer: Viewer) -> Actor:
    if viewer.actor is None:
        raise RuntimeError("this screen needs someone signed in")
    return viewer.actor


def render(
    request: Request,
    template: str,
    values: dict[str, Any],
    *,
    status_code: int = 200,
    headers: dict[str, str] | None = None,
) -> HTMLResponse:
    viewer = values.get("viewer")
    page = {
        "demo": demo_mode(request),
        "csrf_field": CSRF_FIELD,
        "csrf_token": viewer.csrf if isinstance(viewer, Viewer) else "",
        "nav": nav_for(request, viewer if isinstance(viewer, Viewer) else None),
        **values,
    }
    return templates.TemplateResponse(
        request, template, page, status_code=status_code, headers=headers
    )
