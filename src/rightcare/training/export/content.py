"""What the exported player knows about one module, worked out here in Python.

The player never decides anything itself: the policy's answer, the key questions, the rules and
their legal basis and every feedback text come from `prepare` and `mark`, exactly as the web app
and the terminal trainer get them. The player only repeats `mark`'s arithmetic (tested against
it) so it can score an answer without a server.
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from rightcare.engine.policy import Policy
from rightcare.engine.vocab import Answer
from rightcare.training.course import Course, Module
from rightcare.training.exercise import (
    AGENCY_POINTS,
    CHOICE_POINTS,
    DONT_KNOW,
    QUESTION_POINTS,
    Choice,
    Exercise,
    KeyQuestion,
    LearnerAnswer,
    agencies_to_choose,
    mark,
    prepare,
)
from rightcare.training.run import hint

DATA_VERSION = 1  # the shape of the embedded data, so a player can refuse one it does not know
HINT_SLOT = "\u0000"  # stands for the missed questions in the hint template


def _said(answer: Answer) -> str:
    if answer is Answer.UNKNOWN:
        return DONT_KNOW
    return "Yes." if answer is Answer.YES else "No."


def _hint_templates(policy: Policy, exercise: Exercise) -> dict[str, str]:
    """`run.hint`'s three wordings, taken from `hint` itself so the player cannot drift."""
    feedback = mark(policy, exercise, LearnerAnswer(choice=exercise.choice))
    slot = (KeyQuestion("slot", HINT_SLOT, Answer.UNKNOWN),)
    return {
        "missed": hint(replace(feedback, missed=slot)).replace(HINT_SLOT, "{questions}"),
        "choice": hint(replace(feedback, missed=(), choice_right=False)),
        "agency": hint(replace(feedback, missed=(), choice_right=True)),
    }


def scenario_data(policy: Policy, exercise: Exercise) -> dict[str, Any]:
    """One scenario as the player shows and marks it; nothing here depends on the answer."""
    scenario = exercise.scenario
    # Marking the policy's own answer gives every answer-independent feedback field.
    feedback = mark(policy, exercise, LearnerAnswer(choice=exercise.choice))
    replies = {
        qid: _said(answer)
        for qid, answer in scenario.answers.items()
        if answer is not Answer.UNKNOWN and qid in policy.question_by_id
    }
    return {
        "id": scenario.id,
        "narrative": scenario.narrative,
        "replies": replies,
        "expected": {"choice": exercise.choice.value, "agency": exercise.agency.value},
        "key_questions": [
            {"id": k.id, "text": k.text, "said": _said(k.answer)} for k in exercise.key_questions
        ],
        "feedback": {
            "title": feedback.title,
            "disposition": feedback.disposition,
            "tell_caller": feedback.tell_caller,
            "rules": [{"rule": r.rule, "text": r.text, "basis": r.basis} for r in feedback.rules],
            "why": feedback.why,
            "source_url": feedback.source_url,
            "turning_point": feedback.turning_point,
        },
    }


def module_data(
    course: Course,
    module: Module,
    policy: Policy,
    standard: str,
    exercises: dict[str, Exercise] | None = None,
) -> dict[str, Any]:
    """Everything one module's page needs, as JSON-ready data."""
    found = exercises or {}
    prepared = [found.get(s.id) or prepare(policy, s) for s in module.scenarios]
    spec = course.spec
    return {
        "data_version": DATA_VERSION,
        "standard": standard,
        "course": {
            "id": course.id,
            "title": course.title,
            "version": course.version,
            "digest": course.digest,
            "pass_mark": spec.pass_mark,
            "order": spec.order.value,
            "scenario_retries": spec.scenario_retries,
            "fail_on_unsafe": spec.fail_on_unsafe,
        },
        "policy": {
            "pack": policy.pack.id,
            "version": policy.pack.version,
            "overlay": course.spec.overlay,
            "digest": policy.digest,
        },
        "module": {
            "id": module.id,
            "title": module.title,
            "summary": module.summary,
            "size": module.size,
        },
        "points": {"choice": CHOICE_POINTS, "agency": AGENCY_POINTS, "questions": QUESTION_POINTS},
        "choices": [{"id": c.value, "label": c.label, "severity": int(c.severity)} for c in Choice],
        "agencies": [{"id": a.value, "name": name} for a, name in agencies_to_choose(policy)],
        "agency_names": {a.id.value: a.name for a in policy.agencies},
        "questions": [{"id": q.id, "text": q.text} for q in policy.questions],
        "dont_know": DONT_KNOW,
        "hints": _hint_templates(policy, prepared[0]),
        "scenarios": [scenario_data(policy, e) for e in prepared],
    }


def as_script(data: dict[str, Any]) -> str:
    """The data as a script that sets `window.RIGHTCARE_MODULE`.

    A script rather than a JSON file because browsers refuse `fetch` of a local file, and a
    package must also play straight from disk. ASCII-only JSON with `<` escaped is inert text
    inside JavaScript whatever the narratives contain.
    """
    body = json.dumps(data, ensure_ascii=True, sort_keys=True, indent=None, separators=(",", ":"))
    body = body.replace("<", "\\u003c")
    return f"window.RIGHTCARE_MODULE = {body};\n"
