"""Cues found in a narrative: which of overlapping cues stand, and cues that need company."""

from __future__ import annotations

from typing import NamedTuple

from rightcare.narrative.context import Scope
from rightcare.narrative.patterns import Cue, CueAnswer
from rightcare.narrative.tokenregex import TokenString


# Hits are made by the dozen per narrative: a named tuple, because a frozen dataclass costs
# several times more to construct.
class Hit(NamedTuple):
    question: str
    start: int  # token offsets
    end: int
    cue: Cue


def resolve(hits: list[Hit]) -> list[Hit]:
    """Within a question, the longest cue wins where cues overlap ("not breathing" over
    "breathing"), and an `ignore` cue removes any cue of its question that it overlaps
    (a correction, an `ignore` cue that retracts, is kept for the votes to see)."""
    hits.sort(key=_longest_first)
    kept: list[Hit] = []
    taken: dict[str, list[Hit]] = {}
    ignore = CueAnswer.IGNORE
    for hit in hits:
        question, start, end, cue = hit
        others = taken.setdefault(question, [])
        for other in others:
            if start < other.end and other.start < end:
                break
        else:
            others.append(hit)
            if cue.answer is not ignore or cue.retracts:
                kept.append(hit)  # a correction is kept: it retracts earlier `yes` votes
    kept.sort(key=_in_text_order)
    return kept


def near_enough(hit: Hit, tokens: TokenString, scope: Scope) -> bool:
    """Whether a cue that needs company ("bottle" needs a fight) has it in its sentence.

    Company that is denied ("no fighting", "not been violent") is no company.
    """
    near = hit.cue.near
    if near is None:
        return True
    window, start, end, parts = hit.cue.near_window, hit.start, hit.end, tokens.parts
    for word in near & tokens.words:
        for i in tokens.positions[word]:
            before = i < start and start - i - 1 <= window
            after = i >= end and i - end <= window
            if (
                (before and not scope.crosses(i + 1, start, weak=False))
                or (after and not scope.crosses(end, i, weak=False))
            ) and _NEGATIONS.isdisjoint(parts[max(i - 2, 0) : i]):
                return True
    return False


_NEGATIONS = frozenset({"no", "not", "never", "without", "nil", "none", "nobody"})


def _longest_first(hit: Hit) -> tuple[str, int, int]:
    return hit.question, hit.start - hit.end, hit.start


def _in_text_order(hit: Hit) -> tuple[int, str]:
    return hit.start, hit.cue.key
