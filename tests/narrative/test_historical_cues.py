"""A past risk is not a present one: unknown, never yes and never no (crime keeps history)."""

import pytest

from rightcare.engine.vocab import Answer
from tests.narrative.helpers import answer

CASES = [
    ("risk_to_life", "tried to kill herself last year, nothing current"),
    ("risk_to_life", "took an overdose two years ago after her divorce"),
    ("serious_harm", "was badly injured in a crash years ago"),
    ("weapon", "previously arrested for possession of a bladed article in 2020"),
    ("violence", "history of violence towards police"),
    ("medical_emergency", "had a heart attack last year, fine now"),
    ("domestic_abuse", "historic DA from previous partner years ago"),
    ("detained_mha", "was sectioned back in 2018"),
]


@pytest.mark.parametrize(("question", "text"), CASES)
def test_a_past_risk_is_left_unknown(question: str, text: str) -> None:
    assert answer(text, question) is Answer.UNKNOWN


def test_a_crime_in_the_past_is_still_a_crime_to_investigate() -> None:
    assert answer("says his mate robbed him last year", "crime") is Answer.YES


def test_an_overdose_taken_hours_ago_is_current() -> None:
    assert answer("took 30 paracetamol 2 hours ago", "risk_to_life") is Answer.YES
