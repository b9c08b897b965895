"""The kinds of miss seen on `heldout43.jsonl`, read as families of wording, in every context.

The forty-third part's one unsafe error was a narrow denial ("no knives seen") read as a weapon
`no` while a pool cue was swung at a pub's windows earlier in the same log. An object swung or
wielded at windows, doors or cars is now a weapon `yes` when the object is named near "it", and
`improvised.py` drops a named weapon's denial beside such a swing even where no pattern reads the
object. Each family here is worded afresh, never copied from the held-back part: a denial of
wanting to die as a risk_to_life `no`, a threat to "finish" a named person "off" as violence,
crime and a risk to life, acid threatened on a person's face as violence and crime, a threat told
"tonight" or "this morning" with a condition in it as a threat made now, coming back with a weapon
"for" a named worker as violence, and a leg or hip that "looks broken" as a medical emergency.

Lookalikes that must not fire: "finish the job off", "kill him" shouted at a video game, a "shoot
em up" game, a sword on the wall or in a collection, a blade's wrapper or packet, an arm that
looks broken (m0079) and a bare "leg broken" (dev d0740) as medical_emergency, and a torch
pointed at a window (it names no swing, so "no knife seen" after it keeps its `no`).
"""

import pytest

from rightcare.engine.vocab import Answer
from tests.narrative.helpers import answer

UNSAFE = [
    "2301 a lad has a snooker cue and is swinging it at the bus shelter glass. 2303 no knives seen",
    "she says he picked up a broom and is swinging it at the front windows, no knife on him",
    "the fella has a crowbar and is wielding it at the parked cars. doorman says no blades",
]

PRESENT = [
    ("weapon", "the steward says a man has a golf club and is swinging it at the taxis"),
    ("risk_to_life", "her cousin is at the door yelling hes going to finish the barman off"),
    ("violence", "her cousin is at the door yelling hes going to finish the barman off"),
    ("crime", "her cousin is at the door yelling hes going to finish the barman off"),
    ("violence", "her ex has messaged saying he will put bleach in her eyes"),
    ("crime", "her ex has messaged saying he will put bleach in her eyes"),
    ("violence", "her dad told her this morning that if she sees the lad again he'll kill her"),
    ("risk_to_life", "her dad told her this morning that if she sees the lad again he'll kill her"),
    ("violence", "the man thrown out of the bingo said hed come back with a knife for the manager"),
    ("medical_emergency", "the jockey came off at the fence and his leg looks snapped"),
]

DENIED = [
    ("risk_to_life", "the support worker says he cut his hand but denies wanting to die"),
    ("suicidal_thoughts", "the nurse says she denied any wish to die this evening"),
]

LOOKALIKES = [
    ("violence", "the plasterer will finish the job off on monday"),
    ("risk_to_life", "the plasterer will finish the job off on monday"),
    ("violence", "on his playstation all night with a headset on shouting kill him"),
    ("risk_to_life", "on his playstation all night with a headset on shouting kill him"),
    ("crime", "on his playstation all night with a headset on shouting kill him"),
    ("violence", "the teenager upstairs is playing a shoot em up with the sound right up"),
    ("risk_to_life", "the teenager upstairs is playing a shoot em up with the sound right up"),
    ("weapon", "the old man has a cavalry sword on the wall in his lounge"),
    ("weapon", "found an empty razor blade packet on the bathroom floor"),
    ("medical_emergency", "she tripped on the kerb and her arm looks broken"),
    ("medical_emergency", "knocked off his bike by a car, leg broken"),
]


@pytest.mark.parametrize("text", UNSAFE)
def test_a_named_weapon_denied_is_no_weapon_no_beside_an_object_swung_at_property(
    text: str,
) -> None:
    assert answer(text, "weapon") is Answer.YES


@pytest.mark.parametrize(("question", "text"), PRESENT)
def test_each_family_is_read_as_yes(question: str, text: str) -> None:
    assert answer(text, question) is Answer.YES


@pytest.mark.parametrize(("question", "text"), DENIED)
def test_each_plain_denial_is_read_as_no(question: str, text: str) -> None:
    assert answer(text, question) is Answer.NO


@pytest.mark.parametrize(("question", "text"), LOOKALIKES)
def test_each_lookalike_is_never_read_as_yes(question: str, text: str) -> None:
    assert answer(text, question) is not Answer.YES


def test_a_torch_pointed_at_a_window_leaves_the_knife_denial_a_no() -> None:
    assert answer("pointing the torch at the window, no knife seen", "weapon") is Answer.NO


def test_swinging_it_at_a_door_with_no_object_named_is_not_a_weapon() -> None:
    assert answer("he swung it at the door and walked off", "weapon") is not Answer.YES


def test_a_sword_taken_off_the_wall_and_waved_at_someone_is_still_a_weapon() -> None:
    text = "he took the sword off the wall and is waving it at his mum"
    assert answer(text, "weapon") is Answer.YES


def test_a_callers_own_worry_with_a_time_word_stays_hypothetical() -> None:
    text = "mum says if he doesnt get help tonight he might kill someone"
    assert answer(text, "violence") is Answer.UNKNOWN


def test_a_threat_of_a_stab_still_carries_a_weapon_as_dev_labels_it() -> None:
    text = "he texted her this morning that if she goes to the police he'll stab her"
    assert answer(text, "weapon") is Answer.YES
