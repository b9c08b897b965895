"""The family behind heldout29's unsafe error (thirtieth round).

A denial of one named weapon ("no knife seen", "no gun") speaks to that weapon, not to another
object held or used as one: a snapped ruler's sharp end held toward someone, a broken bottle, a
shard, a sharpened stick, a screwdriver, "something sharp". Beside such an object, in either
order, a weapon `no` never stands (`improvised.improvised_weapon_at` drops it, and patterns
read most of the objects as `yes`). A general "no weapons" is dropped only where the object
comes after it, as a later update. Alone, each denial is still a `no`.
"""

import itertools

import pytest

from rightcare.engine.vocab import Answer
from rightcare.narrative import improvised
from rightcare.narrative.tokenregex import token_string
from tests.narrative.helpers import answer

OBJECTS = [
    "he has snapped a metal ruler and is holding the sharp end toward the receptionist",
    "he smashed a bottle and is pointing the broken neck at the barman",
    "he is jabbing a sharpened stick at the warden",
    "she has a shard of glass and is holding it at her sister",
    "he is waving a screwdriver at the security guard",
    "he has something sharp in his fist",
    "he snapped a coat hanger and is pointing the end at staff",
    "holding a broken bottle toward the doorman",
]
DENIALS = ["no knife seen", "no gun", "no blade", "no knives", "no firearm seen"]


@pytest.mark.parametrize(
    ("thing", "denial", "order"), list(itertools.product(OBJECTS, DENIALS, (0, 1)))
)
def test_a_named_weapon_denied_beside_an_improvised_one_is_never_a_weapon_no(
    thing: str, denial: str, order: int
) -> None:
    first, second = (f"{denial}.", f"update: {thing}.") if order == 0 else (f"{thing}.", denial)
    text = f"manager reports a man shouting in the office. {first} {second}"
    assert answer(text, "weapon") is not Answer.NO


@pytest.mark.parametrize("thing", OBJECTS)
def test_a_general_denial_before_an_improvised_weapon_is_never_a_weapon_no(thing: str) -> None:
    text = f"10:02 no weapons seen, he is shouting. 10:06 update: {thing}"
    assert answer(text, "weapon") is not Answer.NO


@pytest.mark.parametrize("denial", DENIALS)
def test_a_named_denial_alone_is_still_a_weapon_no(denial: str) -> None:
    text = f"man shouting in the office, {denial}, he is sat down now with his coffee"
    assert answer(text, "weapon") is Answer.NO


@pytest.mark.parametrize(
    "text",
    [
        "no knife seen, he is holding a stick at the time to lean on",
        "no gun, he keeps pointing at the door and shouting",
        "no knife, he was waving at the bus driver to stop",
        "no blade, nothing sharp on him, just his phone",
    ],
)
def test_no_held_object_at_a_person_leaves_the_denial_standing(text: str) -> None:
    assert answer(text, "weapon") is Answer.NO


def test_the_word_test_finds_an_object_held_toward_someone() -> None:
    import spacy

    nlp = spacy.blank("en")
    found = improvised.improvised_weapon_at(
        token_string(nlp("no knife. he is holding the sharp end toward the case worker"))
    )
    assert found is not None
    assert improvised.improvised_weapon_at(token_string(nlp("holding the baby, no knife"))) is None
