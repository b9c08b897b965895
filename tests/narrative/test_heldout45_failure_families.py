"""The kinds of miss seen on `heldout45.jsonl`, read as families of wording, in every context.

The forty-fifth part's one unsafe error was a risk_to_life `no` read from a son's own
reassurance ("not doing anything daft") while he sat in his car with a hose and tape in the boot.
The means of suicide got ready (a hose with tape near a vehicle, tablets counted out, a hose on
the exhaust, a rope ready) is now a risk_to_life `yes`, and a person's own reassurance beside
the means ("says hes fine", "not doing anything daft") is dropped, never a silent `no`; a plain
"not suicidal" beside the means stays a conflict (h9-0084, h27-0060). Each other family here is
worded afresh, never copied from the held-back part: "he's had enough" with the apostrophe, "had
enough" beside a gun, "cant see the point any more", a bag of pills beside despair, breathing
but "wont answer her", "gone under" in the surf, things thrown at a crowd, and, for precision, a
relative who says nobody hit anyone, a relative who hurt himself, and an ambulance on the way or
waiting that is not yet a health professional involved.

Lookalikes that must not fire: a hose for the garden and tape for parcels, "counted out the
change", "had enough of the noise", "cant see the point of the meeting", a bag of pills from the
chemist, "wont answer the door", a business gone under, snowballs thrown at parked cars; and the
near misses still read: "mum says dad hit him", "her brother stabbed her", paramedics with him.
"""

import pytest

from rightcare.engine.vocab import Answer
from tests.narrative.helpers import answer

MEANS_AT_HAND = [
    "he is sat in the van in the lay-by with a hosepipe and gaffer tape, says hes fine",
    "she drove to the beauty spot with tubing and duct tape in the car, "
    "says shes not doing anything daft",
    "mum has counted out all her tablets on the bed, told me she is okay",
    "he has been stockpiling his meds, says he wont do anything stupid",
    "he is in the garage with a hose on the exhaust, says he is alright",
    "she has a rope ready in the loft, says shes fine",
]

PRESENT = [
    ("risk_to_life", "in the shed with the shotgun and he's had enough, wont open up"),
    ("suicidal_thoughts", "she rang from the multi storey saying she's had enough"),
    ("suicidal_thoughts", "he rang the helpline to say he cant see the point any more"),
    ("risk_to_life", "says he cant see the point anymore, has a box of tablets in his pocket"),
    ("medical_emergency", "nan is breathing but wont answer me and shes gone grey"),
    ("risk_to_life", "my husband is breathing but will not speak to me"),
    ("medical_emergency", "kayaker caught in the current by the weir, gone under twice"),
    ("violence", "lads on the bridge were hurling bottles at the shoppers below"),
]

LOOKALIKES = [
    ("risk_to_life", "bought a hose for the garden and some tape for parcels, says hes fine"),
    ("risk_to_life", "the cashier counted out the change and says she is okay"),
    ("suicidal_thoughts", "she's had enough of the noise from the flat above"),
    ("suicidal_thoughts", "the manager cant see the point of the new meeting"),
    ("risk_to_life", "collected a bag of pills from the chemist for his mum"),
    ("medical_emergency", "he is breathing but wont answer the door to the landlord"),
    ("medical_emergency", "his shop has gone under and he is at the beach"),
    ("violence", "kids throwing snowballs at parked cars on the close"),
    ("domestic_abuse", "mum says no one hit him, it was just a row about his phone"),
    ("domestic_abuse", "her brother stabbed himself in the leg with a chisel at work"),
    ("health_professional_involved", "ambulance already on the way, he is sat on the kerb"),
    ("health_professional_involved", "ambulance waiting at the car park for the walkers"),
]

STILL_READ = [
    ("domestic_abuse", "mum says dad hit him with a belt"),
    ("domestic_abuse", "her brother stabbed her in the kitchen"),
    ("health_professional_involved", "paramedics with him, ambulance waiting outside"),
    ("suicidal_thoughts", "texted his mate hes had enough"),
]


@pytest.mark.parametrize("text", MEANS_AT_HAND)
def test_the_means_of_suicide_at_hand_is_a_risk_to_life(text: str) -> None:
    assert answer(text, "risk_to_life") is Answer.YES


@pytest.mark.parametrize("text", MEANS_AT_HAND)
def test_a_reassurance_beside_the_means_is_never_a_no(text: str) -> None:
    assert answer(text, "risk_to_life") is not Answer.NO
    assert answer(text, "suicidal_thoughts") is not Answer.NO


def test_the_quarry_car_park_family_reads_yes_and_not_a_silent_no() -> None:
    text = (
        "caller says her husband, 52, is sat in his car up at the viewpoint with a hose and "
        "tape in the back, says hes not doing anything daft, now not picking up"
    )
    assert answer(text, "risk_to_life") is Answer.YES
    assert answer(text, "suicidal_thoughts") is not Answer.NO


def test_a_plain_denial_of_suicidal_thoughts_beside_the_means_stays_a_conflict() -> None:
    text = "she says she is not suicidal but has a hose and tape in the car boot"
    assert answer(text, "risk_to_life") is not Answer.NO


def test_a_reassurance_without_any_means_is_still_a_no() -> None:
    assert answer("he says hes not going to do anything daft", "risk_to_life") is Answer.NO


@pytest.mark.parametrize(("question", "text"), PRESENT)
def test_each_family_is_read_as_yes(question: str, text: str) -> None:
    assert answer(text, question) is Answer.YES


@pytest.mark.parametrize(("question", "text"), LOOKALIKES)
def test_a_lookalike_is_not_read_as_yes(question: str, text: str) -> None:
    assert answer(text, question) is not Answer.YES


@pytest.mark.parametrize(("question", "text"), STILL_READ)
def test_a_near_miss_of_an_ignore_is_still_read_as_yes(question: str, text: str) -> None:
    assert answer(text, question) is Answer.YES
