"""Learner services: start a module attempt, answer scenarios, progress, certificates.

Shared by the web app, the API and the tests. Like the call services: the session first,
keyword-only typed arguments, `now` injected (aware UTC), nothing commits (the caller owns the
unit of work), and every state change writes an audit entry in the same transaction. Trainer
reports live in `reports.py`; the policy-change rule in `changes.py`.
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from rightcare.audit import record
from rightcare.auth.actor import Actor
from rightcare.auth.models import User
from rightcare.calls.access import utc
from rightcare.calls.errors import Conflict, Forbidden, NotFound, RuleViolation
from rightcare.engine.policy import Policy
from rightcare.training.catalogue import Catalogue
from rightcare.training.course import Course
from rightcare.training.exercise import Feedback, LearnerAnswer
from rightcare.training.models import TrainingAnswer, TrainingAttempt, TrainingCertificate
from rightcare.training.run import REFRESHER, ModuleResult, ModuleRun, new_seed
from rightcare.training.xapi import emit as xapi


@dataclass(frozen=True)
class AnswerOutcome:
    feedback: Feedback
    run: ModuleRun
    attempt: TrainingAttempt
    result: ModuleResult | None  # set once the attempt is complete
    certificate: TrainingCertificate | None  # set when this answer earned the course


def learner(session: Session, actor: Actor) -> User:
    """The signed-in person taking training (an API token or the system cannot learn)."""
    if actor.kind != "user":
        raise Forbidden("training is for people signed in, not for API tokens")
    user = session.execute(sa.select(User).where(User.username == actor.name)).scalar_one_or_none()
    if user is None or not user.active:
        raise Forbidden("your account is not active")
    return user


def course_and_policy(catalogue: Catalogue, course_id: str) -> tuple[Course, Policy]:
    try:
        course = catalogue.course(course_id)
    except KeyError as exc:
        raise NotFound(str(exc.args[0]), field="course") from exc
    return course, catalogue.policy_for(course)


def _audit(
    session: Session,
    actor: Actor,
    action: str,
    attempt: TrainingAttempt,
    now: dt.datetime,
    **details: object,
) -> None:
    session.flush()
    record(
        session,
        actor=actor.name,
        action=action,
        entity="training_attempt",
        entity_id=attempt.id,
        details={"course": attempt.course_id, "module": attempt.module_id, **details},
        at=now,
    )


def _attempt_count(session: Session, user_id: int, course_id: str, module_id: str) -> int:
    return (
        session.scalar(
            sa.select(sa.func.count())
            .select_from(TrainingAttempt)
            .where(
                TrainingAttempt.user_id == user_id,
                TrainingAttempt.course_id == course_id,
                TrainingAttempt.module_id == module_id,
            )
        )
        or 0
    )


def open_attempt(
    session: Session, user_id: int, course: Course, policy: Policy, module_id: str
) -> TrainingAttempt | None:
    """An unfinished attempt at this module under the current course and policy, to resume."""
    return session.execute(
        sa.select(TrainingAttempt)
        .where(
            TrainingAttempt.user_id == user_id,
            TrainingAttempt.course_id == course.id,
            TrainingAttempt.module_id == module_id,
            TrainingAttempt.completed_at.is_(None),
            TrainingAttempt.course_digest == course.digest,
            TrainingAttempt.policy_digest == policy.digest,
        )
        .order_by(TrainingAttempt.started_at.desc())
        .limit(1)
    ).scalar_one_or_none()


def start_attempt(
    session: Session,
    *,
    actor: Actor,
    catalogue: Catalogue,
    course_id: str,
    module_id: str,
    now: dt.datetime,
    seed: int | None = None,
    scenario_ids: list[str] | None = None,
) -> TrainingAttempt:
    """Begin (or resume) an attempt at a module. `scenario_ids` makes a policy-change refresher
    (an open refresher under the current policy is resumed whatever ids are given)."""
    now = utc(now)
    user = learner(session, actor)
    course, policy = course_and_policy(catalogue, course_id)
    if scenario_ids is None:
        try:
            course.module(module_id)
        except KeyError as exc:
            raise NotFound(str(exc.args[0]), field="module") from exc
        resumed = open_attempt(session, user.id, course, policy, module_id)
        if resumed is not None:
            return resumed
        limit = course.spec.module_attempts
        if limit is not None and _attempt_count(session, user.id, course.id, module_id) >= limit:
            raise RuleViolation(
                f"this course allows {limit} attempt(s) at a module; ask your trainer",
                code="no_attempts_left",
                field="module",
            )
        run = ModuleRun.start(course, module_id, policy, seed)
    else:
        resumed = open_attempt(session, user.id, course, policy, REFRESHER)
        if resumed is not None:
            return resumed
        if not scenario_ids:
            raise RuleViolation("no scenarios to refresh", code="nothing_to_do", field="scenarios")
        for scenario_id in scenario_ids:
            try:
                course.scenario(scenario_id)
            except KeyError as exc:
                raise NotFound(str(exc.args[0]), field="scenarios") from exc
        run = ModuleRun.refresher(
            course, policy, scenario_ids, new_seed() if seed is None else seed
        )
    attempt = TrainingAttempt(
        user_id=user.id,
        course_id=course.id,
        course_version=course.version,
        course_digest=course.digest,
        module_id=run.module.id,
        pack=policy.pack.id,
        pack_version=policy.pack.version,
        policy_digest=policy.digest,
        seed=run.seed,
        scenario_order=list(run.order),
        started_at=now,
    )
    session.add(attempt)
    _audit(session, actor, "training.attempt.started", attempt, now, seed=run.seed)
    xapi.attempt_started(session, attempt, run, actor.name)  # queued in this transaction
    return attempt


def get_attempt(session: Session, *, actor: Actor, attempt_id: str) -> TrainingAttempt:
    """A learner's own attempt; anybody else's is 'not found' (no probing for ids)."""
    user = learner(session, actor)
    attempt = session.get(TrainingAttempt, attempt_id)
    if attempt is None or attempt.user_id != user.id:
        raise NotFound(f"no attempt with id {attempt_id}", field="attempt_id")
    return attempt


def rebuild_run(catalogue: Catalogue, attempt: TrainingAttempt) -> ModuleRun:
    """The in-memory attempt, re-marked from its stored answers against the same policy."""
    course, policy = course_and_policy(catalogue, attempt.course_id)
    if course.digest != attempt.course_digest or policy.digest != attempt.policy_digest:
        raise Conflict(
            "the course or the policy has changed since this attempt began; start the module "
            "again (your earlier results are kept against the version you took)",
            code="policy_changed",
            field="attempt_id",
        )
    if attempt.module_id == REFRESHER:
        run = ModuleRun.refresher(course, policy, list(attempt.scenario_order), attempt.seed)
    else:
        run = ModuleRun(
            course,
            course.module(attempt.module_id),
            policy,
            attempt.seed,
            list(attempt.scenario_order),
        )
    for row in sorted(attempt.answers, key=lambda a: (a.answered_at, a.try_no)):
        run.answer(
            row.scenario_id,
            LearnerAnswer(choice=row.choice, agency=row.agency, asked=list(row.asked)),
        )
    return run


def answer_scenario(
    session: Session,
    *,
    actor: Actor,
    catalogue: Catalogue,
    attempt_id: str,
    scenario_id: str,
    answer: LearnerAnswer,
    now: dt.datetime,
) -> AnswerOutcome:
    """Mark one answer, store it, and close the attempt (and earn the course) when complete."""
    now = utc(now)
    attempt = get_attempt(session, actor=actor, attempt_id=attempt_id)
    if attempt.completed_at is not None:
        raise Conflict(
            "this attempt is finished; start the module again to retake it",
            code="attempt_complete",
            field="attempt_id",
        )
    run = rebuild_run(catalogue, attempt)
    if scenario_id not in run.order:
        raise NotFound(f"scenario {scenario_id} is not in this attempt", field="scenario_id")
    if run.tries_left(scenario_id) == 0:
        raise Conflict(
            f"no tries left for scenario {scenario_id}", code="no_tries_left", field="scenario_id"
        )
    known = {q for q, _ in run.exercise(scenario_id).questions}
    unknown = sorted(set(answer.asked) - known)
    if unknown:
        raise RuleViolation(f"unknown question(s): {', '.join(unknown)}", field="asked")
    try_no = len(run.answers.get(scenario_id, [])) + 1
    feedback = run.answer(scenario_id, answer)
    last = max((a.answered_at for a in attempt.answers), default=None)
    row = TrainingAnswer(
        attempt_id=attempt.id,
        scenario_id=scenario_id,
        try_no=try_no,
        choice=answer.choice,
        agency=answer.agency,
        asked=list(dict.fromkeys(answer.asked)),
        expected_choice=feedback.expected_choice,
        expected_agency=feedback.expected_agency,
        expected_disposition=feedback.disposition,
        score=feedback.score,
        correct=feedback.passed,
        unsafe=feedback.unsafe,
        over_response=feedback.over_response,
        # strictly after the previous answer, so replay order never depends on the clock's grain
        answered_at=now if last is None or now > last else last + dt.timedelta(microseconds=1),
    )
    session.add(row)
    attempt.answers.append(row)
    xapi.answered(session, attempt, run, row, feedback, actor.name)
    _audit(
        session,
        actor,
        "training.answer",
        attempt,
        now,
        scenario=scenario_id,
        attempt_try=try_no,
        score=feedback.score,
        correct=feedback.passed,
        unsafe=feedback.unsafe,
    )
    result = run.result() if run.complete else None
    certificate = None
    if result is not None:
        attempt.completed_at = row.answered_at
        attempt.score = result.score
        attempt.passed = result.passed
        attempt.unsafe = result.unsafe
        _audit(
            session,
            actor,
            "training.attempt.completed",
            attempt,
            now,
            score=result.score,
            passed=result.passed,
        )
        if result.passed and attempt.module_id != REFRESHER:
            certificate = _issue_if_earned(session, actor, catalogue, attempt, now)
        xapi.attempt_completed(session, attempt, run, result, certificate, actor.name)
    return AnswerOutcome(feedback, run, attempt, result, certificate)


def passed_modules(
    session: Session, user_id: int, course: Course, policy_digest: str
) -> dict[str, int]:
    """Best passing score per module, under this course version and this policy."""
    rows = session.execute(
        sa.select(TrainingAttempt.module_id, sa.func.max(TrainingAttempt.score))
        .where(
            TrainingAttempt.user_id == user_id,
            TrainingAttempt.course_id == course.id,
            TrainingAttempt.course_digest == course.digest,
            TrainingAttempt.policy_digest == policy_digest,
            TrainingAttempt.passed.is_(True),
        )
        .group_by(TrainingAttempt.module_id)
    ).all()
    return {module: int(score or 0) for module, score in rows}


def _issue_if_earned(
    session: Session,
    actor: Actor,
    catalogue: Catalogue,
    attempt: TrainingAttempt,
    now: dt.datetime,
) -> TrainingCertificate | None:
    course, policy = course_and_policy(catalogue, attempt.course_id)
    passed = passed_modules(session, attempt.user_id, course, policy.digest)
    if any(m.id not in passed for m in course.modules):
        return None
    existing = session.execute(
        sa.select(TrainingCertificate).where(
            TrainingCertificate.user_id == attempt.user_id,
            TrainingCertificate.course_digest == course.digest,
            TrainingCertificate.policy_digest == policy.digest,
        )
    ).scalar_one_or_none()
    if existing is not None:
        return None
    certificate = TrainingCertificate(
        number=f"RC-{now.year}-{secrets.token_hex(4).upper()}",
        user_id=attempt.user_id,
        course_id=course.id,
        course_title=course.title,
        course_version=course.version,
        course_digest=course.digest,
        pack=policy.pack.id,
        pack_version=policy.pack.version,
        policy_digest=policy.digest,
        score=round(sum(passed.values()) / len(passed)),
        issued_at=now,
    )
    session.add(certificate)
    session.flush()
    record(
        session,
        actor=actor.name,
        action="training.certificate.issued",
        entity="training_certificate",
        entity_id=certificate.id,
        details={"course": course.id, "version": course.version, "number": certificate.number},
        at=now,
    )
    return certificate


def certificates(session: Session, *, actor: Actor) -> list[TrainingCertificate]:
    user = learner(session, actor)
    return list(
        session.execute(
            sa.select(TrainingCertificate)
            .where(TrainingCertificate.user_id == user.id)
            .order_by(TrainingCertificate.issued_at.desc())
        ).scalars()
    )
