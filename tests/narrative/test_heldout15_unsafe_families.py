"""The two families behind heldout15's unsafe errors.

- A denial of one kind of weapon ("no knife") beside another kind used to hit someone (a
  bottle) does not deny it, and a correction about what someone else was waving ("it was a
  vape pen") does not retract the blow: a bottle or glass used on a person is an act.
- "No injuries to anyone else", "no other injuries" or "the other one not injured" says
  nothing against the person of concern's harm: it is not a `no`.
"""

import pytest

from rightcare.engine.vocab import Answer
from tests.narrative.helpers import answer

BOTTLE_BESIDE_A_NARROW_DENIAL = [
    "woman struck with a wine bottle in the smoking area. door staff say no knife on him",
    "2301 lad hit with a glass in the beer garden. 2304 caller says one has a gun. 2306 update: "
    "it was a phone he was holding, no gun",
    "bottle smashed over her head at the bus shelter, no blades seen",
]


@pytest.mark.parametrize("text", BOTTLE_BESIDE_A_NARROW_DENIAL)
def test_a_bottle_used_to_hit_is_not_denied_by_another_kind(text: str) -> None:
    assert answer(text, "weapon") is Answer.YES


def test_the_narrow_denial_alone_is_still_a_no() -> None:
    assert answer("searched him, no knife, only a vape", "weapon") is Answer.NO


@pytest.mark.parametrize(
    "text",
    [
        "boy pulled unconscious from the flume pool, not breathing. no injuries to anyone else",
        "van driver cut from the cab, legs trapped, no harm to the others on board",
        "she came off the horse, her arm is broken, no other injuries",
        "cyclist thrown over the car, head bleeding. the other driver shaken, not injured",
    ],
)
def test_a_denial_about_others_is_not_a_no_for_the_person(text: str) -> None:
    assert answer(text, "serious_harm") is not Answer.NO


def test_no_injuries_to_anyone_at_all_is_still_a_no() -> None:
    assert answer("argument in the car park, no injuries to anyone", "serious_harm") is Answer.NO
