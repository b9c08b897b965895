"""The kinds of miss seen on `heldout55.jsonl`, read as families of wording.

heldout55 was spent in the fifty-fifth round with no unsafe error; its misses on the critical
questions are read here as families. Most medical_emergency misses were the control-room
shorthand "amb" for an ambulance: "no amb needed / required" and "amb not needed" (a `no`, as
"no ambulance needed" is), and "amb requested" or "needs an amb" (a `yes`, as "ambulance
requested" is); an ambulance "now called" or called "after all" after an earlier "no amb
needed" is the later word on need (a `yes`), read so far in a timed update. Other
misses: people fighting, brawling or scrapping "with" an everyday object such as pool cues
(weapon); and a reported threat that someone "would find" or "come round" to another
"and cut her up" (violence).
Each family here is worded afresh, never copied from the held-back part.

Lookalikes that must not fire: "amb" inside other words (a lamb, ambled, the ambassador),
fighting "with his brother" with no object named, and a van that "cut him up" at a junction.
A bare "amb called" or "amb on route" is left unread, as "ambulance called" and "ambulance on
its way" are (dev d1555, d1560).
"""

import pytest

from rightcare.engine.vocab import Answer
from tests.narrative.helpers import answer

PRESENT = [
    ("medical_emergency", "the cleaner says a guest is grey and sweating, amb requested"),
    ("medical_emergency", "the steward says the old gent needs an amb, he cant get up"),
    (
        "medical_emergency",
        "09:10 rambler says no amb needed. 09:45 update she is sick, amb now called after all",
    ),
    ("weapon", "the doorman says three lads are fighting with snooker cues out the back"),
    ("weapon", "two fans were brawling with bar stools in the concourse"),
    ("violence", "the inmate told staff he would track down his ex and cut her up"),
]

PRESENT_NO = [
    ("medical_emergency", "the cyclist has a grazed elbow, no amb needed"),
    ("medical_emergency", "the nurse on the phone says amb not required, she is sat up"),
    ("medical_emergency", "the pensioner is shaken but fine, no amb required"),
]

LOOKALIKES = [
    ("medical_emergency", "the farmer says a lamb needed the vet this morning"),
    ("medical_emergency", "the old man ambled off towards the ambassadors car"),
    ("weapon", "he is always fighting with his brother about football"),
    ("violence", "a van cut him up at the roundabout and drove off"),
]

UNREAD = [
    ("medical_emergency", "amb called at ten, still waiting"),
    ("medical_emergency", "amb on route, no eta given"),
]

NEAR_MISSES = [
    ("medical_emergency", "the walker has fallen, ambulance requested by the ranger"),
]


@pytest.mark.parametrize(("question", "text"), PRESENT)
def test_a_present_risk_or_fact_in_these_words_is_read_as_yes(question: str, text: str) -> None:
    assert answer(text, question) is Answer.YES


@pytest.mark.parametrize(("question", "text"), PRESENT_NO)
def test_amb_plainly_not_needed_is_read_as_no(question: str, text: str) -> None:
    assert answer(text, question) is Answer.NO


@pytest.mark.parametrize(("question", "text"), LOOKALIKES)
def test_a_lookalike_of_these_families_is_not_read_as_yes(question: str, text: str) -> None:
    assert answer(text, question) is not Answer.YES


@pytest.mark.parametrize(("question", "text"), UNREAD)
def test_a_bare_amb_called_or_on_route_is_left_unread(question: str, text: str) -> None:
    assert answer(text, question) is Answer.UNKNOWN


@pytest.mark.parametrize(("question", "text"), NEAR_MISSES)
def test_the_near_misses_beside_the_new_entries_are_still_read(question: str, text: str) -> None:
    assert answer(text, question) is Answer.YES
