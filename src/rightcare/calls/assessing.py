"""Assess a call as the API, the CLI and replay all do: validate, read the notes, evaluate.

The engine stays pure; this service adds the narrative reader's suggestions (which may only
raise a response, and which the engine lists for confirmation when the outcome depends on them).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType
from typing import Any

from rightcare.calls.errors import RuleViolation
from rightcare.engine.contract import (
    Assessment,
    CallContext,
    CallInput,
    LanguageNote,
    QuestionToAsk,
    check_questions,
    parse_call,
)
from rightcare.engine.errors import CallError
from rightcare.engine.evaluate import assess
from rightcare.engine.policy import Policy
from rightcare.engine.store import PolicySet
from rightcare.engine.suggestion import SuggestedAnswer
from rightcare.engine.vocab import Answer


def read_suggestions(
    narrative: str, policy: Policy
) -> tuple[Mapping[str, SuggestedAnswer], tuple[str, ...]]:
    """Answers suggested by the narrative reader, and the questions whose cues conflicted."""
    if not narrative.strip():
        return {}, ()
    return _read(narrative, tuple(policy.slot))


# A handler answers the key questions (y / n / u) with the narrative unchanged, and saving a
# call re-sends the text its last preview read, so the same text is read again and again within
# seconds; reading it is most of an assessment's cost. Readings are immutable (frozen answers in
# a read-only mapping), so one may be handed to any number of requests. Bounded: a few hundred
# narratives in flight on a shift, each read in under a millisecond if it falls out.
@lru_cache(maxsize=512)
def _read(
    narrative: str, questions: tuple[str, ...]
) -> tuple[Mapping[str, SuggestedAnswer], tuple[str, ...]]:
    from rightcare.narrative import read_narrative  # spaCy loads only when text arrives

    reading = read_narrative(narrative, questions)
    return MappingProxyType(dict(reading.suggestions)), tuple(reading.conflicts)


def _mark_conflicts(
    policy: Policy, call: CallInput, result: Assessment, conflicts: tuple[str, ...]
) -> Assessment:
    """Conflicting cues leave a question unknown; say so where it is asked, ask it if critical."""
    conflicts = tuple(q for q in conflicts if q not in call.answers)
    if not conflicts:
        return result
    asks = list(result.questions_to_ask)
    listed = {q.id for q in asks}
    for i, ask in enumerate(asks):
        if ask.id in conflicts:
            asks[i] = QuestionToAsk(
                id=ask.id, text=ask.text, why=f"the notes say both yes and no; {ask.why}"
            )
    for question in conflicts:
        known = policy.question_by_id.get(question)
        if question not in listed and known is not None and known.critical:
            asks.append(
                QuestionToAsk(id=question, text=known.text, why="the notes say both yes and no")
            )
    return result.model_copy(update={"questions_to_ask": asks})


def assess_call(policies: PolicySet, data: Any, *, read_narrative: bool = True) -> Assessment:
    """Validate raw call data, choose the force's policy, read the notes and assess.

    Raises CallError (naming the field) for a malformed call; never fails otherwise.
    """
    return assess_input(policies, parse_call(data), read_narrative=read_narrative)


def assess_input(
    policies: PolicySet, call: CallInput, *, read_narrative: bool = True
) -> Assessment:
    """`assess_call` for a call already validated as a `CallInput` (the API's body): choose
    the force's policy, refuse answers to questions it does not ask, read the notes, assess."""
    policy = policies.for_force(call.context.force)
    check_questions(call, policy.slot)
    return assess_parsed(policy, call, read_narrative=read_narrative)


def assess_parsed(policy: Policy, call: CallInput, *, read_narrative: bool = True) -> Assessment:
    suggestions: Mapping[str, SuggestedAnswer] = {}
    conflicts: tuple[str, ...] = ()
    if read_narrative:
        suggestions, conflicts = read_suggestions(call.narrative, policy)
    result = _mark_conflicts(policy, call, assess(policy, call, suggestions), conflicts)
    if read_narrative and call.narrative.strip():
        result = result.model_copy(update={"language": language_notes(call.narrative)})
    return result


def language_notes(text: str) -> list[LanguageNote]:
    """Stigmatising or victim-blaming wording in a narrative, note, or handover message."""
    return [note.model_copy() for note in _language_notes(text)]  # notes are not frozen


@lru_cache(maxsize=512)  # the same text comes back with each answer given (see `_read`)
def _language_notes(text: str) -> tuple[LanguageNote, ...]:
    from rightcare.narrative.language import check_language

    return tuple(
        LanguageNote.model_validate(flag.model_dump(include=set(LanguageNote.model_fields)))
        for flag in check_language(text)
    )


@dataclass
class Evaluation:
    """The engine's answer for a call, worked out before anything is written."""

    call_input: CallInput
    result: Assessment
    changed: dict[str, str]
    narrative_changed: bool = False
    # The snapshot's columns as JSON, made here rather than while the write lock is held.
    input_json: dict[str, Any] = field(default_factory=dict)
    output_json: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.input_json = self.input_json or self.call_input.model_dump(mode="json")
        self.output_json = self.output_json or self.result.model_dump(mode="json")


def evaluate_for_call(
    *,
    policies: PolicySet,
    force: str | None,
    narrative: str,
    context: CallContext | None,
    before: CallInput | None,
    answers: dict[str, Answer],
    read_narrative: bool,
) -> Evaluation:
    """Merge new answers into the last snapshot's and run the engine (pure: no database)."""
    if context is None:
        assert before is not None, "a call's first assessment needs its context"
        context = before.context
    merged = {**(before.answers if before is not None else {}), **answers}
    changed = {
        q: a.value for q, a in answers.items() if before is None or before.answers.get(q) != a
    }
    try:
        policy = policies.for_force(force)
    except CallError as exc:
        raise RuleViolation(exc.detail, code="unknown_force", field=exc.field_path) from exc
    try:
        call_input = parse_call(
            {
                "narrative": narrative,
                "answers": {q: a.value for q, a in merged.items()},
                "context": context.model_dump(mode="json", exclude_none=True),
            },
            list(policy.slot),
        )
    except CallError as exc:
        raise RuleViolation(exc.detail, code="invalid_call", field=exc.field_path) from exc
    result = assess_parsed(policy, call_input, read_narrative=read_narrative)
    return Evaluation(call_input=call_input, result=result, changed=changed)
