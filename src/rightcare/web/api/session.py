"""Sign in and out from a script or a single-page screen (JSON), and who am I."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field

from rightcare.auth.actor import Actor
from rightcare.auth.models import Role
from rightcare.validation import NulFree
from rightcare.web.auth import SignInRefused, sign_in_with_password
from rightcare.web.deps import ContextDep, CurrentActor, SessionDep
from rightcare.web.errors import PROBLEM_RESPONSES, ProblemError
from rightcare.web.sessions import (
    clear_session,
    csrf_token,
    new_session,
    read_session,
    write_session,
)

router = APIRouter(prefix="/auth", tags=["sign-in"])


class SignInRequest(NulFree):
    model_config = ConfigDict(extra="forbid")

    username: str = Field(min_length=1, max_length=150)
    password: str = Field(min_length=1, max_length=1024)


class Me(BaseModel):
    name: str
    kind: str
    roles: list[Role]
    can_see_personal: bool
    scopes: list[str] = Field(default_factory=list)
    csrf_token: str | None = Field(
        default=None, description="send as X-CSRF-Token on POSTs made with the session cookie"
    )


def _me(actor: Actor, csrf: str | None) -> Me:
    return Me(
        name=actor.name,
        kind=actor.kind,
        roles=sorted(actor.roles),
        can_see_personal=actor.can_see_personal,
        scopes=sorted(actor.scopes),
        csrf_token=csrf,
    )


def client_address(request: Request) -> str:
    return request.client.host if request.client is not None else "unknown"


@router.post(
    "/login",
    response_model=Me,
    responses={**PROBLEM_RESPONSES, 429: {"description": "Too many failed sign-ins"}},
)
def login(
    body: SignInRequest, request: Request, session: SessionDep, context: ContextDep
) -> JSONResponse:
    """Sign in with a local account; sets the session cookie and returns the CSRF token."""
    if request.headers.get("content-type", "").split(";")[0].strip() != "application/json":
        raise ProblemError(415, "send the sign-in as application/json", code="media_type")
    try:
        signed = sign_in_with_password(
            session,
            username=body.username,
            password=body.password,
            address=client_address(request),
            secret=context.secret_key,
            now=context.now(),
        )
    except SignInRefused as exc:
        headers = {"Retry-After": str(exc.retry_after)} if exc.retry_after else {}
        code = "locked" if exc.status == 429 else "bad_credentials"
        raise ProblemError(exc.status, exc.message, code=code, headers=headers) from exc
    browser = new_session(signed.user)
    response = JSONResponse(
        _me(signed.actor, csrf_token(browser, context.secret_key)).model_dump(mode="json")
    )
    write_session(response, request, browser, secret=context.secret_key, demo=context.settings.demo)
    return response


@router.post("/logout", status_code=204)
def logout(request: Request, context: ContextDep) -> Response:
    """Sign out: the session cookie is cleared."""
    response = Response(status_code=204)
    clear_session(response, request, demo=context.settings.demo)
    return response


@router.get("/me", response_model=Me, responses=PROBLEM_RESPONSES)
def me(actor: CurrentActor, request: Request, context: ContextDep) -> Me:
    """Who is signed in (or which API token is calling), and the CSRF token for this session."""
    browser = read_session(request, context.secret_key) if actor.kind == "user" else None
    return _me(actor, csrf_token(browser, context.secret_key) if browser else None)
