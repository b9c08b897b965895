"""Calls: open, list, read (with ETag), assess again (If-Match), decide, advise, hand over.

Thin over `rightcare.calls.service`: each route checks the permission table, calls one service,
stores the reply with its Idempotency-Key and commits before it answers.

The three writes a C&C system and the call handler screen make on every call (open a call,
assess it again, decide) are `async def` and run on the worker's event loop, as the stateless
assessment does, instead of in the thread pool. A write holds the database's write lock from
its first statement to its commit and gives up the GIL at each statement; in a thread it then
waited for the loop, busy with other requests, to hand the GIL back, again and again, while
every other writer queued behind its lock (in process, with ten handlers typing at once, a
saved call took 37-39 ms at the median instead of 2: `bench/request_path.py --handlers 10`).
On the loop there is no second thread to wait for, and requests on a worker are served in
turn. The cost: while a write runs (a few milliseconds), that worker parses nothing else, so
`rightcare serve --workers` should match the cores.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Path, Query
from fastapi.responses import JSONResponse, Response
from pydantic import ConfigDict, Field

from rightcare.auth.actor import Actor
from rightcare.calls import service
from rightcare.calls.models import Call, CallStatus, HandoverKind, OverrideReason
from rightcare.calls.schemas import (
    AssessmentRead,
    CallCreate,
    CallerAdviceRead,
    CallRead,
    CallSummary,
    DecisionRead,
    HandoverRead,
    TimelineEntry,
)
from rightcare.engine.contract import NARRATIVE_LIMIT
from rightcare.engine.vocab import Agency, Answer, PoliceResponse
from rightcare.validation import NulFree
from rightcare.web.deps import NowDep, PoliciesDep, SessionDep, allowed_actor
from rightcare.web.errors import PROBLEM_RESPONSES, ProblemError
from rightcare.web.etags import IfMatch, IfNoneMatch, etag, expected_version, matches_any
from rightcare.web.idempotency import IdempotencyDep
from rightcare.web.permissions import Action

router = APIRouter(tags=["calls"])

CallId = Annotated[str, Path(max_length=36, description="the call's id")]
_WRITE_RESPONSES = {
    **PROBLEM_RESPONSES,
    404: {"description": "No such call"},
    409: {"description": "Changed by someone else (no If-Match sent)"},
    412: {"description": "If-Match is stale: reload the call"},
}


class _Body(NulFree):
    model_config = ConfigDict(extra="forbid")


class AssessRequest(_Body):
    answers: dict[str, Answer] = Field(default_factory=dict, description="new or changed answers")
    narrative: str | None = Field(
        default=None, max_length=NARRATIVE_LIMIT, description="the whole narrative so far"
    )


class DecisionCreate(_Body):
    assessment_id: str = Field(max_length=36)
    accept: bool
    police_response: PoliceResponse | None = Field(default=None, description="for an override")
    reason: OverrideReason | None = None
    note: str = Field(default="", max_length=4000)


class CallerAdviceCreate(_Body):
    text: str = Field(min_length=1, max_length=4000)
    police_attending: bool


class HandoverCreate(_Body):
    agency: Agency
    kind: HandoverKind = HandoverKind.STANDARD
    arrived_at: dt.datetime | None = Field(
        default=None, description="s136: when officers arrived at the place of safety"
    )
    note: str = Field(default="", max_length=4000)


def _call_headers(call: Call, location: str | None = None) -> dict[str, str]:
    headers = {"ETag": etag(call.version)}
    if location is not None:
        headers["Location"] = location
    return headers


@router.post(
    "/calls",
    status_code=201,
    response_model=CallRead,
    responses=PROBLEM_RESPONSES,
)
async def create_call(
    body: CallCreate,
    actor: Annotated[Actor, allowed_actor(Action.CREATE_CALL)],
    idem: IdempotencyDep,
    session: SessionDep,
    policies: PoliciesDep,
    now: NowDep,
) -> JSONResponse:
    """Open a call. It is assessed straight away; the reply carries its ETag."""
    call = service.create_call(session, actor=actor, data=body, now=now, policies=policies)
    read = service.get_call(session, actor=actor, call_id=call.id, now=now)
    return idem.commit(
        session,
        status_code=201,
        content=read,
        headers=_call_headers(call, f"/api/v1/calls/{call.id}"),
    )


@router.get("/calls", response_model=list[CallSummary], responses=PROBLEM_RESPONSES)
def list_calls(
    actor: Annotated[Actor, allowed_actor(Action.READ_CALLS)],
    session: SessionDep,
    q: Annotated[str | None, Query(max_length=200, description="reference or words")] = None,
    status: CallStatus | None = None,
    police_response: PoliceResponse | None = None,
    since: dt.datetime | None = None,
    until: dt.datetime | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> list[CallSummary]:
    """Search the call history (never returns personal details)."""
    for name, value in (("since", since), ("until", until)):
        if value is not None and value.tzinfo is None:
            raise ProblemError(
                422, f"{name}: give the time with its time zone", code="invalid", field=name
            )
    return service.list_calls(
        session,
        actor=actor,
        q=q,
        status=status,
        police_response=police_response,
        since=since,
        until=until,
        limit=limit,
        offset=offset,
    )


@router.get(
    "/calls/{call_id}",
    response_model=CallRead,
    responses={
        **PROBLEM_RESPONSES,
        304: {"description": "Unchanged since the ETag sent as If-None-Match"},
        404: {"description": "No such call"},
    },
)
def get_call(
    call_id: CallId,
    actor: Annotated[Actor, allowed_actor(Action.READ_CALLS)],
    session: SessionDep,
    now: NowDep,
    if_none_match: IfNoneMatch = None,
) -> Response:
    """One call, with its ETag. Personal details are masked unless you may see them (and every
    view of them is audited). With If-None-Match naming the current ETag: 304, no body."""
    read = service.get_call(session, actor=actor, call_id=call_id, now=now)
    session.commit()  # the personal.viewed audit entry, if any (a 304 is a view too)
    if matches_any(if_none_match, read.version):
        return Response(status_code=304, headers={"ETag": etag(read.version)})
    return JSONResponse(read.model_dump(mode="json"), headers={"ETag": etag(read.version)})


@router.post(
    "/calls/{call_id}/assessments",
    status_code=201,
    response_model=AssessmentRead,
    responses={**_WRITE_RESPONSES, 428: {"description": "If-Match is required"}},
)
async def assess_call(
    call_id: CallId,
    body: AssessRequest,
    actor: Annotated[Actor, allowed_actor(Action.ASSESS_CALL)],
    idem: IdempotencyDep,
    session: SessionDep,
    policies: PoliciesDep,
    now: NowDep,
    if_match: IfMatch = None,
) -> JSONResponse:
    """Assess the call again as answers arrive. Send the ETag you read as If-Match."""
    version = expected_version(if_match, required=True)
    record = service.assess(
        session,
        actor=actor,
        call_id=call_id,
        policies=policies,
        answers=body.answers or None,
        narrative=body.narrative,
        expected_version=version,
        now=now,
    )
    return idem.commit(
        session,
        status_code=201,
        content=lambda: AssessmentRead.model_validate(record),
        headers=_call_headers(record.call, f"/api/v1/calls/{call_id}"),
    )


@router.post(
    "/calls/{call_id}/decisions",
    status_code=201,
    response_model=DecisionRead,
    responses=_WRITE_RESPONSES,
)
async def record_decision(
    call_id: CallId,
    body: DecisionCreate,
    actor: Annotated[Actor, allowed_actor(Action.DECIDE)],
    idem: IdempotencyDep,
    session: SessionDep,
    policies: PoliciesDep,
    now: NowDep,
    if_match: IfMatch = None,
) -> JSONResponse:
    """Accept the recommendation, or override it with a reason. A lowering override waits for
    a supervisor's sign-off."""
    decision = service.record_decision(
        session,
        actor=actor,
        call_id=call_id,
        assessment_id=body.assessment_id,
        accept=body.accept,
        police_response=body.police_response,
        reason=body.reason,
        note=body.note,
        expected_version=expected_version(if_match),
        policies=policies,
        now=now,
    )
    return idem.commit(
        session,
        status_code=201,
        content=lambda: DecisionRead.model_validate(decision),
        headers=_call_headers(decision.call, f"/api/v1/calls/{call_id}"),
    )


@router.post(
    "/calls/{call_id}/caller-advice",
    status_code=201,
    response_model=CallerAdviceRead,
    responses=_WRITE_RESPONSES,
)
def record_caller_advice(
    call_id: CallId,
    body: CallerAdviceCreate,
    actor: Annotated[Actor, allowed_actor(Action.ADVISE)],
    idem: IdempotencyDep,
    session: SessionDep,
    now: NowDep,
    if_match: IfMatch = None,
) -> JSONResponse:
    """Record what the caller was told, including whether police are coming."""
    advice = service.record_caller_advice(
        session,
        actor=actor,
        call_id=call_id,
        text=body.text,
        police_attending=body.police_attending,
        expected_version=expected_version(if_match),
        now=now,
    )
    return idem.commit(
        session,
        status_code=201,
        content=CallerAdviceRead.model_validate(advice),
        headers=_call_headers(advice.call, f"/api/v1/calls/{call_id}"),
    )


@router.post(
    "/calls/{call_id}/handovers",
    status_code=201,
    response_model=HandoverRead,
    responses=_WRITE_RESPONSES,
)
def offer_handover(
    call_id: CallId,
    body: HandoverCreate,
    actor: Annotated[Actor, allowed_actor(Action.HANDOVER)],
    idem: IdempotencyDep,
    session: SessionDep,
    policies: PoliciesDep,
    now: NowDep,
    if_match: IfMatch = None,
) -> JSONResponse:
    """Offer the call to a partner agency from the force's directory (s136: start the clock)."""
    version = expected_version(if_match)
    if version is not None:
        call = session.get(Call, call_id)
        if call is not None and call.version != version:
            raise ProblemError(
                412,
                f"call {call.reference} was changed by someone else; reload it and try again",
                code="stale_version",
                field="If-Match",
            )
    handover = service.offer_handover(
        session,
        actor=actor,
        call_id=call_id,
        agency=body.agency,
        policies=policies,
        kind=body.kind,
        arrived_at=body.arrived_at,
        note=body.note,
        now=now,
    )
    return idem.commit(
        session,
        status_code=201,
        content=HandoverRead.model_validate(handover),
        headers=_call_headers(handover.call, f"/api/v1/calls/{call_id}"),
    )


@router.get(
    "/calls/{call_id}/timeline",
    response_model=list[TimelineEntry],
    responses={**PROBLEM_RESPONSES, 404: {"description": "No such call"}},
)
def call_timeline(
    call_id: CallId,
    actor: Annotated[Actor, allowed_actor(Action.READ_TIMELINE)],
    session: SessionDep,
) -> list[TimelineEntry]:
    """Everything that happened on the call, oldest first, from the audit trail."""
    return service.call_timeline(session, actor=actor, call_id=call_id)


__all__ = ["router"]
