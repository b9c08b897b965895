"""Shared by the xAPI LRS tests: play a module through the learner services and commit it."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session, sessionmaker

from rightcare.auth.actor import Actor
from rightcare.auth.models import Role
from rightcare.engine.vocab import Agency
from rightcare.training.catalogue import Catalogue
from rightcare.training.exercise import Choice, LearnerAnswer, prepare_cached
from rightcare.training.service import answer_scenario, start_attempt
from tests.training.conftest import add_user

NOW = dt.datetime(2026, 11, 28, 10, 0, tzinfo=dt.UTC)
LEARNER = Actor(name="lee.learner", roles=frozenset({Role.CALL_HANDLER}), can_see_personal=False)


def play_falls(sessions: sessionmaker[Session], mini: Catalogue) -> str:
    """The `falls` module: a wrong answer, then right ones. Committed; the attempt id."""
    course = mini.course("mini")
    policy = mini.policy_for(course)
    with sessions() as session, session.begin():
        add_user(session, LEARNER.name)
        attempt = start_attempt(
            session, actor=LEARNER, catalogue=mini, course_id="mini", module_id="falls", now=NOW
        )
        attempt_id, order = attempt.id, list(attempt.scenario_order)
    at = NOW
    for n, scenario_id in enumerate(order):
        exercise = prepare_cached(policy, course.scenario(scenario_id))
        right = LearnerAnswer(
            choice=exercise.choice,
            agency=None if exercise.choice is Choice.DUTY else exercise.agency,
            asked=[k.id for k in exercise.key_questions],
        )
        wrong_choice = Choice.OTHER_AGENCY if exercise.choice is Choice.DUTY else Choice.DUTY
        wrong = LearnerAnswer(choice=wrong_choice, agency=Agency.AMBULANCE, asked=[])
        for answer in [wrong, right] if n == 0 else [right]:
            at += dt.timedelta(minutes=1)
            with sessions() as session, session.begin():
                answer_scenario(
                    session,
                    actor=LEARNER,
                    catalogue=mini,
                    attempt_id=attempt_id,
                    scenario_id=scenario_id,
                    answer=answer,
                    now=at,
                )
    return attempt_id
