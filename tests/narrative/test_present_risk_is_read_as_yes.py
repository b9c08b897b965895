import pytest

from rightcare.engine.vocab import Answer
from tests.narrative.helpers import answer

CASES = [
    ("crime", "kicked the front door in and stole her purse"),
    ("crime", "ip reports being punched by unknown male outside the kebab shop"),
    ("risk_to_life", "male on the bridge threatening to jump"),
    ("risk_to_life", "took all her meds about an hour ago, now drowsy"),
    ("risk_to_life", "found him hanging in the garage, not breathing"),
    ("serious_harm", "been beaten up, bleeding from the head"),
    ("serious_harm", "self harming by cutting, deep cuts"),
    ("weapon", "hes got a blade in his waistband"),
    ("weapon", "waving a machete in the street"),
    ("violence", "kicking off at the nurses and trying to hit them"),
    ("violence", "threatening to stab his dad"),
    ("medical_emergency", "OD on heroin, friend doing cpr"),
    ("medical_emergency", "collapsed in the street, not moving"),
    ("domestic_abuse", "DA incident, boyfriend has pushed her down the stairs"),
    ("domestic_abuse", "he punched his mum in the face"),
]


@pytest.mark.parametrize(("question", "text"), CASES)
def test_a_present_risk_is_suggested_as_yes(question: str, text: str) -> None:
    assert answer(text, question) is Answer.YES
