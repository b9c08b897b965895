"""The kinds of miss seen on `heldout51.jsonl`, read as families of wording.

heldout51 was spent in the fifty-first round with no unsafe error; its misses on the critical
questions, and some wrong answers, are read here as families. Misses: a threat to torch, douse,
inject or smother oneself (risk_to_life and suicidal_thoughts; injecting only with a time, a
condition or drugs near); "no reason to go on / carry on / live" (suicidal_thoughts); "been
cutting" with a frequency and no object (serious_harm and suicidal_thoughts); "semi conscious"
and someone "found" blue (risk_to_life and medical_emergency); a scald on the body, a sprained
joint and a deep pressure sore (serious_harm); a saw used to threaten, and a thing named in two
words swung at people (weapon); a tooth knocked out (crime, and domestic_abuse when a partner
does it); a speech therapist (health_professional_involved). Wrong answers: the staff of a
shop, a cinema, a ymca or approved premises read as care staff, and "her husband is not
violent" at the very end of a text read as domestic abuse. Each family here is worded afresh,
never copied from the held-back part.

Lookalikes that must not fire: an insulin user who "will inject himself after lunch", cutting
the hedges daily, "a scald risk", a sprained word with no joint, store staff; and the near
misses still read: a relative "not violent but" who then hits, and ward staff.
"""

import pytest

from rightcare.engine.vocab import Answer
from tests.narrative.helpers import answer

PRESENT = [
    ("risk_to_life", "the lodger is in the shed with a fuel can saying he will douse himself"),
    ("suicidal_thoughts", "she keeps threatening to torch herself in the car park"),
    ("suicidal_thoughts", "nurse says he will inject himself tonight with what he took from work"),
    ("risk_to_life", "messaged his brother he is going to inject himself unless she rings"),
    ("suicidal_thoughts", "told the debt advisor there is no reason to carry on"),
    ("suicidal_thoughts", "says she has no reason to live since the divorce"),
    ("serious_harm", "the school nurse says he has been cutting every day this week"),
    ("suicidal_thoughts", "mum says her daughter is cutting daily and hiding it"),
    ("medical_emergency", "the lad on the bench is only semi conscious"),
    ("risk_to_life", "her housemate found her blue in the bath"),
    ("serious_harm", "the toddler has a scald down his arm from the kettle"),
    ("serious_harm", "the goalkeeper has sprained his left ankle"),
    ("serious_harm", "carer says he has a deep pressure sore on his hip"),
    ("weapon", "a customer chasing the cashier with a hacksaw"),
    ("weapon", "brandishing a hockey stick at the fans outside"),
    ("crime", "he punched the doorman and knocked two teeth out"),
    ("domestic_abuse", "her partner has knocked her front tooth out"),
    ("health_professional_involved", "the speech therapist on the ward says"),
]

LOOKALIKES = [
    ("suicidal_thoughts", "the diabetic man says he will inject himself after his dinner"),
    ("serious_harm", "the gardener has been cutting hedges daily for the council"),
    ("serious_harm", "the cafe says the urn is a scald risk"),
    ("serious_harm", "he sprained his pride at the quiz"),
    ("health_professional_involved", "store staff say a man is sleeping by the tills, a resident"),
    ("domestic_abuse", "the neighbour says her husband is not violent"),
]

NEAR_MISSES = [
    ("domestic_abuse", "her husband is not violent usually but tonight he punched her"),
    ("health_professional_involved", "ward staff say the patient has gone"),
]


@pytest.mark.parametrize(("question", "text"), PRESENT)
def test_a_present_risk_or_fact_in_these_words_is_read_as_yes(question: str, text: str) -> None:
    assert answer(text, question) is Answer.YES


@pytest.mark.parametrize(("question", "text"), LOOKALIKES)
def test_a_lookalike_of_these_families_is_not_read_as_yes(question: str, text: str) -> None:
    assert answer(text, question) is not Answer.YES


@pytest.mark.parametrize(("question", "text"), NEAR_MISSES)
def test_the_near_misses_beside_the_new_ignores_are_still_read(question: str, text: str) -> None:
    assert answer(text, question) is Answer.YES
