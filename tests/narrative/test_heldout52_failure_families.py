"""The kinds of miss seen on `heldout52.jsonl`, read as families of wording.

heldout52 was spent in the fifty-second round with no unsafe error; its misses on the critical
questions, and some wrong answers, are read here as families. Misses: a threat to burn a
public building with the people inside (risk_to_life and crime); "thinking about / of" driving,
walking or jumping into water or off a height (suicidal_thoughts and risk_to_life); blood
coming from the trunk, neck or head, an ambulance crew "working on" someone, and someone under
the water for a length of time (medical_emergency); "a cocktail of pills", a foot or toe gone
black, a young person made or paid to carry packages, and pictures for a man met online
(serious_harm); a lump, chunk or length of wood or metal used on a person (weapon); "per crew"
and a medium or low secure unit (health_professional_involved); "not hurt but cant get up"
(fallen_no_injury); and "hes never hurt her, not violent", where a fresh negation after a comma
now ends the past scope of "never" (violence, a `no`). Wrong answers: "no one has been shot at"
read as a gunshot wound, and someone dragged onto a bank read as an assault. Each family here
is worded afresh, never copied from the held-back part.

Lookalikes that must not fire: a shed burnt down with no one inside, a cocktail of juices, a
black eye, a dad who makes his son carry shopping, a partner met online years ago, a nose
bleed or blood from the mouth, a mechanic working on a car, someone wandering in a side road,
a bare fall with "not hurt"; and the near misses still read: someone shot at close range, and
someone dragged out of a car and kicked.
"""

import pytest

from rightcare.engine.vocab import Answer
from tests.narrative.helpers import answer

PRESENT = [
    ("risk_to_life", "he is threatening to torch the mosque with the worshippers inside"),
    ("crime", "a man outside says he will burn the pub down with the drinkers still inside"),
    ("suicidal_thoughts", "he keeps thinking about steering the van off the harbour wall"),
    ("risk_to_life", "she says she is thinking of walking into the sea tonight"),
    ("medical_emergency", "a woman in the alley with blood pouring from her chest"),
    ("medical_emergency", "the crew on scene are working on him in the lounge"),
    ("medical_emergency", "the lifeguard says the lad was under for two minutes"),
    ("serious_harm", "her brother took a cocktail of painkillers and cider"),
    ("serious_harm", "the carer says two of his toes have gone black"),
    ("serious_harm", "older lads are making her nephew move parcels to the coast for money"),
    ("crime", "the girl is doing pictures for a man she met on a game who pays her"),
    ("weapon", "he battered the bouncer with a chunk of paving"),
    ("health_professional_involved", "per the ambulance crew his hip is broken"),
    ("health_professional_involved", "the medium secure unit report a patient has absconded"),
    ("fallen_no_injury", "he slid off the chair, not injured just cannot get up"),
]

LOOKALIKES = [
    ("risk_to_life", "kids have burnt the old shed down, nobody was in it"),
    ("serious_harm", "she made a cocktail of fruit juices for the party"),
    ("serious_harm", "the boxer's eye has gone black after the bout"),
    ("serious_harm", "his dad makes him carry the shopping bags from the car"),
    ("serious_harm", "she met her husband online ten years ago"),
    ("medical_emergency", "the lad has blood coming from his nose after a sneeze"),
    ("medical_emergency", "he has blood coming from his mouth after the tackle"),
    ("medical_emergency", "the mechanic is working on the car in the drive"),
    ("risk_to_life", "an old man wandering in the side road looking for his cat"),
    ("fallen_no_injury", "the lad fell off his scooter, not hurt, mum is with him"),
    ("medical_emergency", "the farmer says no one has been shot at, it was a bird scarer"),
    ("violence", "a fisherman pulled the dog walker onto the riverbank, she is soaked"),
]

PRESENT_NO = [
    ("violence", "her dad is 80, hes never touched anyone, not violent at all"),
    ("violence", "shes never harmed the baby, not aggressive either"),
]

NEAR_MISSES = [
    ("medical_emergency", "he has been shot at close range in the car park"),
    ("violence", "they dragged him out of the car and kicked him"),
]


@pytest.mark.parametrize(("question", "text"), PRESENT)
def test_a_present_risk_or_fact_in_these_words_is_read_as_yes(question: str, text: str) -> None:
    assert answer(text, question) is Answer.YES


@pytest.mark.parametrize(("question", "text"), LOOKALIKES)
def test_a_lookalike_of_these_families_is_not_read_as_yes(question: str, text: str) -> None:
    assert answer(text, question) is not Answer.YES


@pytest.mark.parametrize(("question", "text"), PRESENT_NO)
def test_a_denial_after_a_never_clause_is_read_as_no(question: str, text: str) -> None:
    assert answer(text, question) is Answer.NO


@pytest.mark.parametrize(("question", "text"), NEAR_MISSES)
def test_the_near_misses_beside_the_new_ignores_are_still_read(question: str, text: str) -> None:
    assert answer(text, question) is Answer.YES
