"""The kinds of miss seen on `heldout44.jsonl`, read as families of wording, in every context.

The forty-fourth part's misses were mostly on medical_emergency (10 of 39): a chest called
"tight" in a log's short word order, cold or shivering "and confused", a nosebleed that "wont
stop", and an overdose told as "swallowed the lot" beside pills. Each family here is worded
afresh, never copied from the held-back part: those four as a medical emergency (the overdose as
serious harm too), a mark "on its" face as serious harm, "no thoughts of hurting himself" as a
risk_to_life and suicidal_thoughts `no`, fuel poured over oneself told as "it" and "going over"
from a bridge as a risk to life, "hes not hit her" as a violence `no`, a threat to batter a named
worker and a gun fired "towards" walkers as violence (the gun also as crime), and, for
precision, a threat to kill oneself that is neither crime nor domestic abuse, a relative harmed
by strangers that is not domestic abuse, and an ambulance only tasked or coming that is not yet
a health professional involved.

Lookalikes that must not fire: a nosebleed that has stopped beside something else that "wont
stop", "took the lot" to a shop with no drug named, a stopped list with commas ("cold, confused",
left as the earlier parts disagree), "pouring it over himself" with no fuel near, "going over the
figures", "battered the champion" with no threat, a shotgun fired at clay targets, "threatening to
kill himself and his wife" (still abuse and crime, dev d0318), a daughter "stabbed in the arm by
her boyfriend" (still abuse), and paramedics with him (still a professional).
"""

import pytest

from rightcare.engine.vocab import Answer
from tests.narrative.helpers import answer

PRESENT = [
    ("medical_emergency", "the lad at the rave says his chest has gone tight and hes sweating"),
    ("medical_emergency", "chest really tight after the coke, pulse racing"),
    ("medical_emergency", "the walker off the fell is freezing and confused, slurring a bit"),
    ("medical_emergency", "found in the snow, cold and drowsy"),
    ("medical_emergency", "her nosebleed has been going over an hour and wont stop"),
    ("medical_emergency", "his nose bleed will not stop, he is on blood thinners"),
    ("medical_emergency", "he got his tablets out of the drawer and swallowed them all"),
    ("serious_harm", "she bought two packets of codeine and necked the lot on the bus"),
    ("serious_harm", "the newborn has a bruise on its forehead and mum is vague"),
    ("risk_to_life", "at the garage filled a jerry can and is tipping it over himself"),
    ("suicidal_thoughts", "at the garage filled a jerry can and is tipping it over himself"),
    ("risk_to_life", "on the footbridge over the motorway saying hes going over the railings"),
    ("suicidal_thoughts", "says she keeps having thoughts of hurting herself"),
    ("violence", "punter thrown out says hell come back and batter the doorman"),
    ("violence", "he says hes gonna deck the teacher tomorrow"),
    ("violence", "a lad has been firing an air rifle towards the kids on the swings"),
    ("crime", "a lad has been firing an air rifle towards the kids on the swings"),
]

DENIED = [
    ("risk_to_life", "dad says hes calmer, no thoughts of hurting himself"),
    ("suicidal_thoughts", "dad says hes calmer, no thoughts of hurting himself"),
    ("suicidal_thoughts", "she denies thoughts of hurting herself"),
    ("violence", "he took her bank card but hes not hit her"),
    ("violence", "she's not hit anyone, just shouting"),
]

LOOKALIKES = [
    ("medical_emergency", "the nosebleed has stopped now but the alarm wont stop going off"),
    ("medical_emergency", "he took the lot to the recycling centre this morning"),
    ("serious_harm", "he took the lot to the recycling centre this morning"),
    ("medical_emergency", "found on the kitchen floor, cold, confused"),
    ("risk_to_life", "at the beach he is pouring it over himself to cool off"),
    ("risk_to_life", "the accountant is going over the figures tonight"),
    ("violence", "hes not hit her yet but hes shouting at her"),
    ("violence", "firing a shotgun at clay targets in the field"),
    ("crime", "firing a shotgun at clay targets in the field"),
    ("crime", "her dad threatened to hang himself tonight after the row"),
    ("domestic_abuse", "her dad threatened to hang himself tonight after the row"),
    ("domestic_abuse", "her brother has been stabbed in the leg outside the pub, lots of blood"),
    ("health_professional_involved", "fell from the roof, air ambulance tasked"),
    ("health_professional_involved", "lad off his bike, ambulance coming"),
]

STILL_READ = [
    ("domestic_abuse", "male threatening to kill himself and his wife, has a knife"),
    ("crime", "male threatening to kill himself and his wife, has a knife"),
    ("domestic_abuse", "her daughter has been stabbed in the arm by her boyfriend"),
    ("health_professional_involved", "air ambulance tasked, paramedics with him now"),
    ("health_professional_involved", "19:50 crews on scene with both drivers"),
]


@pytest.mark.parametrize(("question", "text"), PRESENT)
def test_each_family_is_read_as_yes(question: str, text: str) -> None:
    assert answer(text, question) is Answer.YES


@pytest.mark.parametrize(("question", "text"), DENIED)
def test_each_plain_denial_is_read_as_no(question: str, text: str) -> None:
    assert answer(text, question) is Answer.NO


@pytest.mark.parametrize(("question", "text"), LOOKALIKES)
def test_a_lookalike_is_not_read_as_yes(question: str, text: str) -> None:
    assert answer(text, question) is not Answer.YES


@pytest.mark.parametrize(("question", "text"), LOOKALIKES)
def test_a_lookalike_is_not_read_as_no_either(question: str, text: str) -> None:
    assert answer(text, question) is Answer.UNKNOWN


@pytest.mark.parametrize(("question", "text"), STILL_READ)
def test_a_near_miss_of_an_ignore_is_still_read_as_yes(question: str, text: str) -> None:
    assert answer(text, question) is Answer.YES


def test_the_narrow_denial_of_hurting_oneself_leaves_an_overdose_a_risk_to_life() -> None:
    text = "he has taken an overdose of his tablets, no thoughts of hurting himself he says"
    assert answer(text, "risk_to_life") is Answer.YES
