"""Small helpers shared by the narrative tests."""

from __future__ import annotations

from rightcare.engine.vocab import Answer
from rightcare.narrative import read_narrative


def answer(text: str, question: str) -> Answer:
    """The suggested answer for `question`, or unknown when there is no suggestion."""
    suggestion = read_narrative(text).suggestions.get(question)
    return Answer.UNKNOWN if suggestion is None else suggestion.value
