"""A threat made now is present risk, even when it has a condition in it.

"He said if she leaves he'll kill her" is a threat to kill made tonight: the condition is part of
what was threatened, not a guess about the future. A caller's own worry ("if he doesn't get help
he might ...") stays hypothetical, and so does a threat that is itself the condition ("if he
threatens her again"). Only the questions whose pattern file says `conditional_threat: keep`
read a conditional threat as present (violence, risk to life, suicidal thoughts, weapon, crime,
domestic abuse): a threatened overdose is a risk to life, not yet a medical emergency.
"""

import pytest

from rightcare.engine.vocab import Answer
from rightcare.narrative import read_narrative
from tests.narrative.helpers import answer

PRESENT_THREATS = [
    ("violence", "he's told her that if she goes to the police he will hurt her"),
    ("violence", "husband keeps saying if she leaves he'll batter her"),
    ("risk_to_life", "he said if she leaves him he will kill her"),
    ("crime", "she says that if he comes back she'll stab him"),
    ("weapon", "she says that if he comes back she'll stab him"),
    ("risk_to_life", "texted saying if she doesnt answer he'll end it all"),
    ("suicidal_thoughts", "he says if we send police he'll jump"),
    ("violence", "if she tells anyone he will stab her, he said"),
]


@pytest.mark.parametrize(("question", "text"), PRESENT_THREATS)
def test_a_conditional_threat_made_now_is_read_as_present(question: str, text: str) -> None:
    assert answer(text, question) is Answer.YES


def test_a_conditional_threat_is_marked_as_a_threat_not_a_hypothetical() -> None:
    suggestion = read_narrative("he said if she leaves him he will kill her").suggestions
    assert "threat" in suggestion["violence"].context
    assert "hypothetical" not in suggestion["violence"].context


STILL_HYPOTHETICAL = [
    ("risk_to_life", "caller says if he doesnt get help he might kill himself"),
    ("violence", "mum says if he doesnt get his meds he might hurt someone"),
    ("violence", "if he threatens to kill her again she will ring back"),
    ("risk_to_life", "if he threatens to kill her again she will ring back"),
    ("violence", "worried that if he drinks again he will hurt her"),
]


@pytest.mark.parametrize(("question", "text"), STILL_HYPOTHETICAL)
def test_a_worry_or_a_conditional_threat_stays_unknown(question: str, text: str) -> None:
    assert answer(text, question) is Answer.UNKNOWN


def test_a_threatened_overdose_is_a_risk_to_life_but_not_yet_a_medical_emergency() -> None:
    text = "he said if we come in he'll take all his tablets"
    assert answer(text, "risk_to_life") is Answer.YES
    assert answer(text, "medical_emergency") is Answer.UNKNOWN
