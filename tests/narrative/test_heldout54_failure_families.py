"""The kinds of miss seen on `heldout54.jsonl`, read as families of wording.

heldout54 was spent in the fifty-fourth round with no unsafe error; its misses on the critical
questions, and some on suicidal_thoughts, are read here as families. Misses: a handful or
fistful of a drug swallowed after something else, "and a handful of paracetamol"
(risk_to_life and serious_harm); a threat to jump if anyone comes up or near (risk_to_life and
suicidal_thoughts); a blade or a sharp tool held or pressed to someone's neck or throat
(violence and risk_to_life); someone hurt or dosed who keeps drifting off (medical_emergency
and risk_to_life); a lit barbecue inside a tent, a car or a closed room (risk_to_life);
someone who cannot stand and is slurring (medical_emergency); cuts to both wrists or forearms
(suicidal_thoughts); wanting, ringing or texting "to say goodbye" (suicidal_thoughts); and
"not seriously hurt / injured" (serious_harm, a `no`).
Each family here is worded afresh, never copied from the held-back part.

Lookalikes that must not fire: a grandad who keeps drifting off in front of the television, a
girl who will go off a board if her sister goes first, a barbecue outside a tent, a handful
of grapes, a barber's clippers at the back of the head; and the near misses still read: "not
badly hurt" is left unread (a graze so described is labelled serious harm), and "cut his
wrists" is read as before.
"""

import pytest

from rightcare.engine.vocab import Answer
from tests.narrative.helpers import answer

PRESENT = [
    ("risk_to_life", "he ate a fridge magnet and a handful of his diazepam at teatime"),
    ("serious_harm", "she has swallowed a hair clip and a fistful of ibuprofen"),
    ("risk_to_life", "on the multi storey ledge he says hell jump if anyone comes near"),
    ("suicidal_thoughts", "she is on the viaduct saying shell jump if police try to reach her"),
    ("violence", "the robber has a knife held to the cashiers throat"),
    ("risk_to_life", "her ex has a blade pressed against her neck in the hallway"),
    ("medical_emergency", "he fell off the ladder onto his head and keeps drifting off"),
    ("risk_to_life", "she took a load of tablets and keeps drifting off on the sofa"),
    ("risk_to_life", "messaged a photo of a charcoal bbq inside his zipped tent"),
    ("medical_emergency", "the bride cant stand and is slurring, friends worried"),
    ("suicidal_thoughts", "the lodger has fresh cuts to both wrists, sat in the bath"),
    ("suicidal_thoughts", "her son texted from the car park wanting to say goodbye"),
]

PRESENT_NO = [
    ("serious_harm", "the striker got a kick to the shin, not seriously hurt"),
    ("serious_harm", "the driver of the van isnt seriously injured, just shaken"),
]

LOOKALIKES = [
    ("medical_emergency", "nan keeps drifting off in her armchair after lunch, all fine"),
    (
        "suicidal_thoughts",
        "at the pool the girl says shell go off the top board if her sister goes first",
    ),
    ("risk_to_life", "the campers are cooking on a barbecue next to their tent"),
    ("serious_harm", "the toddler grabbed a handful of sweets and some crisps"),
    ("violence", "the barber held the clippers at the back of his head for the trim"),
]

NEAR_MISSES_UNREAD = [
    ("serious_harm", "the boy has a graze, mum says he is fine, not badly hurt"),
]

NEAR_MISSES = [
    ("suicidal_thoughts", "her husband has cut his wrists in the bathroom"),
]


@pytest.mark.parametrize(("question", "text"), PRESENT)
def test_a_present_risk_or_fact_in_these_words_is_read_as_yes(question: str, text: str) -> None:
    assert answer(text, question) is Answer.YES


@pytest.mark.parametrize(("question", "text"), PRESENT_NO)
def test_a_denial_of_serious_harm_in_these_words_is_read_as_no(question: str, text: str) -> None:
    assert answer(text, question) is Answer.NO


@pytest.mark.parametrize(("question", "text"), LOOKALIKES)
def test_a_lookalike_of_these_families_is_not_read_as_yes(question: str, text: str) -> None:
    assert answer(text, question) is not Answer.YES


@pytest.mark.parametrize(("question", "text"), NEAR_MISSES_UNREAD)
def test_not_badly_hurt_is_not_read_as_a_denial(question: str, text: str) -> None:
    assert answer(text, question) is not Answer.NO


@pytest.mark.parametrize(("question", "text"), NEAR_MISSES)
def test_the_near_misses_beside_the_new_entries_are_still_read(question: str, text: str) -> None:
    assert answer(text, question) is Answer.YES
