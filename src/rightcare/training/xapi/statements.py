"""xAPI 1.0.3 statements for training: pure builders, no database, no clock, no I/O.

What a Learning Record Store is told, and what it is not:
- the learner is an `account` on the configured home page, named by their rightcare username
  (a username that looks like an e-mail address is replaced by `learner-<id>`), never a real
  name or an e-mail address;
- courses, modules and scenarios are activities with IRIs under the configured activity base;
  a scenario is a `choice` interaction whose choices are the three responses and the agencies;
- every statement carries the attempt as its registration and the course version, course
  digest, pack, pack version and policy digest, so a result stays tied to the policy it was
  marked against when the pack changes.

The statement id is chosen by the caller and stored in the outbox, so a retry re-sends the same
statement and the LRS stores it once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any
from urllib.parse import quote

from rightcare.training.exercise import Choice

XAPI_VERSION = "1.0.3"
LANGUAGE = "en-GB"
PLATFORM = "rightcare"
SCENARIO_QUESTION = (
    "Hear the call, ask the key questions, then decide: police have a duty to attend, police "
    "may choose to attend, or another agency is better placed (and which)."
)
RESPONSE_SEPARATOR = "[,]"  # xAPI's delimiter between the ids of a multi-choice response


class Verb(StrEnum):
    """The ADL registry verbs training uses."""

    ATTEMPTED = "http://adlnet.gov/expapi/verbs/attempted"
    ANSWERED = "http://adlnet.gov/expapi/verbs/answered"
    COMPLETED = "http://adlnet.gov/expapi/verbs/completed"
    PASSED = "http://adlnet.gov/expapi/verbs/passed"
    FAILED = "http://adlnet.gov/expapi/verbs/failed"

    @property
    def display(self) -> str:
        return self.rsplit("/", 1)[1]


class ActivityType(StrEnum):
    COURSE = "http://adlnet.gov/expapi/activities/course"
    MODULE = "http://adlnet.gov/expapi/activities/module"
    INTERACTION = "http://adlnet.gov/expapi/activities/cmi.interaction"


@dataclass(frozen=True)
class XapiNames:
    """Where learners and activities are named: from settings, so each force can use its own."""

    homepage: str
    activity_base: str

    def course(self, course_id: str) -> str:
        return f"{self.activity_base}/courses/{_segment(course_id)}"

    def module(self, course_id: str, module_id: str) -> str:
        return f"{self.course(course_id)}/modules/{_segment(module_id)}"

    def scenario(self, scenario_id: str) -> str:
        # The library's scenario, not the course's: the same scenario in two courses is one
        # activity, so its difficulty can be compared across courses.
        return f"{self.activity_base}/scenarios/{_segment(scenario_id)}"

    def extension(self, name: str) -> str:
        return f"{self.activity_base}/extensions/{_segment(name)}"

    def account_name(self, username: str, user_id: int) -> str:
        """The username; `learner-<id>` when it looks like an e-mail (personal data)."""
        return f"learner-{user_id}" if "@" in username else username


@dataclass(frozen=True)
class AttemptFacts:
    """One learner's attempt at one module, and the course and policy it was taken against."""

    attempt_id: str  # a UUID: the statements' registration
    learner: str  # the account name (see XapiNames.account_name)
    course_id: str
    course_title: str
    course_summary: str
    course_version: str
    course_digest: str
    module_id: str
    module_title: str
    module_summary: str
    pack: str
    pack_version: str
    policy_digest: str


@dataclass(frozen=True)
class AnswerFacts:
    """One answer to one scenario, as marked (a retry is another answer)."""

    scenario_id: str
    scenario_title: str
    choices: Sequence[tuple[str, str]]  # (id, label): the three responses, then the agencies
    expected_choice: str
    expected_agency: str | None  # None when police have a duty (no agency is asked for)
    choice: str
    agency: str | None
    asked: Sequence[str]  # question ids asked, in order
    missed: Sequence[str]  # key question ids not asked
    score: int  # 0-100
    passed: bool
    unsafe: bool
    over_response: bool
    try_no: int


def timestamp(at: dt.datetime) -> str:
    """ISO 8601 in UTC with millisecond precision, the precision an LRS must keep."""
    if at.tzinfo is None or at.utcoffset() is None:
        raise ValueError("statement times must be timezone-aware")
    return at.astimezone(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def response(choice: str, agency: str | None) -> str:
    return RESPONSE_SEPARATOR.join([choice, agency] if agency else [choice])


def _segment(value: str) -> str:
    return quote(value, safe="")


def _lang(text: str) -> dict[str, str]:
    return {LANGUAGE: text}


def _definition(name: str, description: str, kind: ActivityType, **more: Any) -> dict[str, Any]:
    # xAPI refuses empty strings outside extensions, so an empty description is left out.
    body: dict[str, Any] = {"name": _lang(name), "type": kind.value}
    if description.strip():
        body["description"] = _lang(description.strip())
    return {**body, **more}


def _score(raw: int) -> dict[str, Any]:
    raw = max(0, min(100, raw))
    return {"scaled": round(raw / 100, 2), "raw": raw, "min": 0, "max": 100}


def course_activity(names: XapiNames, facts: AttemptFacts) -> dict[str, Any]:
    return {
        "objectType": "Activity",
        "id": names.course(facts.course_id),
        "definition": _definition(facts.course_title, facts.course_summary, ActivityType.COURSE),
    }


def module_activity(names: XapiNames, facts: AttemptFacts) -> dict[str, Any]:
    return {
        "objectType": "Activity",
        "id": names.module(facts.course_id, facts.module_id),
        "definition": _definition(facts.module_title, facts.module_summary, ActivityType.MODULE),
    }


def scenario_activity(names: XapiNames, answer: AnswerFacts) -> dict[str, Any]:
    expected = response(answer.expected_choice, answer.expected_agency)
    correct = [expected]
    if answer.expected_agency is None:
        # With a duty to attend the agency is not marked, so any agency named alongside it is
        # as right as none.
        correct += [
            response(answer.expected_choice, cid)
            for cid, _ in answer.choices
            if cid not in _RESPONSE_IDS
        ]
    return {
        "objectType": "Activity",
        "id": names.scenario(answer.scenario_id),
        "definition": _definition(
            answer.scenario_title,
            SCENARIO_QUESTION,
            ActivityType.INTERACTION,
            interactionType="choice",
            choices=[{"id": cid, "description": _lang(label)} for cid, label in answer.choices],
            correctResponsesPattern=correct,
        ),
    }


_RESPONSE_IDS = frozenset(c.value for c in Choice)  # told apart from the agency ids


def _actor(names: XapiNames, facts: AttemptFacts) -> dict[str, Any]:
    return {"objectType": "Agent", "account": {"homePage": names.homepage, "name": facts.learner}}


def _context(
    names: XapiNames,
    facts: AttemptFacts,
    parent: dict[str, Any] | None,
    grouping: list[dict[str, Any]],
    other: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    activities: dict[str, Any] = {}
    if parent is not None:
        activities["parent"] = [_ref(parent)]
    if grouping:
        activities["grouping"] = [_ref(g) for g in grouping]
    if other:
        activities["other"] = [_ref(o) for o in other]
    context: dict[str, Any] = {"registration": facts.attempt_id}
    if activities:
        context["contextActivities"] = activities
    return context | {
        "revision": facts.course_version,
        "platform": PLATFORM,
        "language": LANGUAGE,
        "extensions": {
            names.extension("course-version"): facts.course_version,
            names.extension("course-digest"): facts.course_digest,
            names.extension("pack"): facts.pack,
            names.extension("pack-version"): facts.pack_version,
            names.extension("policy-digest"): facts.policy_digest,
        },
    }


def _ref(activity: dict[str, Any]) -> dict[str, Any]:
    """A context activity: the id and type are enough; the full definition travels once."""
    return {
        "objectType": "Activity",
        "id": activity["id"],
        "definition": {"type": activity["definition"]["type"]},
    }


def _statement(
    statement_id: str,
    names: XapiNames,
    facts: AttemptFacts,
    verb: Verb,
    obj: dict[str, Any],
    context: dict[str, Any],
    at: dt.datetime,
    result: dict[str, Any] | None = None,
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": statement_id,
        "actor": _actor(names, facts),
        "verb": {"id": verb.value, "display": _lang(verb.display)},
        "object": obj,
    }
    if result is not None:
        body["result"] = result
    body["context"] = context
    body["timestamp"] = timestamp(at)
    return body


def attempted(
    names: XapiNames, facts: AttemptFacts, *, statement_id: str, at: dt.datetime
) -> dict[str, Any]:
    """The learner began an attempt at a module."""
    course = course_activity(names, facts)
    context = _context(names, facts, parent=course, grouping=[])
    return _statement(
        statement_id, names, facts, Verb.ATTEMPTED, module_activity(names, facts), context, at
    )


def answered(
    names: XapiNames,
    facts: AttemptFacts,
    answer: AnswerFacts,
    *,
    statement_id: str,
    at: dt.datetime,
) -> dict[str, Any]:
    """One answer to one scenario, with its score, whether it was right and what was missed."""
    module = module_activity(names, facts)
    context = _context(names, facts, parent=module, grouping=[course_activity(names, facts)])
    result = {
        "score": _score(answer.score),
        "success": answer.passed,
        "completion": True,
        "response": response(answer.choice, answer.agency),
        "extensions": {
            names.extension("questions-asked"): list(answer.asked),
            names.extension("key-questions-missed"): list(answer.missed),
            names.extension("try"): answer.try_no,
            names.extension("unsafe"): answer.unsafe,
            names.extension("over-response"): answer.over_response,
        },
    }
    return _statement(
        statement_id,
        names,
        facts,
        Verb.ANSWERED,
        scenario_activity(names, answer),
        context,
        at,
        result,
    )


def module_finished(
    names: XapiNames,
    facts: AttemptFacts,
    *,
    verb: Verb,
    score: int,
    passed: bool,
    answered_count: int,
    correct: int,
    unsafe: int,
    statement_id: str,
    at: dt.datetime,
) -> dict[str, Any]:
    """`completed`, then `passed` or `failed`, for a module attempt with every scenario settled."""
    if verb not in (Verb.COMPLETED, Verb.PASSED, Verb.FAILED):
        raise ValueError(f"{verb.display} does not finish a module")
    course = course_activity(names, facts)
    result: dict[str, Any] = {"score": _score(score), "completion": True}
    if verb is not Verb.COMPLETED:
        result["success"] = passed
    result["extensions"] = {
        names.extension("scenarios-answered"): answered_count,
        names.extension("scenarios-correct"): correct,
        names.extension("unsafe-answers"): unsafe,
    }
    context = _context(names, facts, parent=course, grouping=[])
    return _statement(
        statement_id, names, facts, verb, module_activity(names, facts), context, at, result
    )


def course_passed(
    names: XapiNames,
    facts: AttemptFacts,
    *,
    score: int,
    certificate: str,
    statement_id: str,
    at: dt.datetime,
) -> dict[str, Any]:
    """Every module passed against one policy: the course is earned (a certificate issued)."""
    course = course_activity(names, facts)
    # The module whose pass earned the course is the one this registration (attempt) is about.
    context = _context(names, facts, None, [], other=[module_activity(names, facts)])
    result = {
        "score": _score(score),
        "success": True,
        "completion": True,
        "extensions": {names.extension("certificate"): certificate},
    }
    return _statement(statement_id, names, facts, Verb.PASSED, course, context, at, result)
