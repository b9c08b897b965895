"""When the pack changes: past results stay with the version they were taken against, trainers
see which scenarios now have a different answer, and learners are offered those again."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from sqlalchemy.orm import Session

from rightcare.auth.actor import Actor
from rightcare.auth.models import Role
from rightcare.calls.errors import Conflict
from rightcare.engine.store import default_pack_dir, load_policy_set
from rightcare.training.catalogue import Catalogue, load_catalogue
from rightcare.training.changes import changed_scenarios
from rightcare.training.exercise import Choice, LearnerAnswer, prepare_cached
from rightcare.training.progress import course_progress
from rightcare.training.run import REFRESHER
from rightcare.training.service import answer_scenario, start_attempt
from tests.training.conftest import MINI_COURSE, add_user

NOW = dt.datetime(2026, 11, 28, 10, 0, tzinfo=dt.UTC)
LATER = NOW + dt.timedelta(days=30)
LEARNER = Actor(name="lee.learner", roles=frozenset({Role.CALL_HANDLER}), can_see_personal=False)


@pytest.fixture(scope="module")
def amended(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    """The national pack as 2026.2, where an uninjured fall is now for adult social care."""
    pack = tmp_path_factory.mktemp("pack") / "national"
    shutil.copytree(default_pack_dir(), pack)
    index = pack / "pack.yaml"
    index.write_text(index.read_text().replace('version: "2026.1"', 'version: "2026.2"', 1))
    medical = pack / "medical.yaml"
    text = medical.read_text()
    start = text.index("  - code: FALL-01")
    head, tail = text[:start], text[start:]
    tail = tail.replace("lead_agency: ambulance", "lead_agency: adult_social_care", 1)
    medical.write_text(head + tail)
    return load_catalogue([MINI_COURSE], policies=load_policy_set(pack, []))


def _right(catalogue: Catalogue, scenario_id: str) -> LearnerAnswer:
    course = catalogue.course("mini")
    exercise = prepare_cached(catalogue.policy_for(course), course.scenario(scenario_id))
    agency = None if exercise.choice is Choice.DUTY else exercise.agency
    return LearnerAnswer(choice=exercise.choice, agency=agency)


def _take_falls(session: Session, catalogue: Catalogue, now: dt.datetime) -> str:
    attempt = start_attempt(
        session, actor=LEARNER, catalogue=catalogue, course_id="mini", module_id="falls", now=now
    )
    for scenario_id in attempt.scenario_order:
        answer_scenario(
            session,
            actor=LEARNER,
            catalogue=catalogue,
            attempt_id=attempt.id,
            scenario_id=scenario_id,
            answer=_right(catalogue, scenario_id),
            now=now,
        )
    return attempt.id


def test_the_changed_scenario_is_listed_for_trainers_with_before_and_after(
    session: Session, mini: Catalogue, amended: Catalogue
) -> None:
    add_user(session, LEARNER.name)
    _take_falls(session, mini, NOW)
    assert changed_scenarios(session, catalogue=mini, course_id="mini") == []
    changed = changed_scenarios(session, catalogue=amended, course_id="mini")
    assert [c.scenario_id for c in changed] == ["CFW-001"]  # CFW-002 did not change
    (fall,) = changed
    assert fall.was_pack_version == "2026.1"
    assert (fall.was_agency, fall.now_agency) == ("ambulance", "adult_social_care")
    assert not fall.response_changed and fall.learners == 1


def test_past_results_stay_with_the_pack_version_they_were_taken_against(
    session: Session, mini: Catalogue, amended: Catalogue
) -> None:
    add_user(session, LEARNER.name)
    _take_falls(session, mini, NOW)
    before = course_progress(session, actor=LEARNER, catalogue=mini, course_id="mini")
    assert before.modules[0].passed
    after = course_progress(session, actor=LEARNER, catalogue=amended, course_id="mini")
    falls = after.modules[0]
    assert not falls.passed and falls.best_score is None  # not passed under 2026.2 yet
    (past,) = falls.history
    assert past.pack_version == "2026.1" and not past.current and past.passed
    assert past.score == before.modules[0].best_score


def test_the_learner_is_offered_the_changed_scenarios_until_they_take_them_again(
    session: Session, mini: Catalogue, amended: Catalogue
) -> None:
    add_user(session, LEARNER.name)
    _take_falls(session, mini, NOW)
    offered = course_progress(session, actor=LEARNER, catalogue=amended, course_id="mini").changed
    assert [c.scenario_id for c in offered] == ["CFW-001"]
    refresher = start_attempt(
        session,
        actor=LEARNER,
        catalogue=amended,
        course_id="mini",
        module_id=REFRESHER,
        now=LATER,
        scenario_ids=[c.scenario_id for c in offered],
    )
    assert refresher.module_id == REFRESHER and refresher.pack_version == "2026.2"
    outcome = answer_scenario(
        session,
        actor=LEARNER,
        catalogue=amended,
        attempt_id=refresher.id,
        scenario_id="CFW-001",
        answer=_right(amended, "CFW-001"),
        now=LATER,
    )
    assert outcome.feedback.expected_agency == "adult_social_care" and outcome.feedback.passed
    assert outcome.certificate is None  # a refresher is practice, not a module pass
    again = course_progress(session, actor=LEARNER, catalogue=amended, course_id="mini").changed
    assert again == []


def test_an_attempt_begun_under_the_old_policy_cannot_be_finished_under_the_new(
    session: Session, mini: Catalogue, amended: Catalogue
) -> None:
    add_user(session, LEARNER.name)
    attempt = start_attempt(
        session, actor=LEARNER, catalogue=mini, course_id="mini", module_id="falls", now=NOW
    )
    with pytest.raises(Conflict, match="policy has changed") as refused:
        answer_scenario(
            session,
            actor=LEARNER,
            catalogue=amended,
            attempt_id=attempt.id,
            scenario_id="CFW-001",
            answer=_right(amended, "CFW-001"),
            now=LATER,
        )
    assert refused.value.code == "policy_changed"
    fresh = start_attempt(
        session, actor=LEARNER, catalogue=amended, course_id="mini", module_id="falls", now=LATER
    )
    assert fresh.id != attempt.id  # the stale attempt is not resumed


def test_a_certificate_names_the_policy_it_was_earned_under_and_survives_a_change(
    session: Session, mini: Catalogue, amended: Catalogue
) -> None:
    add_user(session, LEARNER.name)
    _take_falls(session, mini, NOW)
    attempt = start_attempt(
        session, actor=LEARNER, catalogue=mini, course_id="mini", module_id="awol", now=NOW
    )
    outcome = answer_scenario(
        session,
        actor=LEARNER,
        catalogue=mini,
        attempt_id=attempt.id,
        scenario_id="AWL-001",
        answer=_right(mini, "AWL-001"),
        now=NOW,
    )
    assert outcome.certificate is not None
    assert outcome.certificate.pack_version == "2026.1"
    after = course_progress(session, actor=LEARNER, catalogue=amended, course_id="mini")
    assert after.certificate is None
    assert [c.pack_version for c in after.earlier_certificates] == ["2026.1"]
