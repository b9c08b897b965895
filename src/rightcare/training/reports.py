"""Trainer services: cohorts, who has completed what, which scenarios are hard, results as CSV.

Like the learner services: the session first, keyword-only typed arguments, nothing commits (the
caller owns the unit of work), and every state change (a cohort created, a member added, results
exported) writes an audit entry in the same transaction. Only people with the trainer role may
call them. Reports read the stored answers as they were marked at the time, so a result taken
under an earlier policy keeps the mark it got then.

What leaves in a report is staff usernames and scores: no display names and nothing about any
caller (the training tables hold none).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from rightcare.audit import record
from rightcare.auth.actor import Actor
from rightcare.auth.models import Role, User
from rightcare.calls.access import utc
from rightcare.calls.errors import Conflict, Forbidden, NotFound, RuleViolation
from rightcare.engine.vocab import Agency
from rightcare.training.catalogue import Catalogue
from rightcare.training.changes import ChangedScenario, changed_scenarios
from rightcare.training.course import Course
from rightcare.training.exercise import Choice
from rightcare.training.models import (
    TrainingAnswer,
    TrainingAttempt,
    TrainingCertificate,
    TrainingCohort,
    TrainingCohortMember,
)
from rightcare.training.service import passed_modules

NAME_LIMIT = 120
CSV_COLUMNS = (
    "username",
    "course",
    "course_version",
    "module",
    "pack_version",
    "policy_digest",
    "score",
    "passed",
    "unsafe",
    "completed_at",
)
# A spreadsheet runs a cell that starts with one of these as a formula (OWASP CSV injection).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def require_trainer(actor: Actor) -> None:
    """Trainer reports are for people with the trainer role, never for API tokens."""
    if actor.kind != "user" or not actor.has(Role.TRAINER):
        raise Forbidden("only trainers can see cohorts and training results")


def _audit(
    session: Session,
    actor: Actor,
    action: str,
    cohort: TrainingCohort,
    now: dt.datetime,
    **details: object,
) -> None:
    session.flush()
    record(
        session,
        actor=actor.name,
        action=action,
        entity="training_cohort",
        entity_id=cohort.id,
        details={"course": cohort.course_id, **details},
        at=now,
    )


@dataclass(frozen=True)
class CohortSummary:
    cohort: TrainingCohort
    members: int


def list_cohorts(session: Session, *, actor: Actor) -> list[CohortSummary]:
    require_trainer(actor)
    cohorts = session.execute(sa.select(TrainingCohort).order_by(TrainingCohort.name)).scalars()
    return [CohortSummary(c, len(c.members)) for c in cohorts]


def get_cohort(session: Session, *, actor: Actor, cohort_id: str) -> TrainingCohort:
    require_trainer(actor)
    cohort = session.get(TrainingCohort, cohort_id)
    if cohort is None:
        raise NotFound(f"no cohort with id {cohort_id}", field="cohort_id")
    return cohort


def create_cohort(
    session: Session,
    *,
    actor: Actor,
    catalogue: Catalogue,
    name: str,
    course_id: str,
    now: dt.datetime,
) -> TrainingCohort:
    require_trainer(actor)
    now = utc(now)
    name = " ".join(name.split())  # a pasted name keeps no stray spaces or line breaks
    if not name:
        raise RuleViolation("give the cohort a name", code="name_missing", field="name")
    if len(name) > NAME_LIMIT:
        raise RuleViolation(
            f"keep the cohort name to {NAME_LIMIT} characters or fewer",
            code="name_too_long",
            field="name",
        )
    if course_id not in catalogue.courses:
        raise NotFound("choose a course from the list", field="course")
    taken = session.scalar(sa.select(TrainingCohort.id).where(TrainingCohort.name == name))
    if taken is not None:
        raise Conflict(f"there is already a cohort called {name}", code="name_taken", field="name")
    cohort = TrainingCohort(name=name, course_id=course_id, created_at=now, created_by=actor.name)
    session.add(cohort)
    _audit(session, actor, "training.cohort.created", cohort, now, title=name)
    return cohort


def add_member(
    session: Session, *, actor: Actor, cohort_id: str, username: str, now: dt.datetime
) -> TrainingCohortMember:
    cohort = get_cohort(session, actor=actor, cohort_id=cohort_id)
    now = utc(now)
    username = username.strip()
    user = session.execute(sa.select(User).where(User.username == username)).scalar_one_or_none()
    if user is None or not user.active:
        raise NotFound(
            f"there is no active account with the username {username or '(blank)'}",
            field="username",
        )
    if any(m.user_id == user.id for m in cohort.members):
        raise Conflict(
            f"{username} is already in this cohort", code="already_member", field="username"
        )
    member = TrainingCohortMember(cohort_id=cohort.id, user_id=user.id, added_at=now)
    cohort.members.append(member)
    _audit(session, actor, "training.cohort.member_added", cohort, now, username=username)
    return member


@dataclass(frozen=True)
class MemberCompletion:
    username: str
    modules_passed: int  # under the course version and policy now in force
    modules: int
    last_activity: dt.datetime | None
    certificate: bool  # for the course version and policy now in force


@dataclass(frozen=True)
class ScenarioDifficulty:
    scenario_id: str
    title: str
    answers: int  # first tries: how many times the scenario was met
    right_first_time: int

    @property
    def share_right(self) -> float:
        return self.right_first_time / self.answers if self.answers else 0.0


@dataclass(frozen=True)
class CommonWrongAnswer:
    scenario_id: str
    title: str
    choice: Choice
    agency: Agency | None
    count: int


@dataclass(frozen=True)
class CohortReport:
    cohort: TrainingCohort
    course: Course | None  # None when the course is no longer in the catalogue
    completion: list[MemberCompletion]
    difficulty: list[ScenarioDifficulty]
    wrong_answers: list[CommonWrongAnswer]
    changed: list[ChangedScenario]


def _members(session: Session, cohort: TrainingCohort) -> list[User]:
    ids = [m.user_id for m in cohort.members]
    if not ids:
        return []
    return list(
        session.execute(sa.select(User).where(User.id.in_(ids)).order_by(User.username)).scalars()
    )


def _course(catalogue: Catalogue, course_id: str) -> Course | None:
    return catalogue.courses.get(course_id)


def _title(course: Course | None, scenario_id: str) -> str:
    if course is None:
        return scenario_id
    try:
        return course.scenario(scenario_id).title
    except KeyError:
        return scenario_id  # left the course since: still reported, by id


def _cohort_attempts(
    cohort: TrainingCohort, user_ids: Sequence[int]
) -> list[sa.ColumnElement[bool]]:
    return [TrainingAttempt.course_id == cohort.course_id, TrainingAttempt.user_id.in_(user_ids)]


def completion(
    session: Session, *, actor: Actor, catalogue: Catalogue, cohort: TrainingCohort
) -> list[MemberCompletion]:
    require_trainer(actor)
    course = _course(catalogue, cohort.course_id)
    policy = catalogue.policy_for(course) if course is not None else None
    rows = []
    for user in _members(session, cohort):
        where = [TrainingAttempt.user_id == user.id, TrainingAttempt.course_id == cohort.course_id]
        answered = session.scalar(
            sa.select(sa.func.max(TrainingAnswer.answered_at))
            .join(TrainingAttempt, TrainingAnswer.attempt_id == TrainingAttempt.id)
            .where(*where)
        )
        started = session.scalar(sa.select(sa.func.max(TrainingAttempt.started_at)).where(*where))
        moments = [utc(m) for m in (answered, started) if m is not None]
        passed: dict[str, int] = {}
        certified = False
        if course is not None and policy is not None:
            passed = passed_modules(session, user.id, course, policy.digest)
            certified = (
                session.scalar(
                    sa.select(TrainingCertificate.id).where(
                        TrainingCertificate.user_id == user.id,
                        TrainingCertificate.course_digest == course.digest,
                        TrainingCertificate.policy_digest == policy.digest,
                    )
                )
                is not None
            )
        module_ids = {m.id for m in course.modules} if course is not None else set()
        rows.append(
            MemberCompletion(
                username=user.username,
                modules_passed=len(module_ids & set(passed)),
                modules=len(module_ids),
                last_activity=max(moments) if moments else None,
                certificate=certified,
            )
        )
    return rows


def difficulty(
    session: Session, *, actor: Actor, catalogue: Catalogue, cohort: TrainingCohort
) -> list[ScenarioDifficulty]:
    """Per scenario: how often it was met and answered right first time; hardest first."""
    require_trainer(actor)
    user_ids = [m.user_id for m in cohort.members]
    if not user_ids:
        return []
    right = sa.func.sum(sa.case((TrainingAnswer.correct.is_(True), 1), else_=0))
    rows = session.execute(
        sa.select(TrainingAnswer.scenario_id, sa.func.count(), right)
        .join(TrainingAttempt, TrainingAnswer.attempt_id == TrainingAttempt.id)
        .where(TrainingAnswer.try_no == 1, *_cohort_attempts(cohort, user_ids))
        .group_by(TrainingAnswer.scenario_id)
    ).all()
    course = _course(catalogue, cohort.course_id)
    found = [
        ScenarioDifficulty(sid, _title(course, sid), int(count), int(ok or 0))
        for sid, count, ok in rows
    ]
    return sorted(found, key=lambda d: (d.share_right, -d.answers, d.scenario_id))


def wrong_answers(
    session: Session,
    *,
    actor: Actor,
    catalogue: Catalogue,
    cohort: TrainingCohort,
    limit: int = 10,
) -> list[CommonWrongAnswer]:
    """The wrong answers (any try) given most often: the same mistake made by many."""
    require_trainer(actor)
    user_ids = [m.user_id for m in cohort.members]
    if not user_ids:
        return []
    count = sa.func.count().label("n")
    rows = session.execute(
        sa.select(TrainingAnswer.scenario_id, TrainingAnswer.choice, TrainingAnswer.agency, count)
        .join(TrainingAttempt, TrainingAnswer.attempt_id == TrainingAttempt.id)
        .where(TrainingAnswer.correct.is_(False), *_cohort_attempts(cohort, user_ids))
        .group_by(TrainingAnswer.scenario_id, TrainingAnswer.choice, TrainingAnswer.agency)
        .order_by(count.desc(), TrainingAnswer.scenario_id)
        .limit(limit)
    ).all()
    course = _course(catalogue, cohort.course_id)
    return [
        CommonWrongAnswer(sid, _title(course, sid), choice, agency, int(n))
        for sid, choice, agency, n in rows
    ]


def cohort_report(
    session: Session, *, actor: Actor, catalogue: Catalogue, cohort_id: str
) -> CohortReport:
    """Everything the trainer's cohort page shows."""
    cohort = get_cohort(session, actor=actor, cohort_id=cohort_id)
    course = _course(catalogue, cohort.course_id)
    return CohortReport(
        cohort=cohort,
        course=course,
        completion=completion(session, actor=actor, catalogue=catalogue, cohort=cohort),
        difficulty=difficulty(session, actor=actor, catalogue=catalogue, cohort=cohort),
        wrong_answers=wrong_answers(session, actor=actor, catalogue=catalogue, cohort=cohort),
        # every learner's answers count here, not only the cohort's: trainers brief on the rule
        changed=(
            changed_scenarios(session, catalogue=catalogue, course_id=course.id)
            if course is not None
            else []
        ),
    )


def safe_cell(value: object) -> str:
    """A cell as text a spreadsheet shows and never runs as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def results_csv(session: Session, *, actor: Actor, cohort_id: str, now: dt.datetime) -> str:
    """One row per completed module attempt by a cohort member (the export is audited)."""
    cohort = get_cohort(session, actor=actor, cohort_id=cohort_id)
    user_ids = [m.user_id for m in cohort.members]
    rows = (
        session.execute(
            sa.select(User.username, TrainingAttempt)
            .join(User, User.id == TrainingAttempt.user_id)
            .where(TrainingAttempt.completed_at.is_not(None), *_cohort_attempts(cohort, user_ids))
            .order_by(User.username, TrainingAttempt.completed_at, TrainingAttempt.id)
        ).all()
        if user_ids
        else []
    )
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")  # RFC 4180
    writer.writerow(CSV_COLUMNS)
    for username, attempt in rows:
        completed = attempt.completed_at
        writer.writerow(
            safe_cell(value)
            for value in (
                username,
                attempt.course_id,
                attempt.course_version,
                attempt.module_id,
                attempt.pack_version,
                attempt.policy_digest,
                attempt.score,
                "yes" if attempt.passed else "no",
                attempt.unsafe,
                utc(completed).isoformat() if completed is not None else "",
            )
        )
    _audit(session, actor, "training.results.exported", cohort, utc(now), rows=len(rows))
    return out.getvalue()
