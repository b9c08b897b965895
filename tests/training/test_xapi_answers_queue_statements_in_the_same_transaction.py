"""The learner services queue xAPI statements in their own transaction, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from rightcare.auth.actor import Actor
from rightcare.auth.models import Role
from rightcare.settings import Settings, get_settings
from rightcare.storage.engine import make_sessionmaker
from rightcare.training.catalogue import Catalogue
from rightcare.training.exercise import Choice, LearnerAnswer, prepare_cached
from rightcare.training.models import TrainingAttempt, XapiStatement
from rightcare.training.service import answer_scenario, start_attempt
from tests.training.conftest import add_user

NOW = dt.datetime(2026, 11, 28, 10, 0, tzinfo=dt.UTC)
LEARNER = Actor(name="lee.learner", roles=frozenset({Role.CALL_HANDLER}), can_see_personal=False)


def _right(mini: Catalogue, scenario_id: str) -> LearnerAnswer:
    course = mini.course("mini")
    exercise = prepare_cached(mini.policy_for(course), course.scenario(scenario_id))
    return LearnerAnswer(
        choice=exercise.choice,
        agency=None if exercise.choice is Choice.DUTY else exercise.agency,
        asked=[k.id for k in exercise.key_questions],
    )


def _queued(session: Session) -> list[XapiStatement]:
    return list(
        session.execute(
            sa.select(XapiStatement).order_by(XapiStatement.queued_at, XapiStatement.id)
        ).scalars()
    )


def _verbs(rows: list[XapiStatement]) -> list[str]:
    return [row.body["verb"]["display"]["en-GB"] for row in rows]


def test_starting_and_answering_a_module_queues_each_statement_once(
    session: Session, mini: Catalogue
) -> None:
    add_user(session, LEARNER.name)
    attempt = start_attempt(
        session, actor=LEARNER, catalogue=mini, course_id="mini", module_id="awol", now=NOW
    )
    assert _verbs(_queued(session)) == ["attempted"]
    # resuming the unfinished attempt is not a new attempt: nothing more is queued
    resumed = start_attempt(
        session, actor=LEARNER, catalogue=mini, course_id="mini", module_id="awol", now=NOW
    )
    assert resumed.id == attempt.id
    assert _verbs(_queued(session)) == ["attempted"]
    scenario_id = attempt.scenario_order[0]
    later = NOW + dt.timedelta(minutes=3)
    outcome = answer_scenario(
        session,
        actor=LEARNER,
        catalogue=mini,
        attempt_id=attempt.id,
        scenario_id=scenario_id,
        answer=_right(mini, scenario_id),
        now=later,
    )
    assert outcome.result is not None and outcome.result.passed
    rows = _queued(session)
    assert _verbs(rows) == ["attempted", "answered", "completed", "passed"]
    assert len({row.id for row in rows}) == 4
    for row in rows:
        assert row.body["id"] == row.id
        assert row.sent_at is None and row.tries == 0
        assert row.body["context"]["registration"] == attempt.id
        assert row.body["actor"]["account"]["name"] == "lee.learner"
    answered = rows[1].body
    assert answered["object"]["id"].endswith(f"/scenarios/{scenario_id}")
    assert answered["result"]["score"]["raw"] == outcome.feedback.score
    assert answered["timestamp"] == "2026-11-28T10:03:00.000Z"


def test_passing_the_last_module_also_says_the_course_was_passed(
    session: Session, mini: Catalogue
) -> None:
    add_user(session, LEARNER.name)
    for module_id in ("falls", "awol"):
        attempt = start_attempt(
            session, actor=LEARNER, catalogue=mini, course_id="mini", module_id=module_id, now=NOW
        )
        for scenario_id in attempt.scenario_order:
            outcome = answer_scenario(
                session,
                actor=LEARNER,
                catalogue=mini,
                attempt_id=attempt.id,
                scenario_id=scenario_id,
                answer=_right(mini, scenario_id),
                now=NOW,
            )
    assert outcome.certificate is not None
    rows = _queued(session)
    assert _verbs(rows).count("attempted") == 2 and _verbs(rows).count("answered") == 3
    course = [row.body for row in rows if row.body["object"]["id"].endswith("/courses/mini")]
    assert len(course) == 1
    assert course[0]["verb"]["id"] == "http://adlnet.gov/expapi/verbs/passed"
    assert course[0]["result"]["success"] is True
    ext = "https://rightcare.invalid/xapi/extensions/certificate"
    assert course[0]["result"]["extensions"][ext] == outcome.certificate.number


def test_a_rolled_back_answer_leaves_no_statement_behind(engine: Engine, mini: Catalogue) -> None:
    sessions = make_sessionmaker(engine)
    with sessions() as session, session.begin():
        add_user(session, LEARNER.name)
        attempt = start_attempt(
            session, actor=LEARNER, catalogue=mini, course_id="mini", module_id="falls", now=NOW
        )
        attempt_id, scenario_id = attempt.id, attempt.scenario_order[0]
    with sessions() as session:
        answer_scenario(
            session,
            actor=LEARNER,
            catalogue=mini,
            attempt_id=attempt_id,
            scenario_id=scenario_id,
            answer=_right(mini, scenario_id),
            now=NOW,
        )
        assert len(_queued(session)) == 2
        session.rollback()
    with sessions() as session:
        assert _verbs(_queued(session)) == ["attempted"]
        assert session.get(TrainingAttempt, attempt_id) is not None


def test_statements_name_activities_under_the_configured_base(
    session: Session, mini: Catalogue
) -> None:
    settings = Settings(
        database_url="sqlite://",
        xapi_homepage="https://learning.force.invalid",
        xapi_activity_base="https://learning.force.invalid/rcrp",
    )
    add_user(session, LEARNER.name)
    with get_settings.override(settings):
        start_attempt(
            session, actor=LEARNER, catalogue=mini, course_id="mini", module_id="falls", now=NOW
        )
    body = _queued(session)[0].body
    assert body["actor"]["account"]["homePage"] == "https://learning.force.invalid"
    assert body["object"]["id"] == "https://learning.force.invalid/rcrp/courses/mini/modules/falls"
