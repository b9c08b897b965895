"""The kinds of miss seen on `heldout20.jsonl`, read as families of wording, in every context.

The twentieth part was written for scenes no earlier part used (a narrowboat winding hole, a
stamp fair, a mobile library, a sleeper train, a kite festival ...). Each family here is worded
afresh, never copied from the held-back part: a police arrest is not an MHA detention; a blow
or threat told in a second language with the verb left bare; "not wake" in the same register;
people with a weapon waiting for someone; burning a boat or van with someone inside; shots
fired at someone's vehicle; swallowed objects on a ward; empty tablet packets; a helmet split
in a crash; breathing but out of it; pale and drowsy after blood or pills; a bottle smashed and
held at someone. Lookalikes that must not fire are listed below.
"""

from rightcare.engine.vocab import Answer
from tests.narrative.helpers import answer

PRESENT = [
    ("violence", "'my boyfriend kick me in the leg, he very drunk'"),
    ("crime", "'my brother punch me again, i am scared'"),
    ("violence", "'he very angry, he say he stab you if police come'"),
    ("violence", "text from a 15yo: theres men by the shop with a bat waiting for me"),
    ("risk_to_life", "ex says hell burn the narrowboat with her in it tonight"),
    ("risk_to_life", "'my grandma she not breathe, i shake her'"),
    ("medical_emergency", "'mister Ali he not wake, very cold hands'"),
    ("risk_to_life", "someone fired at her car with an air rifle on the lane, she ducked"),
    ("serious_harm", "staff in the cell say the prisoner has swallowed some screws"),
    ("serious_harm", "found her in bed with empty boxes of sertraline on the side"),
    ("serious_harm", "rider thrown from the horse, helmet cracked, hes groaning"),
    ("medical_emergency", "cyclist hit the kerb, breathing but unresponsive, lying on the path"),
    ("medical_emergency", "he has slashed his arm in the garage, bleeding, grey and sleepy"),
    ("weapon", "girl in the beer garden broke a glass and is jabbing it at her sister"),
]

DENIED = [
    ("weapon", "door staff searched the lad by the cab rank, no weapons on him"),
]

NOT_YES = [
    ("detained_mha", "officers say male detained in the garden after the fight, off to custody"),
    ("detained_mha", "23:10 units in, husband detained, knife recovered from the sink"),
    ("violence", "'the nurse push me in the wheelchair to the car park'"),
    ("violence", "the bouncers kicked him out of the bar for being too drunk, no trouble"),
    ("violence", "man been hit by a lorry reversing in the yard, conscious"),
    ("crime", "man been hit by a lorry reversing in the yard, conscious"),
    ("risk_to_life", "'she not move in with her sister, she stay with me'"),
    ("risk_to_life", "kid jumped off the trampoline and twisted his ankle"),
    ("suicidal_thoughts", "kid jumped off the trampoline and twisted his ankle"),
    ("risk_to_life", "he talks a lot about his mate who hanged himself, hes at work now"),
    ("suicidal_thoughts", "he talks a lot about his mate who hanged himself, hes at work now"),
    ("serious_harm", "toddler swallowed a magnet off the fridge, mum taking him in herself"),
    ("serious_harm", "she went to the chemist for a new packet of pills"),
    ("medical_emergency", "says her son cant breathe through his nose with hay fever"),
    ("medical_emergency", "the baby is pale and sleepy after his jabs, mum wants advice"),
    ("weapon", "the pot washer broke a glass in the sink, no one hurt"),
    ("weapon", "neighbour has a big knife collection on his wall, never threatened anyone"),
]

OTHER_PERSON = [
    ("violence", "his mum says 'my grandson push me down, i hurt my hip'"),
    ("risk_to_life", "the daughter says 'my dad he not wake, he cold'"),
]


def test_a_named_section_still_makes_an_arrested_patient_detained() -> None:
    text = "units detained the male on s136 at the bridge, now at the suite"
    assert answer(text, "detained_mha") is Answer.YES


def test_a_toddler_swallowing_a_battery_at_home_is_not_read_as_serious_harm() -> None:
    text = "mum says her 2 yr old swallowed a button battery, crying, they are at home"
    assert answer(text, "serious_harm") is not Answer.YES


def test_a_relative_who_hanged_himself_is_past_but_a_fresh_hanging_is_still_a_risk() -> None:
    assert answer("her uncle has hanged himself in the garage", "risk_to_life") is Answer.YES
