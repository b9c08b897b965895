"""Call services: create a call, assess it as answers arrive, record the handler's decision and
what the caller was told. The decision lives in `deciding.py`, handovers in `handovers.py`, the
supervisor's work in `reviews.py`, reading calls back in `reads.py`, correcting personal details
in `personal.py`; everything is re-exported here.

Every function takes the session first and keyword-only typed arguments; `now` is injected
(aware UTC); nothing commits (the caller owns the unit of work); every state change writes an
audit entry in the same transaction, with ids and codes only, never personal details.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Any

from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from rightcare.auth.actor import SYSTEM, Actor
from rightcare.calls.access import (
    HANDLE,
    SCOPE_WRITE,
    Newest,
    after,
    audit,
    check_version,
    flush,
    load_call_and_newest,
    require,
    utc,
)
from rightcare.calls.advice import record_caller_advice
from rightcare.calls.assessing import Evaluation, evaluate_for_call
from rightcare.calls.deciding import record_decision
from rightcare.calls.errors import Conflict, Forbidden, NotFound, RuleViolation, ServiceError
from rightcare.calls.handovers import escalate_due, offer_handover, update_handover
from rightcare.calls.models import (
    Assessment,
    Call,
    CallStatus,
    allocate_call_reference,
)
from rightcare.calls.personal import correct_personal_details
from rightcare.calls.reads import call_timeline, get_call, list_calls
from rightcare.calls.reviews import review, sign_off, supervisor_queue
from rightcare.calls.schemas import CallCreate
from rightcare.calls.writes import bump_call, insert_whole, link
from rightcare.engine.contract import CallContext, CallInput
from rightcare.engine.errors import CallError
from rightcare.engine.policy import Policy
from rightcare.engine.store import PolicySet, load_policy_set
from rightcare.engine.vocab import Answer
from rightcare.storage.base import new_id

AssessmentRecord = Assessment  # the stored snapshot (the engine's `Assessment` is its output)


@lru_cache(maxsize=1)
def _bundled_policies() -> PolicySet:
    return load_policy_set()


def create_call(
    session: Session,
    *,
    actor: Actor,
    data: CallCreate,
    now: dt.datetime,
    policies: PolicySet | None = None,
) -> Call:
    """Open a call with the next reference. If answers arrive with it (or `policies` is given)
    the first assessment is made straight away, so no answer is ever held outside a snapshot;
    without `policies` that uses the bundled policy set."""
    require(actor, HANDLE, scope=SCOPE_WRITE)
    now = utc(now)
    if policies is not None and data.context.force is not None:
        _policy_for(policies, data.context.force)
    first: Evaluation | None = None
    if data.answers or policies is not None:
        # The engine's work is pure: do it before queueing for the audit chain's lock, so the
        # lock is held only for the writes.
        first = evaluate_for_call(
            policies=policies or _bundled_policies(),
            force=data.context.force,
            narrative=data.narrative,
            context=data.context,
            before=None,
            answers=dict(data.answers),
            read_narrative=True,
        )
    call = Call(
        id=new_id(),
        reference="",  # numbered below, once everything else is built
        created_at=now,
        created_by=actor.name,
        updated_at=now,
        force=data.context.force,
        channel=data.context.channel,
        caller_type=data.context.caller,
        status=CallStatus.OPEN,
        narrative=data.narrative,
        version=1,
        synthetic=data.synthetic,
        caller_name=data.caller_name,
        caller_phone=data.caller_phone,
        subject_name=data.subject_name,
        address=data.address,
        # A new call has none of these: no query to find that out later.
        assessments=[],
        decisions=[],
        caller_advice=[],
        handovers=[],
        reviews=[],
    )
    snapshot = (
        _snapshot(actor=actor, call=call, previous=None, evaluation=first, now=now)
        if first is not None
        else None
    )
    # Only writes from here. The reference counter's row (SQLite: the database) stays locked
    # to the commit; the audit chain's lock is taken only then (see rightcare.audit.service),
    # always after the counter's, so the two never wait for each other in opposite orders.
    call.reference = allocate_call_reference(session, year=now.year)
    # The call is born with its first snapshot: one version.
    insert_whole(session, call, *([snapshot[0]] if snapshot is not None else []))
    audit(
        session,
        actor=actor,
        action="call.created",
        call=call,
        now=now,
        details={
            "synthetic": data.synthetic,
            "force": data.context.force,
            "channel": data.context.channel.value if data.context.channel else None,
        },
    )
    if snapshot is not None:
        audit(session, actor=actor, action="call.assessed", call=call, now=now, details=snapshot[1])
    return call


def _policy_for(policies: PolicySet, force: str | None) -> Policy:
    try:
        return policies.for_force(force)
    except CallError as exc:
        raise RuleViolation(exc.detail, code="unknown_force", field=exc.field_path) from exc


def assess(
    session: Session,
    *,
    actor: Actor,
    call_id: str,
    policies: PolicySet,
    answers: dict[str, Answer] | None = None,
    narrative: str | None = None,
    expected_version: int | None = None,
    now: dt.datetime,
    read_narrative: bool = True,
) -> Assessment:
    """Merge new answers (and a new narrative) into the call, run the engine and keep the
    snapshot. Answers given before stay unless replaced. Bumps the call's version."""
    require(actor, HANDLE, scope=SCOPE_WRITE)
    call, previous = load_call_and_newest(session, call_id)
    check_version(call, expected_version)
    evaluation = evaluate_for_call(
        policies=policies,
        force=call.force,
        narrative=narrative if narrative is not None else call.narrative,
        context=None if previous is not None else _context_of(call),
        before=CallInput.model_validate(previous.input) if previous is not None else None,
        answers=dict(answers or {}),
        read_narrative=read_narrative,
    )
    evaluation.narrative_changed = narrative is not None and narrative != call.narrative
    return _store(
        session,
        actor=actor,
        call=call,
        previous=previous,
        evaluation=evaluation,
        now=utc(now),
        narrative=narrative,
    )


def _context_of(call: Call) -> CallContext:
    return CallContext(
        received_at=call.created_at,
        channel=call.channel,
        caller=call.caller_type,
        force=call.force,
    )


def _snapshot(
    *,
    actor: Actor,
    call: Call,
    previous: Newest | None,
    evaluation: Evaluation,
    now: dt.datetime,
) -> tuple[Assessment, dict[str, Any]]:
    """The snapshot row, linked to its call, and its audit entry's details: built before any
    write, so a write lock is held only for the writes."""
    result = evaluation.result
    created_at = after(previous.created_at if previous is not None else None, now)
    record = Assessment(
        id=new_id(),
        call_id=call.id,
        created_at=created_at,
        created_by=actor.name,
        contract=result.contract,
        input=evaluation.input_json,
        output=evaluation.output_json,
        pack=result.policy.pack,
        pack_version=result.policy.version,
        overlay=result.policy.overlay,
        digest=result.policy.digest,
        police_response=result.police_response,
        lead_agency=result.lead_agency,
        disposition=result.disposition,
    )
    # Linked as already stored, not through the relationship's events: the flush then has one
    # row to insert and no collection to reconcile (that bookkeeping cost more than the
    # insert), and a call whose earlier snapshots were never loaded does not load them all
    # (each with its input and output JSON) just to append one.
    set_committed_value(record, "call", call)
    link(call, "assessments", record)  # if loaded (or new): kept whole for this request
    details = {
        "assessment_id": record.id,
        "police_response": result.police_response.value,
        "disposition": result.disposition,
        "answers_changed": evaluation.changed,
        "narrative_changed": evaluation.narrative_changed,
        "policy": result.policy.model_dump(mode="json"),
    }
    return record, details


def _store(
    session: Session,
    *,
    actor: Actor,
    call: Call,
    previous: Newest | None,
    evaluation: Evaluation,
    now: dt.datetime,
    narrative: str | None,
) -> Assessment:
    """Keep the snapshot, move the call's version on (with the new narrative, if any) and
    write the audit entry."""
    record, details = _snapshot(
        actor=actor, call=call, previous=previous, evaluation=evaluation, now=now
    )
    flush(session, call)  # anything else this unit of work changed goes first, as before
    insert_whole(session, record)
    changed = {"narrative": narrative} if narrative is not None else {}
    bump_call(session, call, now=now, **changed)
    audit(session, actor=actor, action="call.assessed", call=call, now=now, details=details)
    return record


__all__ = [
    "SYSTEM",
    "AssessmentRecord",
    "Conflict",
    "Forbidden",
    "NotFound",
    "RuleViolation",
    "ServiceError",
    "assess",
    "call_timeline",
    "correct_personal_details",
    "create_call",
    "escalate_due",
    "get_call",
    "list_calls",
    "offer_handover",
    "record_caller_advice",
    "record_decision",
    "review",
    "sign_off",
    "supervisor_queue",
    "update_handover",
]
