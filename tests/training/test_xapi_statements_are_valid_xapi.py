"""Statements built from a real module run are valid xAPI 1.0.3; broken ones are refused."""

from __future__ import annotations

import copy
import datetime as dt
import uuid
from collections.abc import Callable
from typing import Any

import pytest
from ralph.models.xapi.base.statements import BaseXapiStatement

from rightcare.engine.vocab import Agency
from rightcare.training.catalogue import Catalogue
from rightcare.training.exercise import Choice, LearnerAnswer
from rightcare.training.models import TrainingAnswer, TrainingAttempt
from rightcare.training.run import ModuleRun
from rightcare.training.xapi import emit
from rightcare.training.xapi import statements as xs
from rightcare.training.xapi.validate import InvalidStatement, validate_statement

NAMES = xs.XapiNames(
    homepage="https://lms.force.invalid", activity_base="https://lms.force.invalid/xapi"
)
AT = dt.datetime(2026, 11, 28, 10, 0, 0, 123456, tzinfo=dt.UTC)
ADL = "http://adlnet.gov/expapi/"


def _attempt(run: ModuleRun) -> TrainingAttempt:
    return TrainingAttempt(
        id=str(uuid.uuid4()),
        user_id=7,
        course_id=run.course.id,
        course_version=run.course.version,
        course_digest=run.course.digest,
        module_id=run.module.id,
        pack=run.policy.pack.id,
        pack_version=run.policy.pack.version,
        policy_digest=run.policy.digest,
        seed=run.seed,
        scenario_order=list(run.order),
        started_at=AT,
    )


def _statements(mini: Catalogue, username: str = "lee.learner") -> list[dict[str, Any]]:
    """attempted, one answered per try (a wrong one first), completed, passed/failed, course."""
    course = mini.course("mini")
    run = ModuleRun.start(course, "falls", mini.policy_for(course), seed=1)
    attempt = _attempt(run)
    facts = emit.attempt_facts(NAMES, attempt, run, username)
    built = [xs.attempted(NAMES, facts, statement_id=str(uuid.uuid4()), at=AT)]
    for n, scenario_id in enumerate(run.order):
        exercise = run.exercise(scenario_id)
        wrong = Choice.OTHER_AGENCY if exercise.choice is Choice.DUTY else Choice.DUTY
        answers = [LearnerAnswer(choice=wrong, agency=Agency.AMBULANCE, asked=[])] if n == 0 else []
        answers.append(
            LearnerAnswer(
                choice=exercise.choice,
                agency=None if exercise.choice is Choice.DUTY else exercise.agency,
                asked=[k.id for k in exercise.key_questions],
            )
        )
        for try_no, answer in enumerate(answers, start=1):
            feedback = run.answer(scenario_id, answer)
            row = TrainingAnswer(
                scenario_id=scenario_id,
                try_no=try_no,
                choice=answer.choice,
                agency=answer.agency,
                asked=list(answer.asked),
                answered_at=AT,
            )
            built.append(
                xs.answered(
                    NAMES,
                    facts,
                    emit.answer_facts(run, row, feedback),
                    statement_id=str(uuid.uuid4()),
                    at=AT,
                )
            )
    result = run.result()
    for verb in (xs.Verb.COMPLETED, xs.Verb.PASSED, xs.Verb.FAILED):
        built.append(
            xs.module_finished(
                NAMES,
                facts,
                verb=verb,
                score=result.score,
                passed=result.passed,
                answered_count=result.answered,
                correct=result.correct,
                unsafe=result.unsafe,
                statement_id=str(uuid.uuid4()),
                at=AT,
            )
        )
    built.append(
        xs.course_passed(
            NAMES,
            facts,
            score=95,
            certificate="RC-2026-0A1B2C3D",
            statement_id=str(uuid.uuid4()),
            at=AT,
        )
    )
    return built


def test_every_statement_of_a_module_attempt_is_valid_xapi(mini: Catalogue) -> None:
    built = _statements(mini)
    assert [s["verb"]["id"].rsplit("/", 1)[1] for s in built] == [
        "attempted",
        "answered",
        "answered",
        "answered",
        "completed",
        "passed",
        "failed",
        "passed",
    ]
    for statement in built:
        validate_statement(statement)
        BaseXapiStatement.model_validate(statement)  # ralph's own model, as its LRS reads it
        assert statement["actor"] == {
            "objectType": "Agent",
            "account": {"homePage": "https://lms.force.invalid", "name": "lee.learner"},
        }
        assert statement["verb"]["id"].startswith(ADL + "verbs/")
        assert statement["verb"]["display"] == {"en-GB": statement["verb"]["id"].rsplit("/", 1)[1]}
        assert statement["timestamp"] == "2026-11-28T10:00:00.123Z"
        context = statement["context"]
        assert uuid.UUID(context["registration"])
        assert context["platform"] == "rightcare" and context["language"] == "en-GB"
        assert set(context["extensions"]) == {
            f"https://lms.force.invalid/xapi/extensions/{key}"
            for key in ("course-version", "course-digest", "pack", "pack-version", "policy-digest")
        }
        assert "version" not in statement  # the LRS sets it; the header says 1.0.3


def test_an_answer_is_a_choice_interaction_scored_out_of_100_with_what_was_missed(
    mini: Catalogue,
) -> None:
    wrong, right = _statements(mini)[1:3]
    scenario = wrong["object"]
    assert scenario["id"].startswith("https://lms.force.invalid/xapi/scenarios/")
    definition = scenario["definition"]
    assert definition["type"] == ADL + "activities/cmi.interaction"
    assert definition["interactionType"] == "choice"
    ids = [c["id"] for c in definition["choices"]]
    assert ids[:3] == ["duty", "may_choose", "other_agency"] and "ambulance" in ids
    assert wrong["result"]["success"] is False and right["result"]["success"] is True
    assert right["result"]["response"] in definition["correctResponsesPattern"]
    assert wrong["result"]["response"].endswith("[,]ambulance")
    assert right["result"]["score"] == {"scaled": 1.0, "raw": 100, "min": 0, "max": 100}
    missed = wrong["result"]["extensions"][
        "https://lms.force.invalid/xapi/extensions/key-questions-missed"
    ]
    asked = right["result"]["extensions"][
        "https://lms.force.invalid/xapi/extensions/questions-asked"
    ]
    assert set(missed) <= set(asked)
    assert wrong["result"]["extensions"]["https://lms.force.invalid/xapi/extensions/try"] == 1
    assert right["result"]["extensions"]["https://lms.force.invalid/xapi/extensions/try"] == 2
    parents = right["context"]["contextActivities"]
    assert parents["parent"][0]["id"] == "https://lms.force.invalid/xapi/courses/mini/modules/falls"
    assert parents["grouping"][0]["id"] == "https://lms.force.invalid/xapi/courses/mini"
    assert parents["parent"][0]["definition"]["type"] == ADL + "activities/module"


def test_a_username_that_looks_like_an_email_never_reaches_the_lrs(mini: Catalogue) -> None:
    for statement in _statements(mini, username="lee@force.police.invalid"):
        assert statement["actor"]["account"]["name"] == "learner-7"
        assert "@" not in str(statement)


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(statement: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        target: Any = statement
        for part in parents:
            target = target[int(part)] if isinstance(target, list) else target[part]
        target[last] = value

    return change


BROKEN = {
    "scaled above 1": _set("result.score.scaled", 1.5),
    "raw above max": _set("result.score.raw", 101),
    "raw below min": _set("result.score.raw", -1),
    "a zoneless timestamp": _set("timestamp", "2026-11-28T10:00:00"),
    "not a time": _set("timestamp", "yesterday"),
    "a verb that is no IRI": _set("verb.id", "answered"),
    "an id that is no UUID": _set("id", "statement-1"),
    "a registration that is no UUID": _set("context.registration", "attempt-1"),
    "an e-mail actor": _set("actor", {"mbox": "mailto:lee@force.invalid"}),
    "a named actor": _set("actor.name", "Lee Learner"),
    "an empty display": _set("verb.display", {"en-GB": ""}),
    "a bad language tag": _set("context.language", "english please"),
    "a response that is no choice": _set("result.response", "arrest"),
    "an unknown property": _set("result.feeling", "good"),
    "an extension key that is no IRI": _set("context.extensions", {"pack": "national-rcrp"}),
    "a success that is a string": _set("result.success", "yes"),
}


@pytest.mark.parametrize("broken", BROKEN, ids=list(BROKEN))
def test_a_broken_statement_is_refused_before_it_is_queued(mini: Catalogue, broken: str) -> None:
    statement = copy.deepcopy(_statements(mini)[2])
    validate_statement(statement)
    BROKEN[broken](statement)
    with pytest.raises(InvalidStatement) as refused:
        validate_statement(statement)
    assert refused.value.problems


def test_a_duty_to_attend_is_right_with_or_without_an_agency_named(mini: Catalogue) -> None:
    facts = xs.AnswerFacts(
        scenario_id="CFW-001",
        scenario_title="A fall at home",
        choices=[("duty", "Duty"), ("may_choose", "May"), ("other_agency", "Other"), ("gp", "GP")],
        expected_choice="duty",
        expected_agency=None,
        choice="duty",
        agency="gp",
        asked=[],
        missed=[],
        score=100,
        passed=True,
        unsafe=False,
        over_response=False,
        try_no=1,
    )
    activity = xs.scenario_activity(NAMES, facts)
    assert activity["definition"]["correctResponsesPattern"] == ["duty", "duty[,]gp"]


def test_statement_times_must_be_aware() -> None:
    with pytest.raises(ValueError, match="timezone"):
        xs.timestamp(dt.datetime(2026, 11, 28, 10, 0))
