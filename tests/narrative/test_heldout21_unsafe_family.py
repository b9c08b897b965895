"""The family behind heldout21's unsafe error (the third round running for denials of blows).

A denial of blows ("hasnt hit anyone", "nobody touched her") speaks to a blow struck, not to
violence as a whole. The twentieth round dropped it where the narrative speaks of threats or
harm; the twenty-second drops it too where the narrative shows menace of another kind: a weapon
`yes` read anywhere, a weapon word beside a verb of brandishing or holding ("waving a samurai
sword about"), or the denial hedged as expected ("hasnt hit anyone yet", "so far"). Then the
question is unknown (or `yes` where a threat is read), never `no`. A denial alone, or beside a
weapon nobody holds, is still a `no`.
"""

import itertools

import pytest

from rightcare.engine.vocab import Answer
from rightcare.narrative import menace
from rightcare.narrative.tokenregex import token_string
from tests.narrative.helpers import answer

WEAPONS_SHOWN = [
    "waving a samurai sword about",
    "brandishing a machete",
    "swinging a golf club round",
    "holding a big kitchen knife",
    "pulled out a blade",
    "has a baseball bat in his hand",
    "stood there with an axe",
    "waving a crowbar at the fence",
    "has got a gun in his waistband",
    "pointing a crossbow down the street",
    "walking round with a hammer",
    "carrying a machete in the garden",
]
DENIALS = [
    "hasnt hit anyone",
    "nobody hit anyone",
    "no one touched her",
    "nobody has hit anyone",
    "not laid a hand on anyone",
    "nobody touched anybody",
    "hasnt touched anyone",
    "no one has been hit",
]
HEDGES = ["", " yet", " so far", " at the moment"]


@pytest.mark.parametrize(
    ("weapon", "denial", "hedge", "order"),
    [(w, d, h, o) for w, d, h in itertools.product(WEAPONS_SHOWN, DENIALS, HEDGES) for o in (0, 1)],
)
def test_violence_is_never_no_where_a_weapon_is_shown_beside_a_denial_of_blows(
    weapon: str, denial: str, hedge: str, order: int
) -> None:
    told = f"{denial}{hedge}"
    first, second = (weapon, told) if order == 0 else (told, weapon)
    text = f"caller says her cousin is {first} at the family party, {second}, kids inside"
    assert answer(text, "violence") is not Answer.NO


@pytest.mark.parametrize(("denial", "hedge"), list(itertools.product(DENIALS, HEDGES[1:])))
def test_a_denial_of_blows_hedged_as_expected_is_never_a_violence_no(
    denial: str, hedge: str
) -> None:
    text = f"two lads squaring up on the corner after the match, {denial}{hedge}"
    assert answer(text, "violence") is not Answer.NO


def test_the_heldout21_wording_family_is_not_read_as_a_violence_no() -> None:
    text = "caller says his uncle is waving a sword about on the drive, hasnt hit anyone yet"
    assert answer(text, "violence") is not Answer.NO


@pytest.mark.parametrize(
    "text",
    [
        "rowing over the parking, nobody has hit anyone",
        "club secretary says the meeting got heated, nobody hit anyone, all gone home",
        "row in the kitchen over money, nobody touched anybody, she wants advice",
        "slanging match over the fence, no one touched anybody, both back indoors",
    ],
)
def test_a_denial_of_blows_with_no_menace_is_still_a_violence_no(text: str) -> None:
    assert answer(text, "violence") is Answer.NO


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("he is waving a sword about in the garden", True),
        ("she pulled out a small blade from her bag", True),
        ("he was swinging a spade at the fence", True),
        ("he was waving at the bus driver with a bag of chips", False),
        ("the knife block is in the kitchen, he is holding the baby", False),
    ],
)
def test_a_weapon_word_is_brandished_only_a_few_words_after_a_verb_of_brandishing(
    text: str, shown: bool
) -> None:
    from rightcare.narrative.cues import _reader

    tokens = token_string(_reader().nlp(text))
    assert menace.brandished(tokens) is shown


def test_a_blow_beside_a_weapon_and_a_denial_is_still_not_a_no() -> None:
    text = "he punched her and is waving a knife, now she says he never touched her"
    assert answer(text, "violence") is not Answer.NO
