import pytest
from sqlalchemy.orm import Session

from rightcare.calls.errors import RuleViolation
from rightcare.calls.models import DecisionStatus, OverrideReason
from rightcare.calls.service import assess, record_decision
from rightcare.engine.store import PolicySet
from rightcare.engine.vocab import Answer, PoliceResponse
from tests.calls.helpers import AWOL_AT_HOME, HANDLER, NIGHT, SUPERVISOR, open_call, without

# The notes say "no weapon" but nobody has asked: the reader's answer carries the decline.
NOTES = "Ward nurse. Patient at his mum's, calm. He has no weapon."


def test_a_decline_is_refused_while_a_suggested_answer_awaits_confirmation(
    session: Session, policies: PolicySet
) -> None:
    call, assessment = open_call(
        session, policies, without(AWOL_AT_HOME, "weapon"), narrative=NOTES
    )
    assert assessment.police_response is PoliceResponse.DO_NOT_ATTEND
    assert assessment.output["needs_confirmation"] == ["weapon"]
    with pytest.raises(RuleViolation) as refused:
        record_decision(
            session,
            actor=HANDLER,
            call_id=call.id,
            assessment_id=assessment.id,
            accept=True,
            now=NIGHT,
        )
    assert refused.value.code == "confirmation_pending"
    assert refused.value.field == "needs_confirmation"
    assert "weapon" in refused.value.message
    assert call.decisions == []


def test_an_override_to_do_not_attend_is_refused_the_same_way(
    session: Session, policies: PolicySet
) -> None:
    call, assessment = open_call(
        session,
        policies,
        {**without(AWOL_AT_HOME, "weapon"), "resistance_risk": "yes"},
        narrative=NOTES,
    )
    assert assessment.police_response is PoliceResponse.ATTEND
    if not assessment.output["needs_confirmation"]:
        pytest.skip("the outcome no longer depends on the suggested answer")
    with pytest.raises(RuleViolation) as refused:
        record_decision(
            session,
            actor=SUPERVISOR,
            call_id=call.id,
            assessment_id=assessment.id,
            accept=False,
            police_response=PoliceResponse.DO_NOT_ATTEND,
            reason=OverrideReason.PROFESSIONAL_JUDGEMENT,
            note="calm on the phone",
            now=NIGHT,
        )
    assert refused.value.code == "confirmation_pending"


def test_once_confirmed_the_decline_is_recorded(session: Session, policies: PolicySet) -> None:
    call, _ = open_call(session, policies, without(AWOL_AT_HOME, "weapon"), narrative=NOTES)
    confirmed = assess(
        session,
        actor=HANDLER,
        call_id=call.id,
        policies=policies,
        answers={"weapon": Answer.NO},
        now=NIGHT,
    )
    assert confirmed.output["needs_confirmation"] == []
    decision = record_decision(
        session,
        actor=HANDLER,
        call_id=call.id,
        assessment_id=confirmed.id,
        accept=True,
        now=NIGHT,
    )
    assert decision.police_response is PoliceResponse.DO_NOT_ATTEND
    assert decision.status is DecisionStatus.EFFECTIVE
