"""The kinds of miss seen on `heldout50.jsonl`, read as families of wording.

heldout50 was spent in the fiftieth round with no unsafe error; its misses on the critical
questions, and the wrong answers that clustered on a few questions, are read here as families.
Misses: an ultimatum ending "or you'll be next" with the weapon too far back for the window
(risk_to_life, violence and crime); a tool named in two words "pulled on" a person, and a thing
waved or swung at workers named by their role (violence and crime); a weapon held with a threat
to "use it on anyone" (crime); a person in a fire saying they want to burn or die with it, and
charcoal or a disposable barbecue got with tape or meant for a tent or a bedroom (risk_to_life
and suicidal_thoughts); someone stuck up to the chest or waist, and someone walking along the
middle of a numbered road with traffic near (risk_to_life); smoke or fumes breathed in with an
amount between (medical_emergency); medics at an event, and "per crew" opening a timed update
(health_professional_involved). Wrong answers: "no further medical concerns" read as a
medical `yes`, an ambulance wanted or asked for read as a crew already there, a hand cut on a
kitchen knife read as a weapon, and a hanging person "cut down" by a relative read as violence.
Each family here is worded afresh, never copied from the held-back part.

Lookalikes that must not fire: "or you'll be next in line", "pulled a fast one on", a wave at
the stewards with nothing in the hand, "burn with shame", a family barbecue with charcoal,
stuck up to the knees, down the middle of the garden, "per fire crew"; and the near misses still
read: a knife that cuts a hand on purpose is still a weapon, a stranger who "cut him down" with a
sword is still violence, and a nurse who asks for an ambulance is still a professional involved.
"""

import pytest

from rightcare.engine.vocab import Answer
from tests.narrative.helpers import answer

PRESENT = [
    (
        "risk_to_life",
        "the poacher had a crossbow in the wood and told the warden move or youre next",
    ),
    ("violence", "shouted at the bailiff hand back the keys or you'll be next"),
    ("crime", "a lad with a bat said drop it or you will be next"),
    ("violence", "the customer pulled a carpet cutter on the driver at the depot"),
    ("crime", "her lodger pulled a bread knife on her in the hall"),
    ("violence", "a man is swinging a chair leg at the receptionists in the surgery"),
    ("crime", "jabbing a broom handle at the cleaners on the platform"),
    ("crime", "holding a machete at the door, says he will use it on whoever comes up the path"),
    ("risk_to_life", "flat full of smoke and he is shouting he wants to burn with it"),
    ("suicidal_thoughts", "flames in the caravan and she says she will die with the caravan"),
    ("suicidal_thoughts", "has bought charcoal and duct tape and plans to use it in his van"),
    ("risk_to_life", "a disposable barbecue and tape found by his sister in his bedroom"),
    ("risk_to_life", "the horse rider has sunk up to her waist in the bog"),
    ("risk_to_life", "lad lying down the middle of the motorway, cars swerving round him"),
    ("medical_emergency", "the chip shop owner inhaled a lot of smoke putting out the fryer"),
    ("health_professional_involved", "race medics are with the rider by the finish line"),
    ("health_professional_involved", "per crew: patient now alert and talking"),
]

DENIED = [
    ("medical_emergency", "seen by the paramedic, no further medical concerns, gone home"),
]

LOOKALIKES = [
    ("violence", "tidy your room or you'll be next in line for a telling off"),
    ("violence", "she pulled a fast one on her manager at the quiz"),
    ("violence", "the children were waving at the stewards from the coach"),
    ("risk_to_life", "he will burn with shame if anyone finds out"),
    ("suicidal_thoughts", "lit the charcoal for the burgers, neighbours came round"),
    ("risk_to_life", "the toddler is stuck up to his knees in the paddling pool sand"),
    ("risk_to_life", "walking down the middle of the garden with the dog"),
    ("health_professional_involved", "per fire crew: blaze out, nobody inside"),
    ("health_professional_involved", "her husband wants an ambulance for her"),
    ("weapon", "the pastry chef cut her finger on a paring knife while prepping, accident"),
    ("violence", "found hanging in the shed by his brother, who cut him down, not breathing"),
    ("medical_emergency", "the coach was waving at the fans, nobody breathed in any smoke"),
]

NEAR_MISSES = [
    ("weapon", "her son came at her with a kitchen knife while she was cooking"),
    ("violence", "he was cut down by a stranger with a sword in the car park"),
    ("health_professional_involved", "the district nurse is asking for an ambulance"),
]


@pytest.mark.parametrize(("question", "text"), PRESENT)
def test_a_present_risk_or_fact_in_these_words_is_read_as_yes(question: str, text: str) -> None:
    assert answer(text, question) is Answer.YES


@pytest.mark.parametrize(("question", "text"), DENIED)
def test_no_further_medical_concerns_is_read_as_no(question: str, text: str) -> None:
    assert answer(text, question) is Answer.NO


@pytest.mark.parametrize(("question", "text"), LOOKALIKES)
def test_a_lookalike_of_these_families_is_not_read_as_yes(question: str, text: str) -> None:
    assert answer(text, question) is not Answer.YES


@pytest.mark.parametrize(("question", "text"), NEAR_MISSES)
def test_the_near_misses_beside_the_new_ignores_are_still_read(question: str, text: str) -> None:
    assert answer(text, question) is Answer.YES
