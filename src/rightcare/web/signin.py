"""Sign-in, sign-out and the start page (Jinja2). The screens live in `web/pages/`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from rightcare.auth.models import User
from rightcare.web.api.session import client_address
from rightcare.web.auth import SignInRefused, sign_in_with_password
from rightcare.web.context import WebContext
from rightcare.web.deps import ContextDep, SessionDep
from rightcare.web.sessions import (
    CSRF_FIELD,
    BrowserSession,
    clear_session,
    csrf_matches,
    csrf_token,
    fingerprint,
    new_session,
    password_page,
    read_session,
    write_session,
)

WEB_DIR = Path(__file__).parent
templates = Jinja2Templates(directory=WEB_DIR / "templates")
router = APIRouter(include_in_schema=False)

CSRF_REFUSED = (
    "This form has expired or did not come from this site. Reload the page and try again."
)


def safe_next(target: str | None) -> str:
    """Only a path on this site: never an open redirect to somewhere else."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


def render_sign_in(
    request: Request,
    context: WebContext,
    *,
    error: str | None = None,
    status_code: int = 200,
    username: str = "",
    next_path: str = "/",
) -> HTMLResponse:
    browser = read_session(request, context.secret_key)
    fresh = browser is None
    if browser is None:
        browser = new_session()
    response = templates.TemplateResponse(
        request,
        "sign_in.html",
        {
            "error": error,
            "username": username,
            "next": safe_next(next_path),
            "csrf_field": CSRF_FIELD,
            "csrf_token": csrf_token(browser, context.secret_key),
            "oidc": context.oidc,
            "demo": context.settings.demo,
        },
        status_code=status_code,
    )
    if fresh:
        write_session(
            response, request, browser, secret=context.secret_key, demo=context.settings.demo
        )
    return response


def _signed_in_user(
    request: Request, context: WebContext, session: SessionDep
) -> tuple[BrowserSession | None, User | None]:
    browser = read_session(request, context.secret_key)
    if browser is None or browser.user_id is None:
        return browser, None
    user = session.get(User, browser.user_id)
    if user is None or not user.active or fingerprint(user) != browser.fingerprint:
        return browser, None
    return browser, user


@router.get("/", response_class=HTMLResponse)
def home(request: Request, context: ContextDep, session: SessionDep) -> Response:
    browser, user = _signed_in_user(request, context, session)
    if user is None or browser is None:
        return RedirectResponse("/sign-in", 303)
    return templates.TemplateResponse(
        request,
        "home.html",
        {
            "user": user,
            "roles": sorted(role.label for role in user.roles),
            "csrf_field": CSRF_FIELD,
            "csrf_token": csrf_token(browser, context.secret_key),
            "demo": context.settings.demo,
        },
    )


@router.get("/sign-in", response_class=HTMLResponse)
def sign_in_page(request: Request, context: ContextDep, next: str = "/") -> Response:
    return render_sign_in(request, context, next_path=next)


@router.post("/sign-in", response_class=HTMLResponse)
def sign_in_form(
    request: Request,
    context: ContextDep,
    session: SessionDep,
    username: Annotated[str, Form(max_length=150)] = "",
    password: Annotated[str, Form(max_length=1024)] = "",
    csrf_token: Annotated[str, Form(max_length=200)] = "",
    next: Annotated[str, Form(max_length=2000)] = "/",
) -> Response:
    browser = read_session(request, context.secret_key)
    if not csrf_matches(browser, context.secret_key, csrf_token):
        return render_sign_in(
            request, context, error=CSRF_REFUSED, status_code=403, username=username
        )
    if not username.strip() or not password:
        return render_sign_in(
            request,
            context,
            error="Enter your username and password.",
            status_code=422,
            username=username,
            next_path=next,
        )
    try:
        signed = sign_in_with_password(
            session,
            username=username,
            password=password,
            address=client_address(request),
            secret=context.secret_key,
            now=context.now(),
        )
    except SignInRefused as exc:
        response = render_sign_in(
            request,
            context,
            error=exc.message,
            status_code=exc.status,
            username=username,
            next_path=next,
        )
        if exc.retry_after:
            response.headers["Retry-After"] = str(exc.retry_after)
        return response
    browser = new_session(signed.user)
    # A one-time password: straight to choosing a new one, then on to where they were going.
    target = password_page(safe_next(next)) if browser.must_change_password else safe_next(next)
    redirect = RedirectResponse(target, 303)
    write_session(redirect, request, browser, secret=context.secret_key, demo=context.settings.demo)
    return redirect


@router.post("/sign-out")
def sign_out(
    request: Request,
    context: ContextDep,
    csrf_token: Annotated[str, Form(max_length=200)] = "",
) -> Response:
    browser = read_session(request, context.secret_key)
    if not csrf_matches(browser, context.secret_key, csrf_token):
        return render_sign_in(request, context, error=CSRF_REFUSED, status_code=403)
    response = RedirectResponse("/sign-in", 303)
    clear_session(response, request, demo=context.settings.demo)
    return response
