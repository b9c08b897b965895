import datetime as dt

import pytest
from sqlalchemy.orm import Session

from rightcare.calls.errors import Conflict, Forbidden, RuleViolation
from rightcare.calls.models import CallStatus, DecisionStatus, OverrideReason, ReviewReason
from rightcare.calls.service import get_call, record_decision, sign_off, supervisor_queue
from rightcare.engine.store import PolicySet
from rightcare.engine.vocab import PoliceResponse
from tests.calls.helpers import AWOL_AT_HOME, HANDLER, NIGHT, SUPERVISOR, open_call

LATER = NIGHT + dt.timedelta(minutes=5)
RESISTING = {**AWOL_AT_HOME, "resistance_risk": "yes"}  # police must attend


def lower_to_discretion(session: Session, policies: PolicySet):  # type: ignore[no-untyped-def]
    call, assessment = open_call(session, policies, RESISTING)
    assert assessment.police_response is PoliceResponse.ATTEND
    decision = record_decision(
        session,
        actor=HANDLER,
        call_id=call.id,
        assessment_id=assessment.id,
        accept=False,
        police_response=PoliceResponse.DISCRETION,
        reason=OverrideReason.PARTNER_UNABLE,
        note="ward sending two staff with a secure vehicle",
        now=NIGHT,
    )
    return call, decision


def test_the_lowering_override_waits_and_the_recommendation_stands(
    session: Session, policies: PolicySet
) -> None:
    call, decision = lower_to_discretion(session, policies)
    assert decision.status is DecisionStatus.AWAITING_SUPERVISOR
    shown = get_call(session, actor=HANDLER, call_id=call.id, now=NIGHT)
    assert shown.status is CallStatus.AWAITING_SUPERVISOR
    assert shown.police_response is PoliceResponse.ATTEND
    queue = supervisor_queue(session, now=NIGHT)
    assert [item.decision.id for item in queue.signoffs if item.decision] == [decision.id]
    assert queue.signoffs[0].reason is ReviewReason.OVERRIDE_SIGNOFF
    assert queue.signoffs[0].recommended_response is PoliceResponse.ATTEND


def test_an_approved_override_takes_effect(session: Session, policies: PolicySet) -> None:
    call, decision = lower_to_discretion(session, policies)
    signed = sign_off(
        session, actor=SUPERVISOR, decision_id=decision.id, approve=True, note="", now=LATER
    )
    assert signed.outcome is not None and signed.reviewer == SUPERVISOR.name
    assert decision.status is DecisionStatus.EFFECTIVE
    assert decision.signed_off_by == SUPERVISOR.name and decision.signed_off_at == LATER
    shown = get_call(session, actor=HANDLER, call_id=call.id, now=LATER)
    assert shown.status is CallStatus.OPEN
    assert shown.police_response is PoliceResponse.DISCRETION
    assert supervisor_queue(session, now=LATER).signoffs == []


def test_a_rejected_override_leaves_the_recommendation_standing(
    session: Session, policies: PolicySet
) -> None:
    call, decision = lower_to_discretion(session, policies)
    with pytest.raises(RuleViolation) as refused:
        sign_off(
            session, actor=SUPERVISOR, decision_id=decision.id, approve=False, note=" ", now=LATER
        )
    assert refused.value.field == "note"
    sign_off(
        session,
        actor=SUPERVISOR,
        decision_id=decision.id,
        approve=False,
        note="resistance risk: officers go",
        now=LATER,
    )
    assert decision.status is DecisionStatus.REJECTED
    shown = get_call(session, actor=HANDLER, call_id=call.id, now=LATER)
    assert shown.police_response is PoliceResponse.ATTEND
    with pytest.raises(Conflict):
        sign_off(
            session, actor=SUPERVISOR, decision_id=decision.id, approve=True, note="", now=LATER
        )


def test_only_another_supervisor_signs_off(session: Session, policies: PolicySet) -> None:
    _, decision = lower_to_discretion(session, policies)
    with pytest.raises(Forbidden):
        sign_off(session, actor=HANDLER, decision_id=decision.id, approve=True, note="", now=LATER)
    own = SUPERVISOR.__class__(name=HANDLER.name, roles=SUPERVISOR.roles, can_see_personal=False)
    with pytest.raises(RuleViolation) as refused:
        sign_off(session, actor=own, decision_id=decision.id, approve=True, note="", now=LATER)
    assert refused.value.code == "own_decision"


def test_raising_the_response_takes_effect_at_once(session: Session, policies: PolicySet) -> None:
    call, assessment = open_call(session, policies, AWOL_AT_HOME)
    assert assessment.police_response is PoliceResponse.DO_NOT_ATTEND
    decision = record_decision(
        session,
        actor=HANDLER,
        call_id=call.id,
        assessment_id=assessment.id,
        accept=False,
        police_response=PoliceResponse.ATTEND,
        reason=OverrideReason.SAFEGUARDING_CONCERN,
        note="mother frightened of him tonight",
        now=NIGHT,
    )
    assert decision.status is DecisionStatus.EFFECTIVE
    assert call.status is CallStatus.OPEN
    assert supervisor_queue(session, now=NIGHT).signoffs == []


def test_an_override_needs_a_reason_and_a_note(session: Session, policies: PolicySet) -> None:
    call, assessment = open_call(session, policies, RESISTING)
    base = {
        "session": session,
        "actor": HANDLER,
        "call_id": call.id,
        "assessment_id": assessment.id,
        "accept": False,
        "now": NIGHT,
    }
    with pytest.raises(RuleViolation) as no_reason:
        record_decision(**base, police_response=PoliceResponse.DISCRETION, note="x")  # type: ignore[arg-type]
    assert no_reason.value.field == "reason"
    with pytest.raises(RuleViolation) as no_note:
        record_decision(
            **base,  # type: ignore[arg-type]
            police_response=PoliceResponse.DISCRETION,
            reason=OverrideReason.OTHER,
        )
    assert no_note.value.field == "note"


def test_a_new_decision_replaces_one_still_waiting(session: Session, policies: PolicySet) -> None:
    call, waiting = lower_to_discretion(session, policies)
    accepted = record_decision(
        session,
        actor=HANDLER,
        call_id=call.id,
        assessment_id=waiting.assessment_id,
        accept=True,
        now=LATER,
    )
    assert accepted.status is DecisionStatus.EFFECTIVE
    assert waiting.status is DecisionStatus.REJECTED
    assert call.status is CallStatus.OPEN
    assert supervisor_queue(session, now=LATER).signoffs == []
    with pytest.raises(Conflict):
        sign_off(
            session, actor=SUPERVISOR, decision_id=waiting.id, approve=True, note="", now=LATER
        )
