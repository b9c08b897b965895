"""The family behind heldout19's unsafe error (the second time this family was unsafe).

A denial of blows ("he hasnt touched anyone", "nobody hit anyone", "no one touched her") speaks
to a blow struck, not to violence as a whole: a threat is violence too. The nineteenth round let a
threat stand over such a denial only where a threat pattern read it; the twentieth makes the
rule structural: where anything in the narrative speaks of a threat, hostility to someone or an
intent to harm, the denial of blows is not a violence `no` at all, whether or not a pattern reads
the threat. The denial alone (or beside a plain row) is still a `no`.
"""

import itertools

import pytest

from rightcare.engine.vocab import Answer
from tests.narrative.helpers import answer

THREATS = [
    "threatening to 'deal with' anyone who sits near him",
    "says voices are telling him to hurt the driver",
    "says he will sort you lot out",
    "shouting at the warden and calling him names",
    "going for the steward across the car park",
    "swearing hes going to do anyone who comes near",
    "making threats to the cashier",
    "being really aggressive with the staff",
    "says he wants to hurt someone tonight",
    "raging at his mum in the hall",
    "threatened to kill the landlord",
    "vowing revenge on the lads from the pub",
]
DENIALS = [
    "he hasnt touched anyone",
    "nobody hit anyone",
    "no one touched her",
    "nobody has hit anyone",
    "he never touched him",
    "no fight",
    "verbal only",
    "no one has been hit",
    "not laid a hand on anyone",
    "nobody touched anybody",
]


@pytest.mark.parametrize(
    ("threat", "denial", "order"),
    [(t, d, o) for t, d in itertools.product(THREATS, DENIALS) for o in (0, 1)],
)
def test_violence_is_never_no_where_a_threat_is_told_beside_a_denial_of_blows(
    threat: str, denial: str, order: int
) -> None:
    first, second = (threat, denial) if order == 0 else (denial, threat)
    text = f"caller says a male on the coach is {first}. 1820 driver says {second}"
    assert answer(text, "violence") is not Answer.NO


def test_the_heldout19_wording_family_reads_violence_as_yes() -> None:
    text = (
        "1820 a passenger on the coach threatening to 'deal with' anyone who sits by him. "
        "1827 says voices are telling him to hurt the driver. 1831 he hasnt touched anyone"
    )
    assert answer(text, "violence") is Answer.YES


@pytest.mark.parametrize(
    "text",
    [
        "rowing over the bins, nobody has hit anyone",
        "two lads shouting at each other in the street, no one touched anybody",
        "he will deal with it tomorrow, nobody hit anyone",
        "shouting and swearing but hasnt hit anybody",
    ],
)
def test_a_denial_of_blows_with_no_word_of_threat_is_still_a_no(text: str) -> None:
    assert answer(text, "violence") is Answer.NO


@pytest.mark.parametrize(
    "text",
    [
        "her husband punched her and threatened her, now she says he never touched her",
        "a man slapped the steward and was shouting at him, steward says nobody touched anybody",
    ],
)
def test_a_blow_beside_a_threat_and_a_denial_is_still_a_conflict(text: str) -> None:
    assert answer(text, "violence") is not Answer.NO
