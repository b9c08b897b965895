"""An uncertain risk stays yes (for safety, to be confirmed); an uncertain no is dropped."""

import pytest

from rightcare.engine.vocab import Answer
from rightcare.narrative import read_narrative
from tests.narrative.helpers import answer

CASES = [
    ("medical_emergency", "might have taken something, very sleepy"),
    ("risk_to_life", "poss od"),
    ("weapon", "may have a knife, caller unsure"),
    ("weapon", "unconfirmed report of a firearm seen in a car"),
]


@pytest.mark.parametrize(("question", "text"), CASES)
def test_an_uncertain_risk_is_suggested_as_yes_and_marked_uncertain(
    question: str, text: str
) -> None:
    suggestion = read_narrative(text).suggestions[question]
    assert suggestion.value is Answer.YES
    assert "uncertain" in suggestion.context


def test_an_uncertain_negation_is_not_suggested() -> None:
    assert answer("possibly no weapons", "weapon") is Answer.UNKNOWN
    assert answer("no weapons?", "weapon") is Answer.UNKNOWN


def test_who_said_it_is_recorded_but_does_not_change_the_answer() -> None:
    suggestion = read_narrative("GP reports pt expressed suicidal thoughts").suggestions
    assert suggestion["suicidal_thoughts"].value is Answer.YES
    assert "reported" in suggestion["suicidal_thoughts"].context
