"""The failure modes found when the second held-back part was scored, worded afresh.

Each case is new wording for a kind of miss seen on `heldout2.jsonl` (described in issue 3's
notes, never copied): an overdose with no quantity word, a stab wound, a high place described
by what the person sits on, a conditional threat with no named speaker, explicit noes about
violence, and a partner or ex with a weapon. The safety rules still hold around them.
"""

import pytest

from rightcare.engine.vocab import Answer
from tests.narrative.helpers import answer

YES = [
    ("risk_to_life", "caller thinks he has taken tablets, cant keep his eyes open"),
    ("medical_emergency", "she took pills about 10 mins ago and feels sick"),
    ("serious_harm", "says he swallowed tablets after the row"),
    ("risk_to_life", "lad with a stab wound to the chest in the park"),
    ("medical_emergency", "knife wounds to both arms, losing colour"),
    ("violence", "found with stab wounds outside the club"),
    ("risk_to_life", "woman standing on the railings of the footbridge over the ring road"),
    ("risk_to_life", "male sat at the clifftop refusing to move back"),
    ("risk_to_life", "sat on the wall at the top of the multi storey with her legs over the edge"),
    ("risk_to_life", "says if police turn up he'll slit his wrists"),
    ("suicidal_thoughts", "said if they come for her she will cut her own throat"),
    ("domestic_abuse", "her ex-husband is outside with a hammer"),
    ("domestic_abuse", "boyfriend has got a kitchen knife and wont let her leave"),
    ("weapon", "partner is waving a crowbar about in the lounge"),
]


@pytest.mark.parametrize(("question", "text"), YES)
def test_present_risk_in_new_wording_is_read_as_yes(question: str, text: str) -> None:
    assert answer(text, question) is Answer.YES


NO = [
    ("violence", "very loud and rude but hasnt hit anyone"),
    ("violence", "hes not laid a hand on her, just shouting"),
    ("violence", "she is not physically violent, just upset"),
]


@pytest.mark.parametrize(("question", "text"), NO)
def test_explicit_noes_about_violence_are_read(question: str, text: str) -> None:
    assert answer(text, question) is Answer.NO


NOT_YES = [
    # someone who reports, not someone who holds the weapon
    ("domestic_abuse", "partner reports he has a knife to his own arm"),
    # a brother with a knife is a weapon at the scene, but names no abuse
    ("domestic_abuse", "her brother has a knife in the kitchen"),
    # a caller's own worry stays hypothetical
    ("risk_to_life", "mum says if he doesnt get help he might end up killing himself"),
    # history is not now
    ("risk_to_life", "had a stab wound years ago, now wants advice"),
    # a threatened self-harm is not harm suffered yet
    ("serious_harm", "says if police come she will cut her wrists"),
    # "taken her tablets" is taking medicine as prescribed, not an overdose
    ("medical_emergency", "she has taken her tablets tonight and is settled"),
]


@pytest.mark.parametrize(("question", "text"), NOT_YES)
def test_lookalikes_are_not_read_as_yes(question: str, text: str) -> None:
    assert answer(text, question) is not Answer.YES


def test_an_explicit_no_never_hides_a_present_threat() -> None:
    # "not physical" beside a threat: the threat is violence; the reader must not say no
    assert answer("threatening the door staff, hasnt hit anyone", "violence") is not Answer.NO
