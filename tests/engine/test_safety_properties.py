"""The safety rules of the contract, as properties over random answer sets, for every pack."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rightcare.engine.contract import CallInput
from rightcare.engine.evaluate import assess
from rightcare.engine.policy import Policy
from rightcare.engine.vocab import Answer, PoliceResponse, RiskDirection, Severity

SETTINGS = settings(max_examples=400, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
ANSWERS = st.sampled_from([Answer.YES, Answer.NO, Answer.UNKNOWN])


def answer_sets(policy: Policy) -> st.SearchStrategy[dict[str, Answer]]:
    """Random answers; absent questions are unknown. Biased towards fully answered threshold
    questions, where declines happen and the interesting rules live."""
    ids = [q.id for q in policy.questions]
    critical = {q.id: Answer.NO for q in policy.questions if q.critical}
    others = [q.id for q in policy.questions if not q.critical]
    anything = st.dictionaries(st.sampled_from(ids), ANSWERS, max_size=len(ids))
    below_threshold = st.dictionaries(st.sampled_from(others), ANSWERS, max_size=len(others)).map(
        lambda extra: critical | extra
    )
    return st.one_of(anything, below_threshold)


def run(policy: Policy, answers: dict[str, Answer]):  # type: ignore[no-untyped-def]
    return assess(policy, CallInput(answers=answers))


@SETTINGS
@given(data=st.data())
def test_the_engine_never_raises_and_always_answers_the_contract(
    every_policy: Policy, data
) -> None:  # type: ignore[no-untyped-def]
    answers = data.draw(answer_sets(every_policy))
    result = run(every_policy, answers)
    assert result.contract == "1"
    assert result.policy.digest == every_policy.digest


@SETTINGS
@given(data=st.data())
def test_never_do_not_attend_while_a_critical_question_is_unknown(
    every_policy: Policy, data
) -> None:  # type: ignore[no-untyped-def]
    answers = data.draw(answer_sets(every_policy))
    result = run(every_policy, answers)
    unknown_critical = [
        q.id
        for q in every_policy.questions
        if q.critical and answers.get(q.id, Answer.UNKNOWN) is Answer.UNKNOWN
    ]
    if unknown_critical:
        assert result.police_response is not PoliceResponse.DO_NOT_ATTEND


@SETTINGS
@given(data=st.data())
def test_undetermined_always_comes_with_questions_to_ask(every_policy: Policy, data) -> None:  # type: ignore[no-untyped-def]
    result = run(every_policy, data.draw(answer_sets(every_policy)))
    if result.police_response is PoliceResponse.UNDETERMINED:
        assert result.questions_to_ask


@SETTINGS
@given(data=st.data())
def test_no_decline_while_one_unanswered_question_could_mean_attend(
    every_policy: Policy, data
) -> None:  # type: ignore[no-untyped-def]
    answers = data.draw(answer_sets(every_policy))
    result = run(every_policy, answers)
    if result.police_response is not PoliceResponse.DO_NOT_ATTEND:
        return
    for question in every_policy.questions:
        if answers.get(question.id, Answer.UNKNOWN) is not Answer.UNKNOWN:
            continue
        for value in (Answer.YES, Answer.NO):
            other = run(every_policy, answers | {question.id: value})
            assert other.police_response is not PoliceResponse.ATTEND, (question.id, value)


@SETTINGS
@given(data=st.data())
def test_raising_a_risk_answer_never_lowers_the_response(every_policy: Policy, data) -> None:  # type: ignore[no-untyped-def]
    answers = data.draw(answer_sets(every_policy))
    risky = [q for q in every_policy.questions if q.risk is not RiskDirection.NONE]
    question = data.draw(st.sampled_from(risky))
    towards = Answer.YES if question.risk is RiskDirection.YES else Answer.NO
    current = answers.get(question.id, Answer.UNKNOWN)
    if current is towards:
        return
    before = run(every_policy, answers).police_response
    after = run(every_policy, answers | {question.id: towards}).police_response
    assert Severity.of(after) >= Severity.of(before), (question.id, current, before, after)


@SETTINGS
@given(data=st.data())
def test_the_same_input_gives_the_same_output_and_digest(every_policy: Policy, data) -> None:  # type: ignore[no-untyped-def]
    answers = data.draw(answer_sets(every_policy))
    first = run(every_policy, answers).model_dump()
    second = run(every_policy, dict(reversed(list(answers.items())))).model_dump()
    assert first == second
