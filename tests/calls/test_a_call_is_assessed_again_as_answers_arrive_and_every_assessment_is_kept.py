from sqlalchemy.orm import Session

from rightcare.calls.schemas import CallCreate
from rightcare.calls.service import assess, create_call, get_call
from rightcare.engine.contract import CallContext
from rightcare.engine.store import PolicySet
from rightcare.engine.vocab import Answer, PoliceResponse
from tests.calls.helpers import AWOL_AT_HOME, HANDLER, NIGHT, answers, without


def test_answers_accumulate_and_each_assessment_is_a_snapshot(
    session: Session, policies: PolicySet
) -> None:
    call = create_call(
        session,
        actor=HANDLER,
        data=CallCreate(
            answers=answers(without(AWOL_AT_HOME, "crime")),
            context=CallContext(force="example-force"),
        ),
        now=NIGHT,
        policies=policies,
    )
    assert call.reference == "RC-2026-000001"
    [first] = call.assessments
    assert first.police_response is PoliceResponse.UNDETERMINED
    assert first.overlay == "example-force" and first.digest.startswith("sha256:")
    second = assess(
        session,
        actor=HANDLER,
        call_id=call.id,
        policies=policies,
        answers={"crime": Answer.NO},
        now=NIGHT,
    )
    assert second.police_response is PoliceResponse.DO_NOT_ATTEND
    assert second.input["answers"] == AWOL_AT_HOME  # earlier answers kept, the new one added
    assert second.created_at > first.created_at  # same instant, still in order
    shown = get_call(session, actor=HANDLER, call_id=call.id, now=NIGHT)
    assert [a.id for a in shown.assessments] == [first.id, second.id]
    assert shown.latest_assessment is not None and shown.latest_assessment.id == second.id
    assert shown.answers["crime"] is Answer.NO
    assert shown.recommended_response is PoliceResponse.DO_NOT_ATTEND


def test_an_unknown_question_is_refused_naming_it(session: Session, policies: PolicySet) -> None:
    call = create_call(session, actor=HANDLER, data=CallCreate(), now=NIGHT)
    try:
        assess(
            session,
            actor=HANDLER,
            call_id=call.id,
            policies=policies,
            answers={"risk_to_lfe": Answer.YES},
            now=NIGHT,
        )
    except Exception as exc:
        assert getattr(exc, "field", None) == "answers.risk_to_lfe"
        assert "risk_to_life" in str(exc)
    else:
        raise AssertionError("an unknown question was accepted")
