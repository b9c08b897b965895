"""The kinds of miss seen on `heldout49.jsonl`, read as families of wording.

heldout49 was spent in the forty-ninth round with no unsafe error; its misses on the critical
questions, and the wrong answers that clustered on a few questions, are read here as families.
Misses: a threat to kill said as "she'll be next" or "you will be next" beside a gun, a knife
or a killing (risk_to_life, violence and crime); someone cut off or stranded by the tide; a gun
drawn and then "pointed it at" a person named after it (risk_to_life); "is cutting" with no
object behind a locked or bolted door or in a bathroom (serious_harm and suicidal_thoughts);
"will do it tonight / if" beside a hosepipe, a blade or a train (suicidal_thoughts); a bite to
a named part of the body, and an arm or a leg that cannot be moved after a fall (serious_harm);
a breach of bail (crime); clinicians of the feet, eyes and ears (health_professional_involved);
"no location given" (a location_known `no`). Wrong answers: a foster carer read as a care
professional, "dr" in a street address read as a doctor, the offender who "has run off" read as
a missing person, and a business "struggling and going under" read as someone drowning (the open
gap the forty-seventh round named). Each family here is worded afresh, never copied from the
held-back part.

Lookalikes that must not fire: "next to be seen" and "next in the queue", a lane cut off at high
tide, a laser pointed at a wall, a bite to eat, cutting the hedge, a foster mum, a thief who ran
off, a shop going under; and the near misses still read: a child who has run off is still
missing, a doctor named after an address is still a doctor, and a swimmer struggling and going
under is still a risk to life.
"""

import pytest

from rightcare.engine.vocab import Answer
from tests.narrative.helpers import answer

PRESENT = [
    ("risk_to_life", "he posted a photo of his rifle and wrote that she will be next"),
    ("violence", "the dealer showed him a blade and told him you're next."),
    ("crime", "a voice note with a gun in shot saying they will be next"),
    ("risk_to_life", "three teenagers trapped by the incoming tide below the cliffs"),
    ("risk_to_life", "a walker cut off by the tide on the causeway"),
    ("risk_to_life", "he drew a handgun in the takeaway and aimed it at the delivery driver"),
    ("serious_harm", "she has locked the toilet door and is cutting, staff are outside"),
    ("suicidal_thoughts", "he is in the bathroom and is cutting again"),
    (
        "suicidal_thoughts",
        "sat in the garage with the exhaust hose, says he will do it if she goes",
    ),
    ("serious_harm", "the meter reader has a bite to his thigh from their alsatian"),
    ("serious_harm", "she tripped on the kerb and cannot move her leg"),
    ("crime", "her ex is breaching his bail by sitting outside the school"),
    ("health_professional_involved", "a chiropodist on a home visit found him confused"),
    ("health_professional_involved", "the optometrist says her patient has gone grey"),
]

DENIED = [
    ("location_known", "worried about a man who messaged that he has pills, no location given"),
    ("location_known", "report of a teenager self harming on a live stream, no current location"),
]

LOOKALIKES = [
    ("risk_to_life", "the pharmacist said she will be next to be served"),
    ("violence", "they are next in the queue for the knife sharpening stall"),
    ("risk_to_life", "the coast road is cut off at high tide twice a day"),
    ("risk_to_life", "the builder pointed it at the corner of the ceiling"),
    ("serious_harm", "they stopped for a bite to eat on the way home"),
    ("suicidal_thoughts", "dad is cutting the grass by the bathroom window"),
    ("suicidal_thoughts", "he will do it tonight, the hedge, with the new trimmer"),
    ("health_professional_involved", "the foster carer says the girl is late home"),
    ("health_professional_involved", "a woman has fainted at 12 larch dr"),
    ("missing", "the man with the knife has run off towards the river"),
    ("risk_to_life", "his business is struggling and going under since the road closed"),
    ("medical_emergency", "the pub is struggling and going under, the landlord says"),
    ("crime", "he is staying at the bail hostel on the ring road"),
]

NEAR_MISSES = [
    ("missing", "her son aged 6 has run off in the shopping centre"),
    ("health_professional_involved", "man collapsed at 3 ash dr, dr patel is with him"),
    ("risk_to_life", "the swimmer is struggling and going under by the buoy"),
]


@pytest.mark.parametrize(("question", "text"), PRESENT)
def test_a_present_risk_or_fact_in_these_words_is_read_as_yes(question: str, text: str) -> None:
    assert answer(text, question) is Answer.YES


@pytest.mark.parametrize(("question", "text"), DENIED)
def test_a_location_said_to_be_missing_is_read_as_no(question: str, text: str) -> None:
    assert answer(text, question) is Answer.NO


@pytest.mark.parametrize(("question", "text"), LOOKALIKES)
def test_a_lookalike_of_these_families_is_not_read_as_yes(question: str, text: str) -> None:
    assert answer(text, question) is not Answer.YES


@pytest.mark.parametrize(("question", "text"), NEAR_MISSES)
def test_the_near_misses_beside_the_new_ignores_are_still_read(question: str, text: str) -> None:
    assert answer(text, question) is Answer.YES
