"""A risk at the scene counts whoever it concerns; a death or family history does not."""

import pytest

from rightcare.engine.vocab import Answer
from rightcare.narrative import read_narrative
from tests.narrative.helpers import answer

AT_THE_SCENE = [
    ("crime", "her son smashed the telly and punched his dad"),
    ("risk_to_life", "caller's son is on the bridge threatening to jump"),
    ("serious_harm", "her brother has been stabbed"),
    ("weapon", "her brother has a knife"),
    ("violence", "her partner is threatening the neighbours"),
    ("medical_emergency", "her friend has collapsed and is not breathing"),
    ("domestic_abuse", "her brother keeps hitting their mum"),
]


@pytest.mark.parametrize(("question", "text"), AT_THE_SCENE)
def test_a_risk_to_or_from_another_person_at_the_scene_is_yes(question: str, text: str) -> None:
    assert answer(text, question) is Answer.YES


def test_the_other_person_context_is_recorded() -> None:
    suggestion = read_narrative("her brother has a knife").suggestions["weapon"]
    assert "other_person" in suggestion.context


NOT_A_PRESENT_RISK = [
    ("risk_to_life", "her brother died by suicide and shes struggling"),
    ("risk_to_life", "family history of suicide"),
    ("suicidal_thoughts", "family history of suicide"),
    ("medical_emergency", "her dad died of a heart attack"),
    ("serious_harm", "lost her son to an overdose"),
    ("weapon", "her husband died from a gunshot wound in the army"),
    ("violence", "her brother died after being attacked"),
]


@pytest.mark.parametrize(("question", "text"), NOT_A_PRESENT_RISK)
def test_a_death_or_family_history_is_left_unknown(question: str, text: str) -> None:
    assert answer(text, question) is Answer.UNKNOWN
