"""A learner's progress through a course: per module, under the policy now in force and before."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.orm import Session

from rightcare.auth.actor import Actor
from rightcare.engine.policy import Policy
from rightcare.training.catalogue import Catalogue
from rightcare.training.changes import ChangedScenario, changed_scenarios
from rightcare.training.course import Course, Module
from rightcare.training.models import TrainingAttempt, TrainingCertificate
from rightcare.training.service import course_and_policy, learner


@dataclass(frozen=True)
class PastResult:
    """A completed attempt, shown with the pack version it was marked against."""

    attempt_id: str
    module_id: str
    pack_version: str
    current: bool  # taken under the course version and policy now in force
    score: int
    passed: bool
    completed_at: dt.datetime


@dataclass(frozen=True)
class ModuleProgress:
    module: Module
    best_score: int | None  # under the current course and policy
    passed: bool
    attempts: int  # all attempts, any version
    open_attempt: str | None
    history: list[PastResult] = field(default_factory=list)


@dataclass(frozen=True)
class CourseProgress:
    course: Course
    policy: Policy
    modules: list[ModuleProgress]
    certificate: TrainingCertificate | None  # for the current course version and policy
    earlier_certificates: list[TrainingCertificate]
    changed: list[ChangedScenario]

    @property
    def passed_count(self) -> int:
        return sum(m.passed for m in self.modules)

    @property
    def complete(self) -> bool:
        return self.passed_count == len(self.modules)


def course_progress(
    session: Session, *, actor: Actor, catalogue: Catalogue, course_id: str
) -> CourseProgress:
    user = learner(session, actor)
    course, policy = course_and_policy(catalogue, course_id)
    attempts = list(
        session.execute(
            sa.select(TrainingAttempt)
            .where(TrainingAttempt.user_id == user.id, TrainingAttempt.course_id == course.id)
            .order_by(TrainingAttempt.started_at.desc())
        ).scalars()
    )

    def is_current(attempt: TrainingAttempt) -> bool:
        return attempt.course_digest == course.digest and attempt.policy_digest == policy.digest

    modules = []
    for module in course.modules:
        mine = [a for a in attempts if a.module_id == module.id]
        done = [a for a in mine if a.completed_at is not None and a.score is not None]
        current_scores = [a.score for a in done if is_current(a) and a.score is not None]
        open_one = next((a.id for a in mine if a.completed_at is None and is_current(a)), None)
        modules.append(
            ModuleProgress(
                module=module,
                best_score=max(current_scores) if current_scores else None,
                passed=any(a.passed for a in done if is_current(a)),
                attempts=len(mine),
                open_attempt=open_one,
                history=[
                    PastResult(
                        attempt_id=a.id,
                        module_id=a.module_id,
                        pack_version=a.pack_version,
                        current=is_current(a),
                        score=a.score or 0,
                        passed=bool(a.passed),
                        completed_at=a.completed_at or a.started_at,
                    )
                    for a in done
                ],
            )
        )
    certificates = list(
        session.execute(
            sa.select(TrainingCertificate)
            .where(
                TrainingCertificate.user_id == user.id,
                TrainingCertificate.course_id == course.id,
            )
            .order_by(TrainingCertificate.issued_at.desc())
        ).scalars()
    )
    current_certificate = next(
        (
            c
            for c in certificates
            if c.course_digest == course.digest and c.policy_digest == policy.digest
        ),
        None,
    )
    return CourseProgress(
        course=course,
        policy=policy,
        modules=modules,
        certificate=current_certificate,
        earlier_certificates=[c for c in certificates if c is not current_certificate],
        changed=changed_scenarios(
            session, catalogue=catalogue, course_id=course.id, user_id=user.id
        ),
    )
