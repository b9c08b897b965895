"""Control-room shorthand, slang and common misspellings are read."""

import pytest

from rightcare.engine.vocab import Answer
from tests.narrative.helpers import answer

CASES = [
    ("risk_to_life", "OD'd, grey and not responding"),
    ("risk_to_life", "took all her tabs and a bottle of wine"),
    ("risk_to_life", "ligature round his neck"),
    ("risk_to_life", "male on the bridge"),
    ("risk_to_life", "suicidle male"),
    ("risk_to_life", "threatning to jump"),
    ("weapon", "hes got a nife"),
    ("weapon", "carrying a shank"),
    ("detained_mha", "secshuned, now awol"),
    ("detained_mha", "s3 pt"),
    ("left_healthcare", "a and e walkout"),
    ("left_healthcare", "walked out of A&E"),
    ("missing", "MISPER 14yo"),
    ("missing", "AWOL from the ward"),
    ("domestic_abuse", "dv, ongoing"),
    ("s136_handover", "officers at hbpos with a s136"),
    ("child", "15yo male"),
    ("child", "girl aged 13"),
    ("health_professional_involved", "cpn on scene"),
    ("telecare_alarm", "lifeline alarm activated"),
]


@pytest.mark.parametrize(("question", "text"), CASES)
def test_shorthand_is_read(question: str, text: str) -> None:
    assert answer(text, question) is Answer.YES


def test_an_adult_age_is_an_explicit_no_for_child() -> None:
    assert answer("34yo female, depressed", "child") is Answer.NO
