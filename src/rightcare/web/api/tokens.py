"""API tokens for systems (admin only). A token is shown once, at creation; only its hash is
kept. Token creation takes no Idempotency-Key: a replay would have to store the token itself,
and the unique name already stops a retry from making two."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import sqlalchemy as sa
from fastapi import APIRouter, Path
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from rightcare.audit import record
from rightcare.auth.actor import Actor
from rightcare.auth.models import ApiToken
from rightcare.auth.passwords import generate_token
from rightcare.validation import NulFree
from rightcare.web.deps import ContextDep, NowDep, SessionDep, allowed_actor
from rightcare.web.errors import PROBLEM_RESPONSES, ProblemError
from rightcare.web.permissions import Action, Scope

router = APIRouter(prefix="/tokens", tags=["administration"])


class TokenCreate(NulFree):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=100, pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
    scopes: list[Scope] = Field(min_length=1)


class TokenRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    scopes: list[str]
    created_by: str
    created_at: dt.datetime
    revoked_at: dt.datetime | None
    last_used_at: dt.datetime | None


class TokenCreated(TokenRead):
    token: str = Field(description="shown once: store it in the calling system's secrets")


@router.post("", status_code=201, response_model=TokenCreated, responses=PROBLEM_RESPONSES)
def create_token(
    body: TokenCreate,
    actor: Annotated[Actor, allowed_actor(Action.MANAGE_TOKENS)],
    session: SessionDep,
    now: NowDep,
) -> JSONResponse:
    """Create a token with the given scopes for a system such as the force's C&C."""
    if session.scalar(sa.select(ApiToken.id).where(ApiToken.name == body.name)) is not None:
        raise ProblemError(
            409, f"a token named {body.name} exists already", code="exists", field="name"
        )
    token, token_hash = generate_token()
    row = ApiToken(
        name=body.name,
        token_hash=token_hash,
        scopes=sorted({scope.value for scope in body.scopes}),
        created_by=actor.name,
        created_at=now,
    )
    session.add(row)
    session.flush()
    record(
        session,
        actor=actor.name,
        action="token.created",
        entity="api_token",
        entity_id=str(row.id),
        details={"scopes": row.scopes},
        at=now,
    )
    session.commit()
    created = TokenCreated(**TokenRead.model_validate(row).model_dump(), token=token)
    return JSONResponse(
        created.model_dump(mode="json"),
        status_code=201,
        headers={"Location": f"/api/v1/tokens/{row.id}"},
    )


@router.get("", response_model=list[TokenRead], responses=PROBLEM_RESPONSES)
def list_tokens(
    _actor: Annotated[Actor, allowed_actor(Action.MANAGE_TOKENS)], session: SessionDep
) -> list[TokenRead]:
    rows = session.scalars(sa.select(ApiToken).order_by(ApiToken.id))
    return [TokenRead.model_validate(row) for row in rows]


@router.post("/{token_id}/revoke", response_model=TokenRead, responses=PROBLEM_RESPONSES)
def revoke_token(
    token_id: Annotated[int, Path(ge=1, le=2**31 - 1)],
    actor: Annotated[Actor, allowed_actor(Action.MANAGE_TOKENS)],
    session: SessionDep,
    now: NowDep,
    context: ContextDep,
) -> TokenRead:
    """Revoke a token: it stops working at once, on every worker of this server (a revocation
    made elsewhere, e.g. by another host, is noticed within a second). Revoking twice changes
    nothing."""
    row = session.get(ApiToken, token_id)
    if row is None:
        raise ProblemError(404, f"no token with id {token_id}", code="not_found", field="token_id")
    if row.revoked_at is None:
        row.revoked_at = now
        record(
            session,
            actor=actor.name,
            action="token.revoked",
            entity="api_token",
            entity_id=str(row.id),
            at=now,
        )
        session.commit()
    context.token_cache.revoked()  # every worker of this server stops trusting it now
    return TokenRead.model_validate(row)
