"""The family behind heldout13's one unsafe error: an object used to hit or threaten someone
(a dog lead, a cable, a wheel brace) is a weapon `yes`, and a later correction about a
different object ("it was his phone, not a knife") does not retract it: a blow struck is an
act, not a sighting. The correction still retracts what it corrects."""

import pytest

from rightcare.engine.vocab import Answer
from tests.narrative.helpers import answer

USED_TO_HIT = [
    "her boyfriend lashed her with the dog lead in the park",
    "son has hit his dad with an extension cable",
    "she says he threatened her with a tow rope",
    "he beat the lad with a bike chain lock",
    "man swinging a wheel brace at people on the forecourt",
]


@pytest.mark.parametrize("text", USED_TO_HIT)
def test_an_object_used_to_hit_or_threaten_someone_is_a_weapon(text: str) -> None:
    assert answer(text, "weapon") is Answer.YES


def test_a_correction_about_another_object_does_not_retract_the_blow() -> None:
    text = (
        "2240 she says her husband has hit her with the dog lead. 2250 caller now says he has "
        "a knife. 2255 update: it was his phone, not a knife"
    )
    assert answer(text, "weapon") is Answer.YES


def test_a_swung_object_is_not_retracted_by_a_correction_about_a_gun() -> None:
    text = (
        "lad swinging a pool cue at the door staff. 2nd caller says theres a gun. "
        "update: the gun was a toy"
    )
    assert answer(text, "weapon") is not Answer.NO


def test_the_correction_still_retracts_what_it_corrects() -> None:
    text = "caller says he has a knife. 0105 update: the knife was a hairbrush, no weapon"
    assert answer(text, "weapon") is Answer.NO


@pytest.mark.parametrize(
    "text",
    [
        "walked in with the lead nurse from the ward",
        "she went out with the dog lead to find him",
        "he tripped over the phone charger cable",
    ],
)
def test_a_lead_or_a_cable_not_used_on_anyone_is_not_a_weapon(text: str) -> None:
    assert answer(text, "weapon") is not Answer.YES
