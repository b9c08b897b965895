"""The notes are escaped, and each piece of evidence marked once, even where two overlap."""

from __future__ import annotations

from rightcare.engine.suggestion import SuggestedAnswer
from rightcare.engine.vocab import Answer
from rightcare.web.pages.wording import marked_narrative


def suggestion(text: str, words: str) -> SuggestedAnswer:
    start = text.index(words)
    return SuggestedAnswer(value=Answer.YES, evidence=words, start=start, end=start + len(words))


def test_markup_in_the_notes_is_escaped_and_evidence_is_marked() -> None:
    text = 'He has a knife <script>alert("x")</script> & says "end it all"'
    html = str(
        marked_narrative(
            text,
            {
                "weapon": suggestion(text, "knife"),
                "risk_to_life": suggestion(text, "end it all"),
                "suicidal_thoughts": suggestion(text, "it all"),
            },
        )
    )
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert '<mark class="app-evidence" data-questions="weapon">knife</mark>' in html
    assert html.count("<mark") == 2  # the overlapping pair is one mark
    assert "[risk to life: yes; suicidal thoughts: yes]" in html


def test_evidence_outside_the_notes_is_not_marked() -> None:
    text = "short"
    stray = SuggestedAnswer(value=Answer.YES, evidence="x", start=10, end=12)
    assert str(marked_narrative(text, {"weapon": stray})) == "short"
