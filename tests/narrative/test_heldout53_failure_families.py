"""The kinds of miss seen on `heldout53.jsonl`, read as families of wording.

heldout53 was spent in the fifty-third round with no unsafe error; its misses on the critical
questions, and some on crime, suicidal_thoughts and child, are read here as families. Misses:
a gun fired over or past someone's head or car (violence, risk_to_life and crime); someone
who has come back with a bat, a hammer or a blade (violence and crime); a threat to "come
back and sort / batter" someone named by their role (violence); a young person who says a man
"touched her" with only a clause end after it (violence and crime); wanting to go or walk into
the water "and not come out", and "ready to go" said at a height (suicidal_thoughts and
risk_to_life); someone who has not surfaced for a length of time, and a deep cut or gash by an
eye or on the face (medical_emergency); "no one cut" and "no one seriously hurt" (serious_harm,
a `no`); an adult age straight after a role or a tie, "claimant 52", "brother 29 in"
(child, a `no`); a fare refused and someone gone (crime), "punch her lights out" (crime).
Each family here is worded afresh, never copied from the held-back part.

Lookalikes that must not fire: fireworks fired over a crowd, a cricket bag brought back, a
nurse who touched a shoulder to wake someone, a roofer "ready to go home", "no one else hurt"
beside a casualty, "brother 29 miles away"; and the near misses still read: "nobody touched
her," (a `no` for violence) and a man who touched her leg (crime, read as before).
"""

import pytest

from rightcare.engine.vocab import Answer
from tests.narrative.helpers import answer

PRESENT = [
    ("violence", "the poacher fired a shotgun over the keepers head in the wood"),
    ("risk_to_life", "a man let off a rifle past her car on the lane"),
    ("crime", "the tenant shot an air rifle over his neighbours heads"),
    ("violence", "the lad who was thrown out has come back with a machete"),
    ("crime", "her brother has come back with a crowbar and is at the door"),
    ("violence", "he is shouting that he will come back and sort the warden out"),
    ("violence", "the girl 14 says the taxi driver touched her, shes shaking"),
    ("crime", "the boy says his coach touched him. mum is with him now"),
    ("suicidal_thoughts", "she is at the canal lock saying she wants to walk in and not come out"),
    ("risk_to_life", "he is stood in the river and says he will go in and never come back"),
    ("suicidal_thoughts", "she rang from the roof of the car park saying shes ready to go"),
    ("risk_to_life", "he is on the ledge of the bridge, says hes ready to jump"),
    ("medical_emergency", "the swimmer has not resurfaced for over a minute in the quarry"),
    ("medical_emergency", "the boy has a deep cut under his eye from the swing"),
    ("crime", "a customer at the garage refused to pay and drove off"),
    ("crime", "he is telling the guard he will punch his lights out"),
]

PRESENT_NO = [
    ("serious_harm", "a man waved a box cutter at the staff, no one cut, he has gone"),
    ("serious_harm", "fight in the car park, no one seriously injured"),
    ("child", "her cousin 44 in glasgow sent a message saying sorry"),
    ("child", "the customer 71 collapsed by the tills"),
]

LOOKALIKES = [
    ("violence", "the fireworks were fired over the crowds heads at the display"),
    ("risk_to_life", "the display team fired flares over the bay at the regatta"),
    ("violence", "the nurse touched her shoulder to wake her for her tablets"),
    ("risk_to_life", "the roofer says hes ready to go home now, its raining"),
    ("suicidal_thoughts", "at the top of the stairs she says shes ready to go out"),
    ("serious_harm", "a van hit the wall, no one else hurt, the driver is trapped"),
    ("child", "her brother lives 29 miles away and visits on sundays"),
    ("crime", "he said hell come back with a machete for the doorman"),
]

NEAR_MISSES_NO = [
    ("violence", "nobody touched her, she slipped on the ice"),
]

NEAR_MISSES = [
    ("crime", "the man on the tram touched her leg and got off"),
]


@pytest.mark.parametrize(("question", "text"), PRESENT)
def test_a_present_risk_or_fact_in_these_words_is_read_as_yes(question: str, text: str) -> None:
    assert answer(text, question) is Answer.YES


@pytest.mark.parametrize(("question", "text"), PRESENT_NO)
def test_a_denial_or_an_adult_age_in_these_words_is_read_as_no(question: str, text: str) -> None:
    assert answer(text, question) is Answer.NO


@pytest.mark.parametrize(("question", "text"), LOOKALIKES)
def test_a_lookalike_of_these_families_is_not_read_as_yes(question: str, text: str) -> None:
    assert answer(text, question) is not Answer.YES


@pytest.mark.parametrize(("question", "text"), NEAR_MISSES_NO)
def test_a_denied_touch_is_still_read_as_no(question: str, text: str) -> None:
    assert answer(text, question) is Answer.NO


@pytest.mark.parametrize(("question", "text"), NEAR_MISSES)
def test_the_near_misses_beside_the_new_entries_are_still_read(question: str, text: str) -> None:
    assert answer(text, question) is Answer.YES
