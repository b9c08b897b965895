"""What the learner services call: build an event's statements and queue them, same transaction.

Each function is one line in `training.service`. Names (home page, activity base) come from
the settings, read when a statement is built, so tests and forces can set their own.
"""

from __future__ import annotations

import uuid

from sqlalchemy.orm import Session

from rightcare.settings import get_settings
from rightcare.training.exercise import CHOICE_LABELS, Choice, Feedback
from rightcare.training.models import TrainingAnswer, TrainingAttempt, TrainingCertificate
from rightcare.training.run import ModuleResult, ModuleRun
from rightcare.training.xapi import statements as xs
from rightcare.training.xapi.outbox import queue


def names() -> xs.XapiNames:
    settings = get_settings()
    return xs.XapiNames(homepage=settings.xapi_homepage, activity_base=settings.xapi_activity_base)


def _id() -> str:
    return str(uuid.uuid4())


def attempt_facts(
    naming: xs.XapiNames, attempt: TrainingAttempt, run: ModuleRun, username: str
) -> xs.AttemptFacts:
    course = run.course
    return xs.AttemptFacts(
        attempt_id=attempt.id,
        learner=naming.account_name(username, attempt.user_id),
        course_id=course.id,
        course_title=course.title,
        course_summary=course.spec.summary,
        course_version=attempt.course_version,
        course_digest=attempt.course_digest,
        module_id=run.module.id,
        module_title=run.module.title,
        module_summary=run.module.summary,
        pack=attempt.pack,
        pack_version=attempt.pack_version,
        policy_digest=attempt.policy_digest,
    )


def answer_facts(run: ModuleRun, row: TrainingAnswer, feedback: Feedback) -> xs.AnswerFacts:
    exercise = run.exercise(row.scenario_id)
    agencies = [(a.id.value, a.name) for a in run.policy.agencies]
    return xs.AnswerFacts(
        scenario_id=row.scenario_id,
        scenario_title=exercise.scenario.title,
        choices=[(c.value, CHOICE_LABELS[c]) for c in Choice] + agencies,
        expected_choice=feedback.expected_choice.value,
        expected_agency=(
            None if feedback.expected_choice is Choice.DUTY else feedback.expected_agency.value
        ),
        choice=row.choice.value,
        agency=row.agency.value if row.agency else None,
        asked=list(row.asked),
        missed=[k.id for k in feedback.missed],
        score=feedback.score,
        passed=feedback.passed,
        unsafe=feedback.unsafe,
        over_response=feedback.over_response,
        try_no=row.try_no,
    )


def attempt_started(
    session: Session, attempt: TrainingAttempt, run: ModuleRun, username: str
) -> None:
    naming = names()
    facts = attempt_facts(naming, attempt, run, username)
    statement = xs.attempted(naming, facts, statement_id=_id(), at=attempt.started_at)
    queue(session, [statement], now=attempt.started_at)


def answered(
    session: Session,
    attempt: TrainingAttempt,
    run: ModuleRun,
    row: TrainingAnswer,
    feedback: Feedback,
    username: str,
) -> None:
    naming = names()
    facts = attempt_facts(naming, attempt, run, username)
    answer = answer_facts(run, row, feedback)
    statement = xs.answered(naming, facts, answer, statement_id=_id(), at=row.answered_at)
    queue(session, [statement], now=row.answered_at)


def attempt_completed(
    session: Session,
    attempt: TrainingAttempt,
    run: ModuleRun,
    result: ModuleResult,
    certificate: TrainingCertificate | None,
    username: str,
) -> None:
    """`completed` and `passed`/`failed` for the module, and `passed` for an earned course."""
    naming = names()
    facts = attempt_facts(naming, attempt, run, username)
    at = attempt.completed_at or attempt.started_at
    finish = xs.Verb.PASSED if result.passed else xs.Verb.FAILED
    built = [
        xs.module_finished(
            naming,
            facts,
            verb=verb,
            score=result.score,
            passed=result.passed,
            answered_count=result.answered,
            correct=result.correct,
            unsafe=result.unsafe,
            statement_id=_id(),
            at=at,
        )
        for verb in (xs.Verb.COMPLETED, finish)
    ]
    if certificate is not None:
        built.append(
            xs.course_passed(
                naming,
                facts,
                score=certificate.score,
                certificate=certificate.number,
                statement_id=_id(),
                at=at,
            )
        )
    queue(session, built, now=at)
