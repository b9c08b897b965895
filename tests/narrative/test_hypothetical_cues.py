"""A conditional or future risk is not immediate: unknown, never yes and never no."""

import pytest

from rightcare.engine.vocab import Answer
from tests.narrative.helpers import answer

CASES = [
    ("crime", "worried someone might break in tonight"),
    ("risk_to_life", "if he doesnt get help he might kill himself"),
    ("risk_to_life", "worried she might take an overdose at some point"),
    ("serious_harm", "if he carries on like this he'll get hurt"),
    ("weapon", "if he gets hold of a knife he'll do something stupid"),
    ("violence", "if police turn up he says he'll fight them"),
    ("violence", "might get violent if challenged"),
    ("medical_emergency", "if she doesnt eat she could collapse"),
    ("domestic_abuse", "worried that if she goes back her partner will hit her"),
]


@pytest.mark.parametrize(("question", "text"), CASES)
def test_a_hypothetical_risk_is_left_unknown(question: str, text: str) -> None:
    assert answer(text, question) is Answer.UNKNOWN


def test_a_threat_made_now_is_not_hypothetical() -> None:
    assert answer("says he will kill himself tonight", "risk_to_life") is Answer.YES
