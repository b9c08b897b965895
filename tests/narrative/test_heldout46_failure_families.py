"""The kinds of miss seen on `heldout46.jsonl`, read as families of wording, in every context.

The forty-sixth part had no unsafe error; its misses were on the critical questions. Violence
was weakest: a threat at a brother or sister named with "younger" or "little" between, things
thrown at "an old man", a person held in a headlock, a cry of "help, he's got a knife", and a
threat to maim ("make sure she never walks again"); and the denials of violence went unread
("hasnt touched her", "not threatening", "not thought to be a risk to others"). For
risk_to_life and medical_emergency, a swimmer "struggling and going under" (the water word cut
off by "now") and threats to jump out of a window; for weapon, a strimmer swung about, and a
correction told the other way round ("what he had was his phone", "only a comb found"). For
precision: a threat to use a weapon on someone else is no thought of suicide, threats to harm
oneself are not violence, and a relative said not to be violent or stabbed by a stranger is no
domestic abuse. Each family here is worded afresh, never copied from the held-back part.

Lookalikes that must not fire: a business that has gone under, the cat at the car window,
"help, he has got a splinter", bread thrown at the ducks, "the doctors fear she will never walk
again", a strimmer swung over the grass, a missing tortoise, "cutting his own hair"; and the near
misses still read: "making threats to kill her ex", "will use it on himself", "her son was
stabbed by his dad", "her husband is violent".
"""

import pytest

from rightcare.engine.vocab import Answer
from tests.narrative.helpers import answer

PRESENT = [
    ("risk_to_life", "the kayaker is splashing about and going under near the weir"),
    ("medical_emergency", "a swimmer off the groyne, panicking and going under"),
    ("risk_to_life", "our son says he is going to jump out of the upstairs window"),
    ("suicidal_thoughts", "she is threatening to jump out of the kitchen window"),
    ("risk_to_life", "you can hear a man shouting help she has got a knife"),
    ("violence", "a woman screaming help, he's got a gun, then the line went dead"),
    ("violence", "his eldest attacked his little brother with a rolling pin"),
    ("crime", "the older lad threatened his twin sister with a screwdriver"),
    ("violence", "youths lobbing stones at an old lady at the bus stop"),
    ("crime", "they were pelting cans at a homeless man"),
    ("violence", "the steward has the fan in a headlock on the concourse"),
    ("violence", "says he will make sure she never walks again if she leaves"),
    ("weapon", "the neighbour is brandishing a hedge trimmer at the builders"),
    ("weapon", "he is pacing the drive with the strimmer swinging it about"),
    ("suicidal_thoughts", "he was slashing at his own throat with a bit of mirror"),
    ("missed_appointment", "mums teatime carer visit was missed today"),
    ("health_professional_involved", "the pharmacist has sat him down in the back room"),
]

DENIED = [
    ("violence", "her boyfriend was shouting in the hall but has not touched her"),
    ("violence", "she says he hasnt touched her tonight"),
    ("violence", "bloke ranting at the bus driver, not threatening, just drunk"),
    ("violence", "the ward say he is not thought to be a risk to others"),
]

CORRECTED = [
    "man seen with a gun by the park. update: what he was carrying was a black umbrella, no gun",
    "girl said to have a blade in her blazer. update: searched, only a hairbrush found, no knife",
]

LOOKALIKES = [
    ("risk_to_life", "the shop has gone under and he is struggling with the bills"),
    ("medical_emergency", "the shop has gone under and he is struggling with the bills"),
    ("suicidal_thoughts", "the cat tried to jump out of the open car window"),
    ("risk_to_life", "can you help, he has got a splinter in his thumb"),
    ("violence", "kids throwing bread at the ducks on the pond"),
    ("violence", "the doctors fear she will never walk again after the crash"),
    ("weapon", "the gardener swung the strimmer over the long grass"),
    ("weapon", "neighbour using a strimmer on the hedge at 7am"),
    ("missing", "caller wants to report a missing tortoise"),
    ("suicidal_thoughts", "he was cutting his own hair in the mirror"),
    ("suicidal_thoughts", "he has a bat by the door and wants to use it on the lad next door"),
    ("violence", "she is making threats to jump off the car park roof"),
    ("domestic_abuse", "her husband has dementia and is not violent, needs help to bed"),
    ("domestic_abuse", "her son was glassed outside the club last night"),
]

STILL_READ = [
    ("violence", "she is making threats to kill her ex"),
    ("suicidal_thoughts", "he has a shotgun in the shed and will use it on himself"),
    ("domestic_abuse", "her son was stabbed by his dad"),
    ("domestic_abuse", "her husband is violent, she wants advice"),
    ("weapon", "searched him, only a knife found"),
]


@pytest.mark.parametrize(("question", "text"), PRESENT)
def test_each_family_is_read_as_yes(question: str, text: str) -> None:
    assert answer(text, question) is Answer.YES


@pytest.mark.parametrize(("question", "text"), DENIED)
def test_a_denial_of_violence_is_read_as_no(question: str, text: str) -> None:
    assert answer(text, question) is Answer.NO


@pytest.mark.parametrize("text", CORRECTED)
def test_a_weapon_corrected_to_something_harmless_is_a_no(text: str) -> None:
    assert answer(text, "weapon") is Answer.NO


def test_a_denial_of_blows_beside_a_threat_is_never_a_no() -> None:
    text = "he hasnt touched her but says he will batter her when she gets home"
    assert answer(text, "violence") is not Answer.NO


def test_neither_touched_nor_threatened_is_a_no() -> None:
    text = "her ex put the car windows in, he has not touched her or threatened her"
    assert answer(text, "violence") is Answer.NO


@pytest.mark.parametrize(("question", "text"), LOOKALIKES)
def test_a_lookalike_is_not_read_as_yes(question: str, text: str) -> None:
    assert answer(text, question) is not Answer.YES


@pytest.mark.parametrize(("question", "text"), STILL_READ)
def test_a_near_miss_of_an_ignore_is_still_read_as_yes(question: str, text: str) -> None:
    assert answer(text, question) is Answer.YES
