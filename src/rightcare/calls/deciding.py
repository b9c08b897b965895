"""Record a handler's decision on a call: accept the recommendation, or override it.

The rules a decision must pass are in `decisions.py`; this is the write: the decision row, a
supervisor's sign-off when the override lowers the response, the call's status and version,
and the audit entry, in the caller's transaction.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from rightcare.auth.actor import Actor
from rightcare.calls.access import (
    HANDLE,
    SCOPE_WRITE,
    after,
    audit,
    check_version,
    flush,
    load,
    load_call_and_newest,
    require,
    utc,
)
from rightcare.calls.decisions import check_decision, supersede_pending
from rightcare.calls.errors import Conflict, NotFound
from rightcare.calls.models import (
    Assessment,
    Call,
    CallStatus,
    Decision,
    DecisionKind,
    DecisionStatus,
    OverrideReason,
    ReviewReason,
    SupervisorReview,
)
from rightcare.calls.writes import bump_call, insert_whole, link
from rightcare.engine.store import PolicySet
from rightcare.engine.vocab import PoliceResponse, Severity
from rightcare.storage.base import new_id


def record_decision(
    session: Session,
    *,
    actor: Actor,
    call_id: str,
    assessment_id: str,
    accept: bool,
    police_response: PoliceResponse | None = None,
    reason: OverrideReason | None = None,
    note: str = "",
    now: dt.datetime,
    expected_version: int | None = None,
    policies: PolicySet | None = None,
) -> Decision:
    """Accept the recommendation, or override it with a reason code and a note.

    An override that lowers the response waits for a supervisor (the call shows awaiting
    supervisor and the recommendation stands). A `do_not_attend` decision is refused while
    suggested answers await confirmation or an open question could still mean police attend
    (`policies`, when given, lets the engine re-check each open question).
    """
    require(actor, HANDLE, scope=SCOPE_WRITE)
    now = utc(now)
    call, newest = load_call_and_newest(session, call_id)
    check_version(call, expected_version)
    assessment = load(session, Assessment, assessment_id, field="assessment_id", what="assessment")
    if assessment.call_id != call.id:
        raise NotFound(
            f"assessment {assessment_id} is not one of call {call.reference}'s",
            field="assessment_id",
        )
    if newest is not None and newest.id != assessment.id:
        raise Conflict(
            "a newer assessment of this call exists; decide on the latest recommendation",
            code="assessment_superseded",
            field="assessment_id",
        )
    final = check_decision(
        call=call,
        assessment=assessment,
        accept=accept,
        police_response=police_response,
        reason=reason,
        note=note,
        policies=policies,
    )
    lowers = Severity.of(final) < Severity.of(assessment.police_response)
    supersede_pending(session, actor=actor, call=call, now=now)
    decided_at = after(latest_decided_at(call), now)
    decision = Decision(
        id=new_id(),
        call_id=call.id,
        assessment_id=assessment.id,
        decided_by=actor.name,
        decided_at=decided_at,
        kind=DecisionKind.ACCEPT if accept else DecisionKind.OVERRIDE,
        police_response=final,
        reason=None if accept else reason,
        note=note.strip(),
        status=DecisionStatus.AWAITING_SUPERVISOR if lowers else DecisionStatus.EFFECTIVE,
    )
    signoff = (
        SupervisorReview(
            id=new_id(),
            call_id=call.id,
            decision_id=decision.id,
            reason=ReviewReason.OVERRIDE_SIGNOFF,
            created_at=now,
            note="",
        )
        if lowers
        else None
    )
    flush(session, call)  # a superseded decision's changes go first
    insert_whole(session, decision, *([signoff] if signoff is not None else []))
    set_committed_value(decision, "call", call)
    link(call, "decisions", decision)
    if signoff is not None:
        set_committed_value(signoff, "call", call)
        set_committed_value(signoff, "decision", decision)
        link(call, "reviews", signoff)
    status = CallStatus.AWAITING_SUPERVISOR if lowers else CallStatus.OPEN
    bump_call(session, call, now=now, status=status)
    audit(
        session,
        actor=actor,
        action="decision.recorded",
        call=call,
        now=now,
        details={
            "decision_id": decision.id,
            "assessment_id": assessment.id,
            "kind": decision.kind.value,
            "recommended": assessment.police_response.value,
            "police_response": final.value,
            "reason": reason.value if reason is not None and not accept else None,
            "status": decision.status.value,
        },
    )
    return decision


def latest_decided_at(call: Call) -> dt.datetime | None:
    return max((d.decided_at for d in call.decisions), default=None)
