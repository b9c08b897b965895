"""Dependencies for routes: the database session, the clock, the policies and who is acting.

    def handler(session: SessionDep, actor: Annotated[Actor, Allowed(Action.DECIDE)]): ...

Routes own their unit of work: they call `session.commit()` before answering, so nothing is
acknowledged before it is stored; anything not committed is rolled back when the request ends.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import Depends, Request
from sqlalchemy.orm import Session

from rightcare.auth.actor import Actor
from rightcare.auth.models import User
from rightcare.engine.store import PolicySet
from rightcare.web.auth import actor_for_token, actor_for_user
from rightcare.web.context import WebContext
from rightcare.web.errors import ProblemError
from rightcare.web.permissions import Action, allowed
from rightcare.web.sessions import CSRF_HEADER, csrf_matches, fingerprint, read_session

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def get_context(request: Request) -> WebContext:
    context: WebContext = request.app.state.rightcare
    return context


ContextDep = Annotated[WebContext, Depends(get_context)]


def get_session(context: ContextDep) -> Iterator[Session]:
    session = context.sessions()
    try:
        yield session
    finally:
        session.rollback()  # whatever the route did not commit
        session.close()


SessionDep = Annotated[Session, Depends(get_session)]


def get_now(context: ContextDep) -> dt.datetime:
    return context.now()


NowDep = Annotated[dt.datetime, Depends(get_now)]


def get_policies(context: ContextDep) -> PolicySet:
    return context.policies


PoliciesDep = Annotated[PolicySet, Depends(get_policies)]


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization")
    if header is None:
        return None
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise ProblemError(
            401,
            "send the API token as `Authorization: Bearer <token>`",
            code="bad_authorization",
            headers={"WWW-Authenticate": 'Bearer error="invalid_request"'},
        )
    return token.strip()


def get_optional_actor(request: Request, session: SessionDep, context: ContextDep) -> Actor | None:
    """The API token's system, else the signed-in person, else None."""
    token = _bearer(request)
    if token is not None:
        actor = actor_for_token(session, token, now=context.now())
        if actor is None:
            raise ProblemError(
                401,
                "this API token is not recognised or has been revoked",
                code="bad_token",
                headers={"WWW-Authenticate": 'Bearer error="invalid_token"'},
            )
        return actor
    browser = read_session(request, context.secret_key)
    if browser is None or browser.user_id is None:
        return None
    user = session.get(User, browser.user_id)
    if user is None or not user.active or fingerprint(user) != browser.fingerprint:
        return None
    if request.method not in SAFE_METHODS and not csrf_matches(
        browser, context.secret_key, request.headers.get(CSRF_HEADER)
    ):
        raise ProblemError(
            403,
            f"this request needs the {CSRF_HEADER} header from your signed-in page; "
            "reload the page and try again",
            code="csrf",
        )
    return actor_for_user(user)


OptionalActor = Annotated[Actor | None, Depends(get_optional_actor)]


def get_current_actor(actor: OptionalActor) -> Actor:
    if actor is None:
        raise ProblemError(
            401,
            "sign in first (at /sign-in), or send an API token as `Authorization: Bearer <token>`",
            code="not_signed_in",
            headers={"WWW-Authenticate": 'Bearer realm="rightcare"'},
        )
    return actor


CurrentActor = Annotated[Actor, Depends(get_current_actor)]


class Allowed:
    """A dependency: the current actor, if the permission table allows `action`; else 403."""

    def __init__(self, action: Action) -> None:
        self.action = action

    def __call__(self, actor: CurrentActor) -> Actor:
        if not allowed(actor, self.action):
            who = "this API token" if actor.kind == "token" else "your role"
            raise ProblemError(
                403,
                f"{who} does not allow this ({self.action.value.replace('_', ' ')})",
                code="forbidden",
            )
        return actor


def allowed_actor(action: Action) -> Any:
    """`actor: Annotated[Actor, allowed_actor(Action.X)]`."""
    return Depends(Allowed(action))
