"""The family behind heldout18's unsafe error.

A denial that anyone was hit, touched or pushed ("nobody has hit anyone", "no one touched her",
"never touched him", "no fight") speaks to blows, not threats: a threat told in the same
narrative ("going to 'sort' the marshal", "threatened to knock her out") stands over it as a
`yes`, never a `no`. A blow reported beside the same denial is still a conflict to ask, and the
denial alone is still a `no`.
"""

import pytest

from rightcare.engine.vocab import Answer
from tests.narrative.helpers import answer

A_THREAT_THEN_A_DENIAL_OF_BLOWS = [
    "his brother has a crowbar in the car and is going to 'sort' the umpire. later the umpire "
    "says nobody has hit anyone",
    "the customer threatened to knock the cashier out, no one touched her, hes gone",
    "shouting hes going to stab the landlord, nobody touched anybody, he left on foot",
    "threatening to batter the bus driver, the driver says he never touched him",
    "texted her he will kill her when he gets out, no fight at the house tonight",
    "swearing hes going to glass the barman, nobody has been hit",
]


@pytest.mark.parametrize("text", A_THREAT_THEN_A_DENIAL_OF_BLOWS)
def test_a_threat_is_not_denied_by_a_denial_that_anyone_was_hit(text: str) -> None:
    assert answer(text, "violence") is Answer.YES


@pytest.mark.parametrize(
    "text",
    [
        "her husband punched her, now she says he never touched her",
        "a man slapped the steward, the steward says nobody touched anybody",
    ],
)
def test_a_blow_beside_the_same_denial_is_still_not_a_yes_or_a_no(text: str) -> None:
    assert answer(text, "violence") is Answer.UNKNOWN


@pytest.mark.parametrize(
    "text",
    [
        "rowing over the parking space, nobody has hit anyone",
        "two lads shouting in the street, no one touched anybody, both gone home",
    ],
)
def test_the_denial_of_blows_alone_is_still_a_no(text: str) -> None:
    assert answer(text, "violence") is Answer.NO
