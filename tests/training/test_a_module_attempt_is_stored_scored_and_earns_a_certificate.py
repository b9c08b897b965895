"""Learner services on SQLite and PostgreSQL: attempts, retries, completion and the certificate."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session

from rightcare.audit.models import AuditEntry
from rightcare.auth.actor import Actor
from rightcare.auth.models import Role
from rightcare.calls.errors import Conflict, Forbidden, NotFound, RuleViolation
from rightcare.engine.vocab import Agency
from rightcare.training.catalogue import Catalogue
from rightcare.training.exercise import Choice, LearnerAnswer
from rightcare.training.models import TrainingAnswer
from rightcare.training.progress import course_progress
from rightcare.training.service import answer_scenario, start_attempt
from tests.training.conftest import add_user

NOW = dt.datetime(2026, 11, 28, 10, 0, tzinfo=dt.UTC)
LEARNER = Actor(name="lee.learner", roles=frozenset({Role.CALL_HANDLER}), can_see_personal=False)
OTHER = Actor(name="oli.other", roles=frozenset({Role.CALL_HANDLER}), can_see_personal=False)


def _right(catalogue: Catalogue, scenario_id: str) -> LearnerAnswer:
    course = catalogue.course("mini")
    from rightcare.training.exercise import prepare_cached

    exercise = prepare_cached(catalogue.policy_for(course), course.scenario(scenario_id))
    return LearnerAnswer(
        choice=exercise.choice,
        agency=None if exercise.choice is Choice.DUTY else exercise.agency,
        asked=[k.id for k in exercise.key_questions],
    )


def _answer(session: Session, mini: Catalogue, attempt_id: str, scenario_id: str, answer):  # type: ignore[no-untyped-def]
    return answer_scenario(
        session,
        actor=LEARNER,
        catalogue=mini,
        attempt_id=attempt_id,
        scenario_id=scenario_id,
        answer=answer,
        now=NOW,
    )


def test_passing_every_module_issues_one_certificate_naming_course_and_pack(
    session: Session, mini: Catalogue
) -> None:
    add_user(session, LEARNER.name)
    certificate = None
    for module_id in ("falls", "awol"):
        attempt = start_attempt(
            session, actor=LEARNER, catalogue=mini, course_id="mini", module_id=module_id, now=NOW
        )
        for scenario_id in attempt.scenario_order:
            outcome = _answer(session, mini, attempt.id, scenario_id, _right(mini, scenario_id))
            assert outcome.feedback.score == 100
        assert outcome.result is not None and outcome.result.passed
        certificate = certificate or outcome.certificate
    assert certificate is not None
    course = mini.course("mini")
    policy = mini.policy_for(course)
    assert certificate.course_version == "2026.1"
    assert certificate.course_digest == course.digest
    assert certificate.policy_digest == policy.digest
    assert certificate.score == 100
    progress = course_progress(session, actor=LEARNER, catalogue=mini, course_id="mini")
    assert progress.complete and progress.certificate is not None
    actions = session.execute(sa.select(AuditEntry.action)).scalars().all()
    assert actions.count("training.answer") == 3
    assert "training.certificate.issued" in actions


def test_a_wrong_answer_may_be_retried_once_and_then_the_scenario_is_settled(
    session: Session, mini: Catalogue
) -> None:
    add_user(session, LEARNER.name)
    attempt = start_attempt(
        session, actor=LEARNER, catalogue=mini, course_id="mini", module_id="falls", now=NOW
    )
    first = attempt.scenario_order[0]
    wrong = LearnerAnswer(choice=Choice.DUTY)
    outcome = _answer(session, mini, attempt.id, first, wrong)
    assert not outcome.feedback.passed and outcome.run.tries_left(first) == 1
    outcome = _answer(session, mini, attempt.id, first, wrong)
    assert outcome.run.tries_left(first) == 0
    with pytest.raises(Conflict, match="no tries left"):
        _answer(session, mini, attempt.id, first, wrong)
    rows = session.execute(sa.select(TrainingAnswer.try_no)).scalars().all()
    assert sorted(rows) == [1, 2]


def test_a_module_failed_with_an_unsafe_answer_is_not_passed_whatever_the_score(
    session: Session, mini: Catalogue
) -> None:
    add_user(session, LEARNER.name)
    attempt = start_attempt(
        session, actor=LEARNER, catalogue=mini, course_id="mini", module_id="falls", now=NOW
    )
    outcome = None
    for scenario_id in attempt.scenario_order:
        outcome = _answer(session, mini, attempt.id, scenario_id, _right(mini, scenario_id))
    assert outcome is not None and outcome.result is not None and outcome.result.passed
    # the same module again, one unsafe answer (another agency where police may attend)
    again = start_attempt(
        session, actor=LEARNER, catalogue=mini, course_id="mini", module_id="falls", now=NOW
    )
    assert again.id != attempt.id
    unsafe = LearnerAnswer(choice=Choice.OTHER_AGENCY, agency=Agency.AMBULANCE)
    _answer(session, mini, again.id, "CFW-001", _right(mini, "CFW-001"))
    _answer(session, mini, again.id, "CFW-002", unsafe)
    last = _answer(session, mini, again.id, "CFW-002", unsafe)
    assert last.result is not None
    assert last.result.unsafe == 1 and not last.result.passed


def test_an_unfinished_attempt_is_resumed_not_started_again(
    session: Session, mini: Catalogue
) -> None:
    add_user(session, LEARNER.name)
    one = start_attempt(
        session, actor=LEARNER, catalogue=mini, course_id="mini", module_id="falls", now=NOW
    )
    _answer(session, mini, one.id, "CFW-001", _right(mini, "CFW-001"))
    two = start_attempt(
        session, actor=LEARNER, catalogue=mini, course_id="mini", module_id="falls", now=NOW
    )
    assert two.id == one.id


def test_the_course_limits_attempts_at_a_module(session: Session, mini: Catalogue) -> None:
    add_user(session, LEARNER.name)
    for _ in range(3):
        attempt = start_attempt(
            session, actor=LEARNER, catalogue=mini, course_id="mini", module_id="awol", now=NOW
        )
        _answer(session, mini, attempt.id, "AWL-001", LearnerAnswer(choice=Choice.DUTY))
        _answer(session, mini, attempt.id, "AWL-001", LearnerAnswer(choice=Choice.DUTY))
    with pytest.raises(RuleViolation, match="allows 3 attempt"):
        start_attempt(
            session, actor=LEARNER, catalogue=mini, course_id="mini", module_id="awol", now=NOW
        )


def test_another_learners_attempt_is_not_found_and_tokens_cannot_learn(
    session: Session, mini: Catalogue
) -> None:
    add_user(session, LEARNER.name)
    add_user(session, OTHER.name)
    attempt = start_attempt(
        session, actor=LEARNER, catalogue=mini, course_id="mini", module_id="awol", now=NOW
    )
    with pytest.raises(NotFound):
        answer_scenario(
            session,
            actor=OTHER,
            catalogue=mini,
            attempt_id=attempt.id,
            scenario_id="AWL-001",
            answer=LearnerAnswer(choice=Choice.DUTY),
            now=NOW,
        )
    token = Actor(name="token:cc", roles=frozenset(), can_see_personal=False, kind="token")
    with pytest.raises(Forbidden):
        start_attempt(
            session, actor=token, catalogue=mini, course_id="mini", module_id="awol", now=NOW
        )


def test_unknown_course_module_scenario_and_question_are_named(
    session: Session, mini: Catalogue
) -> None:
    add_user(session, LEARNER.name)
    with pytest.raises(NotFound, match="no course `nope`") as course_error:
        start_attempt(
            session, actor=LEARNER, catalogue=mini, course_id="nope", module_id="x", now=NOW
        )
    assert course_error.value.field == "course"
    with pytest.raises(NotFound, match="no module `nope`"):
        start_attempt(
            session, actor=LEARNER, catalogue=mini, course_id="mini", module_id="nope", now=NOW
        )
    attempt = start_attempt(
        session, actor=LEARNER, catalogue=mini, course_id="mini", module_id="awol", now=NOW
    )
    with pytest.raises(NotFound, match="CFW-001 is not in this attempt"):
        _answer(session, mini, attempt.id, "CFW-001", LearnerAnswer(choice=Choice.DUTY))
    with pytest.raises(RuleViolation, match="unknown question") as question_error:
        _answer(
            session, mini, attempt.id, "AWL-001", LearnerAnswer(choice=Choice.DUTY, asked=["x"])
        )
    assert question_error.value.field == "asked"
    assert session.execute(sa.select(sa.func.count()).select_from(TrainingAnswer)).scalar() == 0
