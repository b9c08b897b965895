"""A negated cue gives `no` only where a negation is a plain statement; otherwise unknown."""

import pytest

from rightcare.engine.vocab import Answer
from rightcare.narrative import read_narrative
from tests.narrative.helpers import answer

EXPLICIT_NO = [
    ("crime", "no offences disclosed"),
    ("crime", "there has been no assault"),
    ("risk_to_life", "not suicidal, just wants advice re housing"),
    ("risk_to_life", "no risk to life identified by the crisis team"),
    ("serious_harm", "not injured, just shaken"),
    ("serious_harm", "no one hurt, he has left the area"),
    ("weapon", "no weapons seen or mentioned"),
    ("weapon", "doesnt have a weapon as far as the caller knows"),
    ("weapon", "weapons - none"),
    ("violence", "not violent, no threats made"),
    ("medical_emergency", "male says he feels fine and does not need an ambulance"),
    ("medical_emergency", "medically fit for discharge, no medical needs"),
    ("domestic_abuse", "no DA concerns, lives alone"),
    ("domestic_abuse", "not a domestic, just neighbours arguing"),
]


@pytest.mark.parametrize(("question", "text"), EXPLICIT_NO)
def test_an_explicit_negation_is_suggested_as_no(question: str, text: str) -> None:
    assert answer(text, question) is Answer.NO


@pytest.mark.parametrize(("question", "text"), EXPLICIT_NO)
def test_the_evidence_of_a_no_includes_the_negating_words(question: str, text: str) -> None:
    evidence = read_narrative(text).suggestions[question].evidence.lower()
    negations = ("no", "not", "nt", "n't", "none", "unarmed", "fit", "doesnt", "denies")
    assert any(word in evidence.replace("-", " ").split() or word in evidence for word in negations)


NEGATED_WITHOUT_A_PLAIN_NO = [
    ("risk_to_life", "he is not on the bridge any more"),
    ("medical_emergency", "has epilepsy, no seizure today"),
    # ("violence", "no fighting") is a plain present `no` since the sixth round (README).
]


@pytest.mark.parametrize(("question", "text"), NEGATED_WITHOUT_A_PLAIN_NO)
def test_negating_a_cue_that_has_no_plain_opposite_gives_unknown(question: str, text: str) -> None:
    assert answer(text, question) is Answer.UNKNOWN


def test_negation_stops_at_and_so_a_later_risk_is_still_yes() -> None:
    text = "no knife and he is bleeding heavily"
    assert answer(text, "weapon") is Answer.NO
    assert answer(text, "medical_emergency") is Answer.YES


def test_a_cue_that_contains_its_own_negation_is_a_yes() -> None:
    assert answer("her husband isnt breathing", "medical_emergency") is Answer.YES
    assert answer("no answer at the door", "no_answer_at_door") is Answer.YES


def test_uncertainty_is_not_negation() -> None:
    assert answer("not sure if he has a knife", "weapon") is Answer.YES
