"""The partner's answer to a handover, and the supervisor's queue, sign-offs and reviews."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path
from fastapi.responses import JSONResponse
from pydantic import ConfigDict, Field

from rightcare.auth.actor import Actor
from rightcare.calls import service
from rightcare.calls.models import ReviewOutcome
from rightcare.calls.schemas import HandoverEvent, HandoverRead, ReviewRead, SupervisorQueue
from rightcare.validation import NulFree
from rightcare.web.deps import NowDep, SessionDep, allowed_actor
from rightcare.web.errors import PROBLEM_RESPONSES
from rightcare.web.etags import etag
from rightcare.web.idempotency import IdempotencyDep
from rightcare.web.permissions import Action

router = APIRouter(tags=["handovers and supervision"])

Ident = Annotated[str, Path(max_length=36)]
_RESPONSES = {
    **PROBLEM_RESPONSES,
    404: {"description": "Not found"},
    409: {"description": "Settled"},
}


class _Body(NulFree):
    model_config = ConfigDict(extra="forbid")


class HandoverEventCreate(_Body):
    event: HandoverEvent
    partner_reference: str | None = Field(default=None, max_length=100)
    note: str = Field(default="", max_length=4000)


class SignOffCreate(_Body):
    approve: bool
    note: str = Field(default="", max_length=4000)


class ReviewCreate(_Body):
    outcome: ReviewOutcome
    note: str = Field(default="", max_length=4000)


@router.post("/handovers/{handover_id}/events", response_model=HandoverRead, responses=_RESPONSES)
def handover_event(
    handover_id: Ident,
    body: HandoverEventCreate,
    actor: Annotated[Actor, allowed_actor(Action.HANDOVER)],
    idem: IdempotencyDep,
    session: SessionDep,
    now: NowDep,
) -> JSONResponse:
    """The partner accepted, declined or did not answer, or the person was handed over. A
    decline or no answer goes to the supervisor's queue."""
    handover = service.update_handover(
        session,
        actor=actor,
        handover_id=handover_id,
        event=body.event,
        partner_reference=body.partner_reference,
        note=body.note,
        now=now,
    )
    return idem.commit(
        session,
        status_code=200,
        content=HandoverRead.model_validate(handover),
        headers={"ETag": etag(handover.call.version)},
    )


@router.get("/supervisor/queue", response_model=SupervisorQueue, responses=PROBLEM_RESPONSES)
def supervisor_queue(
    _actor: Annotated[Actor, allowed_actor(Action.SUPERVISOR_QUEUE)],
    session: SessionDep,
    now: NowDep,
) -> SupervisorQueue:
    """Overrides awaiting sign-off, declined or unanswered handovers, s136 clocks past the hour."""
    return service.supervisor_queue(session, now=now)


@router.post("/decisions/{decision_id}/sign-off", response_model=ReviewRead, responses=_RESPONSES)
def sign_off(
    decision_id: Ident,
    body: SignOffCreate,
    actor: Annotated[Actor, allowed_actor(Action.SIGN_OFF)],
    idem: IdempotencyDep,
    session: SessionDep,
    now: NowDep,
) -> JSONResponse:
    """Approve a lowering override (it takes effect) or reject it (the recommendation stands)."""
    result = service.sign_off(
        session, actor=actor, decision_id=decision_id, approve=body.approve, note=body.note, now=now
    )
    return idem.commit(session, status_code=200, content=ReviewRead.model_validate(result))


@router.post("/reviews/{review_id}", response_model=ReviewRead, responses=_RESPONSES)
def review(
    review_id: Ident,
    body: ReviewCreate,
    actor: Annotated[Actor, allowed_actor(Action.REVIEW)],
    idem: IdempotencyDep,
    session: SessionDep,
    now: NowDep,
) -> JSONResponse:
    """Close an item on the supervisor's queue with an outcome and a note."""
    result = service.review(
        session, actor=actor, review_id=review_id, outcome=body.outcome, note=body.note, now=now
    )
    return idem.commit(session, status_code=200, content=ReviewRead.model_validate(result))
