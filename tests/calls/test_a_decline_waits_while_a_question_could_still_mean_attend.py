import pytest
from sqlalchemy.orm import Session

from rightcare.calls.errors import RuleViolation
from rightcare.calls.models import OverrideReason
from rightcare.calls.service import assess, record_decision
from rightcare.engine.store import PolicySet
from rightcare.engine.vocab import Answer, PoliceResponse
from tests.calls.helpers import AWOL_AT_HOME, HANDLER, NIGHT, open_call, without


def test_an_open_question_on_a_path_to_attend_blocks_the_decline(
    session: Session, policies: PolicySet
) -> None:
    # Urgent medical need not yet asked: with entry needed as well, police would attend.
    call, assessment = open_call(session, policies, without(AWOL_AT_HOME, "medical_emergency"))
    assert assessment.police_response is PoliceResponse.DO_NOT_ATTEND
    with pytest.raises(RuleViolation) as refused:
        record_decision(
            session,
            actor=HANDLER,
            call_id=call.id,
            assessment_id=assessment.id,
            accept=True,
            now=NIGHT,
            policies=policies,
        )
    assert refused.value.code == "questions_could_mean_attend"
    assert "medical_emergency" in refused.value.message

    asked = assess(
        session,
        actor=HANDLER,
        call_id=call.id,
        policies=policies,
        answers={"medical_emergency": Answer.NO},
        now=NIGHT,
    )
    decision = record_decision(
        session,
        actor=HANDLER,
        call_id=call.id,
        assessment_id=asked.id,
        accept=True,
        now=NIGHT,
        policies=policies,
    )
    assert decision.police_response is PoliceResponse.DO_NOT_ATTEND


def test_a_question_that_alone_makes_police_attend_blocks_a_lowering_override(
    session: Session, policies: PolicySet
) -> None:
    # Crime not asked: the engine keeps the call (undetermined); standing police down by an
    # override is refused because "if yes, police must attend".
    call, assessment = open_call(session, policies, without(AWOL_AT_HOME, "crime"))
    assert assessment.police_response is PoliceResponse.UNDETERMINED
    with pytest.raises(RuleViolation) as refused:
        record_decision(
            session,
            actor=HANDLER,
            call_id=call.id,
            assessment_id=assessment.id,
            accept=False,
            police_response=PoliceResponse.DO_NOT_ATTEND,
            reason=OverrideReason.PROFESSIONAL_JUDGEMENT,
            note="sounds fine",
            now=NIGHT,
            policies=policies,
        )
    assert refused.value.code == "questions_could_mean_attend"
    assert "crime" in refused.value.message


def test_an_undetermined_recommendation_cannot_be_accepted(
    session: Session, policies: PolicySet
) -> None:
    call, assessment = open_call(session, policies, without(AWOL_AT_HOME, "crime"))
    with pytest.raises(RuleViolation) as refused:
        record_decision(
            session,
            actor=HANDLER,
            call_id=call.id,
            assessment_id=assessment.id,
            accept=True,
            now=NIGHT,
        )
    assert refused.value.code == "undetermined"


def test_questions_that_only_change_the_partner_do_not_block(
    session: Session, policies: PolicySet
) -> None:
    call, assessment = open_call(session, policies, AWOL_AT_HOME)
    assert assessment.output["questions_to_ask"]  # s136_handover, partner_unavailable
    decision = record_decision(
        session,
        actor=HANDLER,
        call_id=call.id,
        assessment_id=assessment.id,
        accept=True,
        now=NIGHT,
        policies=policies,
    )
    assert decision.police_response is PoliceResponse.DO_NOT_ATTEND
