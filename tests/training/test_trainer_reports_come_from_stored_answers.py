"""Trainer reports on SQLite and PostgreSQL: cohorts, completion, difficulty and the common
mistakes, all computed from the answers learners stored; only trainers may see them."""

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
from rightcare.training import reports
from rightcare.training.catalogue import Catalogue
from rightcare.training.exercise import Choice, LearnerAnswer, prepare_cached
from rightcare.training.models import TrainingCohort
from rightcare.training.service import answer_scenario, start_attempt
from tests.training.conftest import add_user

NOW = dt.datetime(2026, 11, 28, 10, 0, tzinfo=dt.UTC)
TRAINER = Actor(name="tess.trainer", roles=frozenset({Role.TRAINER}), can_see_personal=False)
HANDLER = Actor(name="hana.handler", roles=frozenset({Role.CALL_HANDLER}), can_see_personal=False)
TOKEN = Actor(
    name="token:lms", roles=frozenset({Role.TRAINER}), can_see_personal=False, kind="token"
)
# CFW-001's policy answer is "another agency: ambulance"; this is the mistake everyone makes.
WRONG = LearnerAnswer(choice=Choice.DUTY)


def learner(name: str) -> Actor:
    return Actor(name=name, roles=frozenset({Role.CALL_HANDLER}), can_see_personal=False)


def right(catalogue: Catalogue, scenario_id: str) -> LearnerAnswer:
    course = catalogue.course("mini")
    exercise = prepare_cached(catalogue.policy_for(course), course.scenario(scenario_id))
    return LearnerAnswer(
        choice=exercise.choice,
        agency=None if exercise.choice is Choice.DUTY else exercise.agency,
        asked=[k.id for k in exercise.key_questions],
    )


def play(
    session: Session,
    mini: Catalogue,
    who: Actor,
    module_id: str,
    answers: dict[str, list[LearnerAnswer]],
    now: dt.datetime = NOW,
) -> None:
    attempt = start_attempt(
        session, actor=who, catalogue=mini, course_id="mini", module_id=module_id, now=now
    )
    for scenario_id in attempt.scenario_order:
        for answer in answers.get(scenario_id, [right(mini, scenario_id)]):
            answer_scenario(
                session,
                actor=who,
                catalogue=mini,
                attempt_id=attempt.id,
                scenario_id=scenario_id,
                answer=answer,
                now=now,
            )


@pytest.fixture
def cohort(session: Session, mini: Catalogue) -> TrainingCohort:
    """lee passes everything after one slip; oli makes the same slip twice and fails falls;
    out is no member, and makes the slip too (it must not count)."""
    add_user(session, TRAINER.name, Role.TRAINER)
    for name in ("lee", "oli", "out"):
        add_user(session, name)
    play(session, mini, learner("lee"), "falls", {"CFW-001": [WRONG, right(mini, "CFW-001")]})
    play(session, mini, learner("lee"), "awol", {}, NOW + dt.timedelta(hours=1))
    play(session, mini, learner("oli"), "falls", {"CFW-001": [WRONG, WRONG]})
    play(session, mini, learner("out"), "falls", {"CFW-001": [WRONG, WRONG]})
    made = reports.create_cohort(
        session,
        actor=TRAINER,
        catalogue=mini,
        name="  Control room B,\n Dec ",
        course_id="mini",
        now=NOW,
    )
    for name in ("lee", "oli"):
        reports.add_member(session, actor=TRAINER, cohort_id=made.id, username=name, now=NOW)
    return made


def test_creating_a_cohort_and_adding_members_is_audited(
    session: Session, cohort: TrainingCohort
) -> None:
    assert cohort.name == "Control room B, Dec"
    assert cohort.created_by == TRAINER.name
    entries = session.execute(
        sa.select(AuditEntry.action, AuditEntry.actor).where(AuditEntry.entity == "training_cohort")
    ).all()
    assert sorted(entries) == [
        ("training.cohort.created", TRAINER.name),
        ("training.cohort.member_added", TRAINER.name),
        ("training.cohort.member_added", TRAINER.name),
    ]
    listed = reports.list_cohorts(session, actor=TRAINER)
    assert [(s.cohort.name, s.members) for s in listed] == [("Control room B, Dec", 2)]


def test_completion_counts_modules_passed_under_the_current_policy(
    session: Session, mini: Catalogue, cohort: TrainingCohort
) -> None:
    rows = {
        r.username: r
        for r in reports.completion(session, actor=TRAINER, catalogue=mini, cohort=cohort)
    }
    assert set(rows) == {"lee", "oli"}
    assert (rows["lee"].modules_passed, rows["lee"].modules, rows["lee"].certificate) == (
        2,
        2,
        True,
    )
    assert rows["lee"].last_activity == NOW + dt.timedelta(hours=1)
    assert (rows["oli"].modules_passed, rows["oli"].certificate) == (0, False)
    assert rows["oli"].last_activity is not None


def test_difficulty_is_the_share_right_first_time_hardest_first(
    session: Session, mini: Catalogue, cohort: TrainingCohort
) -> None:
    found = reports.difficulty(session, actor=TRAINER, catalogue=mini, cohort=cohort)
    assert [(d.scenario_id, d.answers, d.right_first_time) for d in found] == [
        ("CFW-001", 2, 0),  # the outsider's answers do not count
        ("CFW-002", 2, 2),
        ("AWL-001", 1, 1),
    ]
    assert found[0].share_right == 0.0 and found[1].share_right == 1.0
    assert found[0].title.startswith("Mother fallen")


def test_the_wrong_answer_given_most_often_comes_first_with_its_count(
    session: Session, mini: Catalogue, cohort: TrainingCohort
) -> None:
    found = reports.wrong_answers(session, actor=TRAINER, catalogue=mini, cohort=cohort)
    assert [(w.scenario_id, w.choice, w.agency, w.count) for w in found] == [
        ("CFW-001", Choice.DUTY, None, 3)
    ]


def test_a_cohort_report_brings_it_together(
    session: Session, mini: Catalogue, cohort: TrainingCohort
) -> None:
    report = reports.cohort_report(session, actor=TRAINER, catalogue=mini, cohort_id=cohort.id)
    assert report.course is not None and report.course.id == "mini"
    assert len(report.completion) == 2 and report.difficulty and report.wrong_answers
    assert report.changed == []  # nobody answered under another policy


def test_an_empty_cohort_reports_nothing_and_fails_nothing(
    session: Session, mini: Catalogue
) -> None:
    add_user(session, TRAINER.name, Role.TRAINER)
    empty = reports.create_cohort(
        session, actor=TRAINER, catalogue=mini, name="Empty", course_id="mini", now=NOW
    )
    report = reports.cohort_report(session, actor=TRAINER, catalogue=mini, cohort_id=empty.id)
    assert (report.completion, report.difficulty, report.wrong_answers) == ([], [], [])
    lines = reports.results_csv(session, actor=TRAINER, cohort_id=empty.id, now=NOW).splitlines()
    assert lines == [",".join(reports.CSV_COLUMNS)]


def test_cohort_mistakes_are_refused_in_words(
    session: Session, mini: Catalogue, cohort: TrainingCohort
) -> None:
    with pytest.raises(Conflict) as taken:
        reports.create_cohort(
            session,
            actor=TRAINER,
            catalogue=mini,
            name="Control room B, Dec",
            course_id="mini",
            now=NOW,
        )
    assert taken.value.field == "name"
    with pytest.raises(RuleViolation):
        reports.create_cohort(
            session, actor=TRAINER, catalogue=mini, name=" ", course_id="mini", now=NOW
        )
    with pytest.raises(RuleViolation):
        reports.create_cohort(
            session, actor=TRAINER, catalogue=mini, name="x" * 121, course_id="mini", now=NOW
        )
    with pytest.raises(NotFound) as course:
        reports.create_cohort(
            session, actor=TRAINER, catalogue=mini, name="New", course_id="nope", now=NOW
        )
    assert course.value.field == "course"
    with pytest.raises(Conflict):
        reports.add_member(session, actor=TRAINER, cohort_id=cohort.id, username="lee", now=NOW)
    with pytest.raises(NotFound) as nobody:
        reports.add_member(session, actor=TRAINER, cohort_id=cohort.id, username="nobody", now=NOW)
    assert nobody.value.field == "username"
    with pytest.raises(NotFound):
        reports.get_cohort(session, actor=TRAINER, cohort_id="no-such-cohort")


@pytest.mark.parametrize("who", [HANDLER, TOKEN], ids=["call handler", "api token"])
def test_only_a_trainer_may_use_the_reports(
    session: Session, mini: Catalogue, cohort: TrainingCohort, who: Actor
) -> None:
    calls = [
        lambda: reports.list_cohorts(session, actor=who),
        lambda: reports.get_cohort(session, actor=who, cohort_id=cohort.id),
        lambda: reports.create_cohort(
            session, actor=who, catalogue=mini, name="Mine", course_id="mini", now=NOW
        ),
        lambda: reports.add_member(
            session, actor=who, cohort_id=cohort.id, username="out", now=NOW
        ),
        lambda: reports.completion(session, actor=who, catalogue=mini, cohort=cohort),
        lambda: reports.difficulty(session, actor=who, catalogue=mini, cohort=cohort),
        lambda: reports.wrong_answers(session, actor=who, catalogue=mini, cohort=cohort),
        lambda: reports.cohort_report(session, actor=who, catalogue=mini, cohort_id=cohort.id),
        lambda: reports.results_csv(session, actor=who, cohort_id=cohort.id, now=NOW),
    ]
    for call in calls:
        with pytest.raises(Forbidden):
            call()


def test_a_wrong_agency_alone_is_a_wrong_answer_too(session: Session, mini: Catalogue) -> None:
    add_user(session, TRAINER.name, Role.TRAINER)
    add_user(session, "ada")
    slip = LearnerAnswer(choice=Choice.OTHER_AGENCY, agency=Agency.ADULT_SOCIAL_CARE)
    play(session, mini, learner("ada"), "falls", {"CFW-001": [slip, slip]})
    made = reports.create_cohort(
        session, actor=TRAINER, catalogue=mini, name="Agency", course_id="mini", now=NOW
    )
    reports.add_member(session, actor=TRAINER, cohort_id=made.id, username="ada", now=NOW)
    found = reports.wrong_answers(session, actor=TRAINER, catalogue=mini, cohort=made)
    assert [(w.choice, w.agency, w.count) for w in found] == [
        (Choice.OTHER_AGENCY, Agency.ADULT_SOCIAL_CARE, 2)
    ]
