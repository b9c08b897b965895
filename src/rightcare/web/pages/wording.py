"""Engine values in the words a call handler reads, and the narrative with its evidence marked."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from markupsafe import Markup, escape

from rightcare.engine.policy import Policy
from rightcare.engine.suggestion import SuggestedAnswer
from rightcare.engine.vocab import Agency, Grade, PoliceResponse, Threshold

RESPONSE_WORDS: dict[PoliceResponse, str] = {
    PoliceResponse.ATTEND: "Police attend",
    PoliceResponse.DISCRETION: "Police may choose to attend",
    PoliceResponse.DO_NOT_ATTEND: "Police do not attend: another agency is better placed",
    PoliceResponse.UNDETERMINED: "Not decided yet: ask the questions below",
}

RESPONSE_MEANING: dict[PoliceResponse, str] = {
    PoliceResponse.ATTEND: "The RCRP threshold is met, or another legal duty applies: "
    "police have a duty to respond.",
    PoliceResponse.DISCRETION: "The threshold is not met, but the policy lets police choose "
    "to respond.",
    PoliceResponse.DO_NOT_ATTEND: "The threshold is not met and another agency is better placed.",
    PoliceResponse.UNDETERMINED: "A question that could mean police must attend is still "
    "unanswered. The call stays with police until it is answered.",
}

# GOV.UK tag colours; the tag's words carry the meaning, the colour only repeats it.
RESPONSE_TAG: dict[PoliceResponse, str] = {
    PoliceResponse.ATTEND: "govuk-tag--red",
    PoliceResponse.DISCRETION: "govuk-tag--yellow",
    PoliceResponse.DO_NOT_ATTEND: "govuk-tag--blue",
    PoliceResponse.UNDETERMINED: "govuk-tag--orange",
}

THRESHOLD_WORDS: dict[Threshold, str] = {
    Threshold.CRIME: "met: a crime to investigate",
    Threshold.RISK_TO_LIFE: "met: a real and immediate risk to life",
    Threshold.SERIOUS_HARM: "met: someone subjected to, or at risk of, serious harm",
    Threshold.NONE: "not met",
    Threshold.UNKNOWN: "not known yet",
}

GRADE_WORDS: dict[Grade, str] = {
    Grade.EMERGENCY: "Emergency",
    Grade.PRIORITY: "Priority",
    Grade.SCHEDULED: "Scheduled",
    Grade.RESOLUTION: "Resolution without deployment",
}


def agency_name(policy: Policy, agency: Agency | str) -> str:
    for info in policy.agencies:
        if info.id == agency:
            return info.name
    return str(agency).replace("_", " ").capitalize()


def question_label(question_id: str) -> str:
    return question_id.replace("_", " ")


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    questions: tuple[str, ...]


def _evidence_spans(narrative: str, suggested: Mapping[str, SuggestedAnswer]) -> list[_Span]:
    """Valid evidence spans, overlapping ones merged so marks never nest or cross."""
    raw = sorted(
        (s.start, s.end, question)
        for question, s in suggested.items()
        if 0 <= s.start < s.end <= len(narrative)
    )
    merged: list[_Span] = []
    for start, end, question in raw:
        if merged and start < merged[-1].end:
            last = merged[-1]
            merged[-1] = _Span(last.start, max(last.end, end), (*last.questions, question))
        else:
            merged.append(_Span(start, end, (question,)))
    return merged


def marked_narrative(narrative: str, suggested: Mapping[str, SuggestedAnswer]) -> Markup:
    """The narrative, escaped, with `<mark>` round each piece of evidence and, after it, the
    question and suggested answer in words (so the highlight never relies on colour alone)."""
    out: list[str] = []
    cursor = 0
    for span in _evidence_spans(narrative, suggested):
        out.append(str(escape(narrative[cursor : span.start])))
        words = "; ".join(
            f"{question_label(q)}: {suggested[q].value.value}" for q in span.questions
        )
        ids = " ".join(span.questions)
        out.append(
            f'<mark class="app-evidence" data-questions="{escape(ids)}">'
            f"{escape(narrative[span.start : span.end])}</mark>"
            f'<span class="app-evidence__label"> [{escape(words)}]</span>'
        )
        cursor = span.end
    out.append(str(escape(narrative[cursor:])))
    return Markup("".join(out))
