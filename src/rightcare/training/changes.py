"""When the policy changes: which scenarios now have a different answer, and for whom.

Every stored answer records what the policy expected when it was given. A scenario has
changed when the policy now loaded expects something else (response, agency or disposition)
than it did for an answer given under an earlier policy. Trainers see every changed scenario
with how many learners answered it under the old rule; a learner is offered the changed ones
they answered before and have not yet answered under the current policy. Past results are
never re-marked: they stay tied to the pack version they were taken against.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from rightcare.engine.vocab import Agency
from rightcare.training.catalogue import Catalogue
from rightcare.training.exercise import Choice, prepare_cached
from rightcare.training.models import TrainingAnswer, TrainingAttempt


@dataclass(frozen=True)
class ChangedScenario:
    scenario_id: str
    title: str
    was_pack_version: str
    was_choice: Choice
    was_agency: Agency
    was_disposition: str
    now_choice: Choice
    now_agency: Agency
    now_disposition: str
    learners: int  # who answered it under the earlier policy

    @property
    def response_changed(self) -> bool:
        return self.was_choice is not self.now_choice


def changed_scenarios(
    session: Session, *, catalogue: Catalogue, course_id: str, user_id: int | None = None
) -> list[ChangedScenario]:
    """Scenarios whose expected answer differs now from when they were answered.

    With `user_id`, only that learner's answers count, and a scenario they have already
    answered under the current policy is not offered again.
    """
    course = catalogue.course(course_id)
    policy = catalogue.policy_for(course)
    where = [
        TrainingAttempt.course_id == course.id,
        TrainingAttempt.policy_digest != policy.digest,
    ]
    if user_id is not None:
        where.append(TrainingAttempt.user_id == user_id)
    rows = session.execute(
        sa.select(
            TrainingAnswer.scenario_id,
            TrainingAttempt.pack_version,
            TrainingAnswer.expected_choice,
            TrainingAnswer.expected_agency,
            TrainingAnswer.expected_disposition,
            sa.func.count(sa.distinct(TrainingAttempt.user_id)),
            sa.func.max(TrainingAnswer.answered_at),
        )
        .join(TrainingAttempt, TrainingAnswer.attempt_id == TrainingAttempt.id)
        .where(*where)
        .group_by(
            TrainingAnswer.scenario_id,
            TrainingAttempt.pack_version,
            TrainingAnswer.expected_choice,
            TrainingAnswer.expected_agency,
            TrainingAnswer.expected_disposition,
        )
        .order_by(sa.func.max(TrainingAnswer.answered_at).desc())
    ).all()
    redone: set[str] = set()
    if user_id is not None:
        redone = set(
            session.execute(
                sa.select(TrainingAnswer.scenario_id)
                .join(TrainingAttempt, TrainingAnswer.attempt_id == TrainingAttempt.id)
                .where(
                    TrainingAttempt.user_id == user_id,
                    TrainingAttempt.course_id == course.id,
                    TrainingAttempt.policy_digest == policy.digest,
                )
            ).scalars()
        )
    found: dict[str, ChangedScenario] = {}
    for scenario_id, version, choice, agency, disposition, learners, _ in rows:
        if scenario_id in found or scenario_id in redone:
            continue  # the newest earlier answer is the one compared
        try:
            scenario = course.scenario(scenario_id)
        except KeyError:
            continue  # no longer in the course: nothing to retake
        now = prepare_cached(policy, scenario)
        if (choice, agency, disposition) == (now.choice, now.agency, now.assessment.disposition):
            continue
        found[scenario_id] = ChangedScenario(
            scenario_id=scenario_id,
            title=scenario.title,
            was_pack_version=version,
            was_choice=choice,
            was_agency=agency,
            was_disposition=disposition,
            now_choice=now.choice,
            now_agency=now.agency,
            now_disposition=now.assessment.disposition,
            learners=learners,
        )
    return sorted(found.values(), key=lambda c: c.scenario_id)
