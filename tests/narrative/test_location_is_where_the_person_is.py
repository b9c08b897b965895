"""location_known is yes only when the words place the person, not a thing or a guess."""

import pytest

from rightcare.engine.vocab import Answer
from tests.narrative.helpers import answer


@pytest.mark.parametrize(
    "text",
    [
        "graffiti on the church wall",
        "shouting abuse at bar staff",
        "has an axe in the garden shed",
        "says he has a gun at home",
        "stolen bike from outside the library",
        "believed to be at a mates house somewhere in town",
        "poss at her mums, not confirmed",
    ],
)
def test_a_thing_a_guess_or_a_describing_word_is_not_a_location(text: str) -> None:
    assert answer(text, "location_known") is Answer.UNKNOWN


@pytest.mark.parametrize(
    "text",
    [
        "walking down the high street with a bat",
        "sat on a bench in the park crying",
        "male on the kitchen floor, not moving",
    ],
)
def test_a_stated_place_is_a_location(text: str) -> None:
    assert answer(text, "location_known") is Answer.YES


def test_whereabouts_shorthand_is_an_explicit_no() -> None:
    assert answer("whereabouts n/k, last seen leaving the pub", "location_known") is Answer.NO


def test_an_uncertain_weapon_is_still_a_weapon() -> None:
    assert answer("poss has a knife on him", "weapon") is Answer.YES
