"""Marking one answer: the decision, the agency, the key questions, and what feedback says."""

from __future__ import annotations

import pytest

from rightcare.engine.vocab import Agency, Answer, PoliceResponse
from rightcare.training.catalogue import Catalogue
from rightcare.training.exercise import (
    DONT_KNOW,
    Choice,
    LearnerAnswer,
    agencies_to_choose,
    choice_for,
    mark,
    prepare,
)


def _exercise(catalogue: Catalogue, scenario_id: str):  # type: ignore[no-untyped-def]
    course = catalogue.course("rcrp-national")
    policy = catalogue.policy_for(course)
    return policy, prepare(policy, course.scenario(scenario_id))


def test_the_right_answer_with_every_key_question_asked_scores_full_marks(
    catalogue: Catalogue,
) -> None:
    policy, exercise = _exercise(catalogue, "CFW-002")
    answer = LearnerAnswer(
        choice=exercise.choice, agency=exercise.agency, asked=[k.id for k in exercise.key_questions]
    )
    feedback = mark(policy, exercise, answer)
    assert feedback.score == 100
    assert feedback.passed and not feedback.unsafe and not feedback.missed


def test_sending_nobody_where_police_have_a_duty_scores_nothing_for_the_decision_and_is_unsafe(
    catalogue: Catalogue,
) -> None:
    policy, exercise = _exercise(catalogue, "CHD-013")
    assert exercise.choice is Choice.MAY_CHOOSE
    feedback = mark(policy, exercise, LearnerAnswer(choice=Choice.OTHER_AGENCY, agency=Agency.GP))
    assert feedback.unsafe and not feedback.passed
    assert feedback.score == 0  # no decision, no agency, and the key question was not asked
    assert [k.id for k in feedback.missed] == ["child"]
    assert feedback.missed[0].answer is Answer.YES


def test_attending_where_another_agency_leads_is_an_over_response_not_an_unsafe_one(
    catalogue: Catalogue,
) -> None:
    policy, exercise = _exercise(catalogue, "CFW-001")
    assert exercise.choice is Choice.OTHER_AGENCY
    feedback = mark(policy, exercise, LearnerAnswer(choice=Choice.DUTY))
    assert feedback.over_response and not feedback.unsafe and not feedback.passed


def test_the_right_response_with_the_wrong_agency_loses_the_agency_marks_only(
    catalogue: Catalogue,
) -> None:
    policy, exercise = _exercise(catalogue, "CFW-001")
    asked = [k.id for k in exercise.key_questions]
    wrong = next(a for a in Agency if a not in (exercise.agency, Agency.POLICE))
    feedback = mark(
        policy, exercise, LearnerAnswer(choice=exercise.choice, agency=wrong, asked=asked)
    )
    assert feedback.choice_right and not feedback.agency_right
    assert feedback.score == 80


def test_a_duty_to_attend_needs_no_agency(catalogue: Catalogue) -> None:
    course = catalogue.course("rcrp-national")
    policy = catalogue.policy_for(course)
    duty = next(
        prepare(policy, s, read_narrative=False)
        for m in course.modules
        for s in m.scenarios
        if s.expect.police_response is PoliceResponse.ATTEND
    )
    feedback = mark(policy, duty, LearnerAnswer(choice=Choice.DUTY, asked=[]))
    assert feedback.passed and feedback.agency_right


def test_an_undetermined_call_is_taught_as_police_keep_it(catalogue: Catalogue) -> None:
    assert choice_for(PoliceResponse.UNDETERMINED) is Choice.DUTY
    course = catalogue.course("rcrp-national")
    policy = catalogue.policy_for(course)
    open_question = next(
        s
        for m in course.modules
        for s in m.scenarios
        if s.expect.police_response is PoliceResponse.UNDETERMINED
    )
    exercise = prepare(policy, open_question)
    assert exercise.choice is Choice.DUTY
    # the question still open is a key question, and the caller cannot answer it
    unknown = [k for k in exercise.key_questions if k.answer is Answer.UNKNOWN]
    assert unknown
    assert exercise.ask(unknown[0].id).said == DONT_KNOW


def test_feedback_names_the_deciding_rules_with_their_legal_basis_and_the_turning_point(
    catalogue: Catalogue,
) -> None:
    policy, exercise = _exercise(catalogue, "CFW-002")
    feedback = mark(policy, exercise, LearnerAnswer(choice=Choice.OTHER_AGENCY, agency=Agency.GP))
    assert feedback.rules[0].rule != "ENTRY-NR"  # the deciding row first, then the outcome
    assert all(item.basis for item in feedback.rules)
    assert feedback.disposition == "ENTRY-NR"
    assert "urgent medical help" in feedback.turning_point
    assert feedback.turning_point.endswith("police have a duty to attend.")
    assert feedback.why


def test_asking_the_caller_gives_the_scenario_answer_or_dont_know(catalogue: Catalogue) -> None:
    _, exercise = _exercise(catalogue, "CFW-001")
    assert exercise.ask("fallen_no_injury").said == "Yes."
    assert exercise.ask("crime").said == "No."
    assert exercise.ask("restricted_patient").said == DONT_KNOW
    with pytest.raises(KeyError):
        exercise.ask("no_such_question")


def test_what_the_notes_already_say_is_not_counted_as_a_missed_question(
    catalogue: Catalogue,
) -> None:
    course = catalogue.course("rcrp-national")
    policy = catalogue.policy_for(course)
    scenario = course.scenario("CFW-001")
    read = prepare(policy, scenario)
    unread = prepare(policy, scenario, read_narrative=False)
    assert {k.id for k in read.key_questions} < {k.id for k in unread.key_questions}


def test_every_training_scenario_can_be_answered_fully_right_from_the_choices_offered(
    catalogue: Catalogue,
) -> None:
    course = catalogue.course("rcrp-national")
    policy = catalogue.policy_for(course)
    offered = {agency for agency, _ in agencies_to_choose(policy)}
    for module in course.modules:
        for scenario in module.scenarios:
            exercise = prepare(policy, scenario, read_narrative=False)
            agency = None if exercise.choice is Choice.DUTY else exercise.agency
            assert agency is None or agency in offered, scenario.id
            answer = LearnerAnswer(
                choice=exercise.choice, agency=agency, asked=[k.id for k in exercise.key_questions]
            )
            assert mark(policy, exercise, answer).score == 100, scenario.id
