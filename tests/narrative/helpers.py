"""Small helpers shared by the narrative tests."""

from __future__ import annotations

from rightcare.engine.vocab import Answer
from rightcare.narrative import read_narrative


def answer(text: str, question: str) -> Answer:
    """The suggested answer for `question`, or unknown when there is no suggestion."""
    suggestion = read_narrative(text).suggestions.get(question)
    return Answer.UNKNOWN if suggestion is None else suggestion.value


Cases = list[tuple[str, str]]  # (question, text)


def read_as(cases: Cases, value: Answer) -> None:
    """Each text's suggestion for its question is `value`; every miss is named at once."""
    wrong = [(q, text, answer(text, q)) for q, text in cases if answer(text, q) is not value]
    assert not wrong, wrong


def never_read_as(cases: Cases, value: Answer) -> None:
    """No text's suggestion for its question is `value`; every one that is is named at once."""
    wrong = [(q, text) for q, text in cases if answer(text, q) is value]
    assert not wrong, wrong
