"""The same narrative assessed again (a handler pressing y / n / u, a save after a preview) is
read once, and what comes back is the same reading a fresh read gives."""

from collections.abc import Collection, Iterator
from typing import Any

import pytest

import rightcare.narrative
from rightcare.calls import assessing
from rightcare.engine.store import PolicySet
from rightcare.narrative import Reading

NARRATIVE = "caller says her son has taken all his tablets and has a knife, he is in the kitchen"


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every narrative the reader is asked to read, in order."""
    real = rightcare.narrative.read_narrative
    seen: list[str] = []

    def counting(text: str, question_ids: Collection[str] | None = None) -> Reading:
        seen.append(text)
        return real(text, question_ids)

    assessing._read.cache_clear()
    assessing._language_notes.cache_clear()
    monkeypatch.setattr(rightcare.narrative, "read_narrative", counting)
    yield seen
    assessing._read.cache_clear()
    assessing._language_notes.cache_clear()


def _call(answers: dict[str, str], narrative: str = NARRATIVE) -> dict[str, Any]:
    return {
        "narrative": narrative,
        "answers": answers,
        "context": {
            "received_at": "2026-11-28T03:12:00Z",
            "channel": "999",
            "caller": "third_party",
        },
    }


def test_answers_given_one_by_one_do_not_read_the_narrative_again(
    reads: list[str], policies: PolicySet
) -> None:
    first = assessing.assess_call(policies, _call({}))
    assessing.assess_call(policies, _call({"weapon": "yes"}))
    last = assessing.assess_call(policies, _call({"weapon": "yes", "location_known": "yes"}))

    assert reads == [NARRATIVE]
    assert (
        first.suggested_answers["medical_emergency"] == last.suggested_answers["medical_emergency"]
    )
    assert first.language == last.language


def test_a_changed_narrative_is_read_afresh(reads: list[str], policies: PolicySet) -> None:
    assessing.assess_call(policies, _call({}))
    longer = NARRATIVE + ", now says he is not hurt"
    assessing.assess_call(policies, _call({}, narrative=longer))

    assert reads == [NARRATIVE, longer]


def test_a_reading_given_again_equals_a_fresh_one(reads: list[str], policies: PolicySet) -> None:
    policy = policies.for_force(None)
    again = assessing.read_suggestions(NARRATIVE, policy)
    again = assessing.read_suggestions(NARRATIVE, policy)
    fresh = rightcare.narrative.read_narrative(NARRATIVE, list(policy.slot))

    assert dict(again[0]) == fresh.suggestions
    assert again[1] == tuple(fresh.conflicts)
    assert again[0]["weapon"].value.value == "yes"


def test_a_reading_handed_out_cannot_be_changed_by_whoever_holds_it(policies: PolicySet) -> None:
    suggestions, _ = assessing.read_suggestions(NARRATIVE, policies.for_force(None))

    with pytest.raises(TypeError):
        suggestions["weapon"] = suggestions["weapon"]  # type: ignore[index]
    notes = assessing.language_notes("he committed suicide last year")
    notes[0].better = "changed"
    assert assessing.language_notes("he committed suicide last year")[0].better != "changed"
