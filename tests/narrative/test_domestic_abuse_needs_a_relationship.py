"""Domestic abuse is read from a named relationship (partner, ex, family) or a DA term.

"Sounds like he is hitting her" is violence, but names no relationship: the reader leaves
domestic abuse unknown so the handler asks, rather than guessing.
"""

import pytest

from rightcare.engine.vocab import Answer
from tests.narrative.helpers import answer

DOMESTIC = [
    "bf came round drunk and shoved her into the door",
    "her hubby been drinking all day and has slapped her",
    "grabbed by the throat by her ex partner",
    "stepson lashed out at his nan",
    "keeps pushing his dad around",
    "threw a plate at his girlfriend",
    "DA related, victim wants advice",
    "her ex husband keeps turning up at her work",
]


@pytest.mark.parametrize("text", DOMESTIC)
def test_abuse_by_a_partner_or_relative_is_domestic_abuse(text: str) -> None:
    assert answer(text, "domestic_abuse") is Answer.YES


@pytest.mark.parametrize(
    "text",
    [
        "sounds like he is hitting her, caller can hear screaming",
        "her son smashed the telly and punched holes in the walls",
        "man hitting a woman in the street",
    ],
)
def test_no_relationship_named_leaves_domestic_abuse_unknown(text: str) -> None:
    assert answer(text, "domestic_abuse") is Answer.UNKNOWN


@pytest.mark.parametrize(
    ("question", "text"),
    [
        ("violence", "pt spat at and kicked the nurse"),
        ("violence", "lad threw a bottle at the door staff"),
        ("violence", "drunk male went for the bus driver"),
        ("serious_harm", "cut above his eye and his nose looks broken"),
        ("serious_harm", "marks round her neck where he choked her"),
        ("risk_to_life", "he had her by the throat"),
        ("serious_harm", "has bitten her arm, bite mark and bruising"),
    ],
)
def test_assaults_and_injuries_in_handler_wording_are_read(question: str, text: str) -> None:
    assert answer(text, question) is Answer.YES


@pytest.mark.parametrize(
    ("question", "text"),
    [
        ("violence", "she fell and hit her head on the kitchen table"),
        ("serious_harm", "diabetic, blood sugar low"),
    ],
)
def test_look_alikes_are_not_read(question: str, text: str) -> None:
    assert answer(text, question) is Answer.UNKNOWN
