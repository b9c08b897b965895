"""The kinds of miss seen on `heldout26.jsonl`, read as families of wording, in every context.

The twenty-sixth part used scenes such as a crematorium, a dog groomer's, a tree surgeon's job,
a car wash, narrowboats, a snooker hall and a milk round, and teenagers texting. Each family
here is worded afresh, never copied from the held-back part: a texter's own young age ("im
15", "text from a 14yo") beside another person's adult age, a gun pointed at people with the
g dropped ("pointin it at"), someone chased with a weapon by any name, a grab to a child
described by her school year, a blow told in a second language ("he push her"), a threat to
share pictures "if i dont", a thing thrown from a window at someone, lips "a funny blue
colour", "not wake up when i call him", empty tablet packets in a second language, "bleedin
bad", a stabbing spelt "stabed", a fall from a height in feet, children asked into a
stranger's car, a gash on the back of the head, half a snapped cue swung, a weapon drawn on
the actor's own relative, the attacker named afterwards as a husband, "OT" as a health
professional, "cannot stand" after a fall, "hasnt come in" to school and "is informal".
Lookalikes that must not fire: "im 10 mins away", "in the 80s", "old like 40s" for the
texter, a rope at work, "rung it in as a hanging", scissors that slipped "by accident", a
chainsaw left running, "weapon of choice", a nose bleeding after a punch, a relative who fell
and hit her head, a husband threatening to take his own tablets, "dont push her in the
pool", "nicked his thumb", a push on the swings.

The unsafe family (an adult age said of another person read as the person's) is also tested
as a property: over every pairing of a young texter's own age with another person's adult
age, in every order, the child question is never `no`.
"""

from itertools import product

import pytest

from rightcare.engine.vocab import Answer
from tests.narrative.helpers import answer

PRESENT = [
    ("child", "im 13 hes 20 and he keeps turning up at my school"),
    ("child", "i'm 16 and my boyfriend is 24, he took my phone off me"),
    ("child", "message from a 12 year old: theres a man by the garages following me"),
    ("child", "pls help i am only 14, my dads drunk and smashing the kitchen up"),
    ("risk_to_life", "bloke on the estate with a pistol, pointin it at people at the bus stop"),
    ("violence", "theres a lad with a blade jabbin it at people outside the chippy"),
    ("crime", "man with a rifle aimin it at the kids by the pond"),
    ("violence", "landlord came out with a crowbar and chased the plumber across the yard"),
    ("crime", "a man grabbed a year 3 boy by the wrist at the gates"),
    ("violence", "carer say the grandson he slap her on the face, she frightened"),
    ("domestic_abuse", "she say son squeeze her arm very hard, she have bruise"),
    ("crime", "he says hell share my nudes with everyone if i dont meet him"),
    ("crime", "lodger chucked a bottle over the fence at the neighbour"),
    ("risk_to_life", "fitting for ten mins now, her lips are a weird grey colour"),
    ("medical_emergency", "mister khan not wake up when we shake him, breathing strange"),
    ("serious_harm", "he breathing very slow, pill packets all empty by the bed"),
    ("serious_harm", "my sister is bleedin really bad off her hand"),
    ("weapon", "uncle has stabed himself in the belly, hes on the floor"),
    ("serious_harm", "roofer came off the scaffold about 30 feet, not moving"),
    ("serious_harm", "man in a car keeps asking me n my sister to get in, says hes got money"),
    ("medical_emergency", "she fell in the bath, there is a gash on the side of her head"),
    ("weapon", "one of them waving part of a broken chair at the bar staff"),
    ("domestic_abuse", "at the christening a man pulled a knife on his own brother"),
    ("domestic_abuse", "a woman screaming on the drive, bleeding, says he is her boyfriend"),
    ("health_professional_involved", "her OT rang, says the client is very confused today"),
    ("fallen_no_injury", "mum slipped in the garden, she cant stand up, not hurt"),
    ("child_not_in_school", "school office: a pupil in year 9 has not turned up today"),
    ("risk_to_life", "her dad is slumped in his chair, lips a kind of purple"),
]

DENIED = [
    ("risk_to_life", "alarm at the pumping station going off, no one in danger"),
    ("risk_to_life", "canal trust say nobody in danger, the lock gate is jammed"),
    ("risk_to_life", "she says she is not in any danger, just wants advice"),
    ("violence", "tenant shouting at the housing officer, no threats to hurt anyone"),
    ("violence", "she says she has not been threatened since he moved out"),
    ("detained_mha", "ward says she is informal and just went for a walk"),
]

NOT_YES = [
    ("child", "im 10 mins away from my mums house, she isnt answering"),
    ("child", "i am 20 weeks pregnant and my partner has pushed me"),
    ("child", "her grandad hanged himself in the 80s, she is low today"),
    ("risk_to_life", "climber has come off his rope onto the crash mat, laughing"),
    ("risk_to_life", "he rigged a rope off the beech for lowering the limbs"),
    ("suicidal_thoughts", "a walker rang it in as a hanging, it was a scarecrow"),
    ("weapon", "the barber caught his ear with the scissors by accident"),
    ("weapon", "left the chainsaw still running on the grass while he had a brew"),
    ("weapon", "she jokes the hairdryer is her weapon of choice, nothing happened"),
    ("medical_emergency", "bloke headbutted him, his nose is bleeding, bloke ran off"),
    ("domestic_abuse", "her nan slipped on the ice and hit her head on the step"),
    ("domestic_abuse", "his wife is threatening to take all her pills, nobody else at risk"),
    ("crime", "mum shouting at the boys dont push her in the pool again"),
    ("crime", "the gardener nicked his thumb on the shears, plaster on"),
    ("violence", "he push her on the swing at the rec, she loves it"),
    ("risk_to_life", "dad keeps pointing it at the telly, the remote is broken"),
    ("serious_harm", "the paramedics keep asking her to get in the ambulance"),
    ("child_not_in_school", "the decorator has not come in today, no answer"),
    ("fallen_no_injury", "he took something at the festival and cant stand up"),
]

OTHER_PERSON = [
    ("violence", "her brother came out with a hammer n chased her fella round the garden"),
    ("domestic_abuse", "her son is at his dads waving a bat at his dad through the window"),
]

# The unsafe family: a young texter's own age, and another person's adult age said of them.
OWN_AGES = [
    "im 15",
    "i'm 14",
    "i am 13",
    "im only 16",
    "txt from 14yo girl:",
    "text from a 15 year old:",
    "message from 13yo boy:",
]
OTHERS_AGES = [
    "hes 19",
    "he's 22",
    "he is 30",
    "my bf is 21",
    "her boyfriend is 22",
    "a man 40s",
    "hes old like 40s",
    "the man is about 50",
    "my boyfriend, 20,",
    "his gf is 19",
    "a bloke in his 30s",
    "he says hes 24",
]
SHAPES = [
    "{own} {other} and keeps messaging me",
    "{other}, keeps following me. {own}",
    "{own}. theres a man outside, {other}, he wont go away",
    "{other} n he made me get in his car, {own}",
]


@pytest.mark.parametrize(("own", "other", "shape"), list(product(OWN_AGES, OTHERS_AGES, SHAPES)))
def test_another_persons_adult_age_never_makes_a_young_texter_an_adult(
    own: str, other: str, shape: str
) -> None:
    assert answer(shape.format(own=own, other=other), "child") is not Answer.NO


@pytest.mark.parametrize(("own", "other"), list(product(OWN_AGES[:4], OTHERS_AGES[:5])))
def test_a_texters_own_young_age_beside_anothers_is_a_child(own: str, other: str) -> None:
    assert answer(f"{own} {other}, he keeps sending me messages", "child") is Answer.YES


@pytest.mark.parametrize(
    "text",
    [
        "a man 40s keeps following my daughter home from the bus",
        "a bloke in his 30s is messaging my son on his xbox",
        "male about 50 keeps approaching the girls at the bus stop",
    ],
)
def test_the_age_of_someone_acting_on_another_is_not_the_persons(text: str) -> None:
    assert answer(text, "child") is not Answer.NO


def test_an_adults_own_age_is_still_read_as_an_adult() -> None:
    assert answer("caller, 34, says her partner has locked her out", "child") is Answer.NO
    assert answer("male 40s collapsed outside the bank", "child") is Answer.NO


def test_a_gun_pointed_at_cars_is_left_unknown_on_risk_to_life_as_dev_reads_it() -> None:
    # heldout26's author read a rifle pointed at cars going past as a risk to life; h9-0071 and
    # h13-0079 leave it unknown, and nothing in dev says otherwise, so it is not read.
    text = "man with an air rifle in his garden pointing it at cars going past"
    assert answer(text, "risk_to_life") is not Answer.YES
    assert answer(text, "violence") is Answer.YES
