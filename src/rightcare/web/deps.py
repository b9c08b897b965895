"""Dependencies for routes: the database session, the clock, the policies and who is acting.

    def handler(session: SessionDep, actor: Annotated[Actor, Allowed(Action.DECIDE)]): ...

Routes own their unit of work: they call `session.commit()` before answering, so nothing is
acknowledged before it is stored; anything not committed is rolled back when the request ends.

The cheap dependencies are `async def`, so they run on the event loop instead of taking a trip
through the thread pool each. Who is acting is settled in a short session of its own (an API
token seen in the last second needs none; one that does is looked up on the loop, as the hot
writes run there too, see `rightcare.web.api.calls`; a browser session's user in a thread), so a
route that stores nothing, like POST /assess, never opens one.

The dependencies every API request resolves (the session, the clock, the policies, who is
acting) read the app's context from the request themselves rather than through `ContextDep`,
and `Allowed` settles who is acting in one step: FastAPI resolves each sub-dependency with its
own cache lookup and call, and on a stateless assessment that bookkeeping had cost as much as
the assessment's engine.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from typing import Annotated, Any

from fastapi import Depends, Request
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from rightcare.auth.actor import Actor
from rightcare.auth.models import User
from rightcare.auth.passwords import hash_token
from rightcare.engine.store import PolicySet
from rightcare.web.auth import actor_for_user
from rightcare.web.context import WebContext
from rightcare.web.errors import ProblemError
from rightcare.web.permissions import Action, allowed
from rightcare.web.sessions import (
    CSRF_HEADER,
    PASSWORD_PAGE,
    csrf_matches,
    fingerprint,
    read_session,
)

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def context_for(request: Request) -> WebContext:
    context: WebContext = request.app.state.rightcare
    return context


async def get_context(request: Request) -> WebContext:
    return context_for(request)


ContextDep = Annotated[WebContext, Depends(get_context)]


def _end_session(session: Session) -> None:
    session.rollback()  # whatever the route did not commit
    session.close()


async def get_session(request: Request) -> AsyncIterator[Session]:
    session = context_for(request).sessions()  # connects only when first used
    try:
        yield session
    finally:
        # Here on the event loop, not in a thread: a route that failed part-way may still
        # hold the database's write lock, and giving the loop up while it is held would let
        # the next write on this loop start behind it (see `rightcare.web.api.calls`).
        if session.in_transaction():
            _end_session(session)
        else:
            session.close()  # nothing begun (or all committed): no database work


SessionDep = Annotated[Session, Depends(get_session)]


async def get_now(request: Request) -> dt.datetime:
    return context_for(request).now()


NowDep = Annotated[dt.datetime, Depends(get_now)]


async def get_policies(request: Request) -> PolicySet:
    return context_for(request).policies


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


def _signed_in_user(context: WebContext, user_id: int, fingerprint_: str | None) -> Actor | None:
    with context.sessions() as session:
        user = session.get(User, user_id)
        if user is None or not user.active or fingerprint(user) != fingerprint_:
            return None
        return actor_for_user(user)


_ACTOR = "rightcare.actor"  # where the request's scope keeps who is acting, once settled


async def get_optional_actor(request: Request) -> Actor | None:
    """The API token's system, else the signed-in person, else None. Settled once per request:
    `Allowed` and the idempotency dependency both ask, and a session's user is a database read."""
    if _ACTOR in request.scope:
        known: Actor | None = request.scope[_ACTOR]
        return known
    actor = await _settle_actor(request)
    request.scope[_ACTOR] = actor
    return actor


async def _settle_actor(request: Request) -> Actor | None:
    context = context_for(request)
    token = _bearer(request)
    if token is not None:
        now = context.now()
        actor = context.token_cache.get(hash_token(token), now=now)
        if actor is None:
            # On the event loop, like the writes that follow: one indexed read (and now and
            # then a touch of last_used_at). Through the thread pool, every request in flight
            # when the cached entry lapsed (once a second) queued for the thread and then for
            # the GIL, and each came back behind every other request on the loop; here the
            # first looks the token up and the rest find it cached.
            actor = context.token_cache.lookup(context.sessions, token, now=now)
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
    person = await run_in_threadpool(_signed_in_user, context, browser.user_id, browser.fingerprint)
    if person is None:
        return None
    if browser.must_change_password:
        # Signed in with a password an administrator made up: the screens send the person to
        # the password page; a script using the same session is told why it is refused.
        raise ProblemError(
            403,
            "your password was set by an administrator and must be changed before this "
            f"session can be used: choose a new one at {PASSWORD_PAGE}",
            code="password_change_required",
        )
    if request.method not in SAFE_METHODS and not csrf_matches(
        browser, context.secret_key, request.headers.get(CSRF_HEADER)
    ):
        raise ProblemError(
            403,
            f"this request needs the {CSRF_HEADER} header from your signed-in page; "
            "reload the page and try again",
            code="csrf",
        )
    return person


OptionalActor = Annotated[Actor | None, Depends(get_optional_actor)]


async def get_current_actor(actor: OptionalActor) -> Actor:
    return _signed_in(actor)


async def current_actor(request: Request) -> Actor:
    """`get_current_actor` for code that has the request, not a dependency."""
    return _signed_in(await get_optional_actor(request))


def _signed_in(actor: Actor | None) -> Actor:
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

    async def __call__(self, request: Request) -> Actor:
        actor = await current_actor(request)
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
