"""The family behind heldout11's one unsafe error (read after it was scored once): what a
responder sees after a fall, a leg that looks shortened or turned out, torn skin, later than the
person's own "not hurt". It is harm, and beside the earlier `no` it must never leave a `no`."""

import pytest

from rightcare.engine.vocab import Answer
from tests.narrative.helpers import answer

SEEN_AFTER_A_FALL = [
    "ambulance crew say his right leg is shortened and rotated, query broken hip",
    "daughter says mums foot looks turned out and she screams if anyone moves it",
    "there is a skin tear on his forearm from the fall, bleeding a bit",
]


@pytest.mark.parametrize("text", SEEN_AFTER_A_FALL)
def test_a_shortened_or_turned_out_leg_or_torn_skin_is_harm(text: str) -> None:
    assert answer(text, "serious_harm") is Answer.YES


def test_harm_seen_later_is_not_undone_by_an_earlier_not_hurt() -> None:
    text = (
        "07:10 she says she has fallen but is not hurt. 07:40 responder in, her leg looks "
        "shortened and turned out, in a lot of pain"
    )
    assert answer(text, "serious_harm") is not Answer.NO


@pytest.mark.parametrize(
    "text", ["the table leg is bent where he kicked it", "she turned out the lights and left"]
)
def test_a_bent_table_leg_or_lights_turned_out_are_not_harm(text: str) -> None:
    assert answer(text, "serious_harm") is not Answer.YES
