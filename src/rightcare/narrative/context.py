"""Context around a cue, in the manner of ConText (Harkema et al., 2009).

ConText decides whether a finding in clinical text is negated, hypothetical, historical or
about someone other than the patient by looking for trigger phrases near it, within a scope
that ends at a terminator. We do the same over the call handler's narrative.

Why our own module and not medspaCy's ConText: `medspacy` pins spaCy below 3.8 (installing it
would downgrade spaCy and thinc) and pulls in nltk, PyRuSH, quicksectx and more for features we
do not use. What we need is small: trigger phrases kept in a reviewable data file
(`patterns/_context.yaml`), matched with the same spaCy matchers as the cues, and a scope rule.

Scope rule. A `forward` trigger applies to a cue that starts after it ends; a `backward` trigger
to a cue that ends before it starts. The gap between them (in tokens) must be no larger than
the trigger's window and must not cross a terminator. Negation uses the `weak` terminators
(commas, "and", dashes ...), so "no knife and he is bleeding" never negates the bleeding: a
wrongly negated risk cue is the one error that could lower a response. The other categories use
the `strong` terminators (sentence ends, "but", "currently" ...) so that "if he doesn't get help,
he might kill himself" stays hypothetical across the comma.

Triggers inside a cue's own words are ignored ("not breathing" is a cue, not a negated one), and
where two triggers overlap the longer wins, so "not sure" is uncertainty, not negation.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from itertools import accumulate
from operator import itemgetter, or_
from pathlib import Path
from typing import Any, NamedTuple

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from spacy.tokens import Doc

from rightcare.narrative.patterns import CONTEXT_FILE, PATTERN_DIR, PatternFileError


class Category(StrEnum):
    """A context a trigger puts a cue in. The values appear in `SuggestedAnswer.context`."""

    NEGATED = "negated"
    HYPOTHETICAL = "hypothetical"
    HISTORICAL = "historical"
    UNCERTAIN = "uncertain"
    OTHER_PERSON = "other_person"  # a relative or third party is the subject: kept, noted
    FAMILY_HISTORY = "family_history"  # a death or family history: not a present risk
    REPORTED = "reported"  # who said it ("caller says", "GP reports"): noted only
    # A threat the subject makes now ("he said", "threatening"). A condition inside a threat
    # ("he said if she leaves he'll kill her") does not make the threat hypothetical for the
    # questions whose policy says `conditional_threat: keep`: the threat itself is present.
    THREAT = "threat"
    PSEUDO = "pseudo"  # looks like a trigger but is not ("no doubt", "not only")


class Direction(StrEnum):
    FORWARD = "forward"
    BACKWARD = "backward"
    BOTH = "both"


class TriggerSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    category: Category
    direction: Direction = Direction.FORWARD
    window: int = Field(default=6, ge=0, le=30)
    comment: str = ""
    phrases: tuple[str, ...] = ()
    tokens: tuple[tuple[dict[str, Any], ...], ...] = ()


class Terminators(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    strong: tuple[str, ...]
    weak: tuple[str, ...]
    # (eighth round) strong terminators that name the time ("tonight", "now"): they end the
    # other scopes, but not a threat's ("he told her he'll come tonight and if the carer stops
    # her he'll sort the carer out" is one threat)
    timely: tuple[str, ...] = ()


class ContextFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    terminators: Terminators
    triggers: tuple[TriggerSpec, ...]


@cache
def load_context_file(directory: Path = PATTERN_DIR) -> ContextFile:
    path = directory / CONTEXT_FILE
    try:
        return ContextFile.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    except (yaml.YAMLError, ValidationError) as exc:
        raise PatternFileError(f"{path.name}: {exc}") from exc


class Trigger(NamedTuple):
    """A trigger found in one narrative (token offsets). A named tuple: dozens are made per
    narrative, and a frozen dataclass costs several times more to construct."""

    start: int
    end: int
    category: Category
    direction: Direction
    window: int


@dataclass(frozen=True, slots=True)
class Scope:
    """Where scopes end in one narrative: prefix counts of terminators, for O(1) checks."""

    strong: Sequence[int]  # strong[i] = number of strong terminators among tokens [0, i)
    weak: Sequence[int]
    threat: Sequence[int]  # strong terminators bar the `timely` ones

    def crosses(self, start: int, end: int, *, weak: bool) -> bool:
        """Whether tokens [start, end) contain a terminator."""
        if end <= start:
            return False
        counts = self.weak if weak else self.strong
        return counts[end] - counts[start] > 0


def terminator_ids(
    strings: Any, terminators: Terminators
) -> tuple[frozenset[int], frozenset[int], frozenset[int]]:
    """The NORM hashes of the strong, weak and timely terminators, computed once per pipeline."""
    strong = frozenset(strings.add(w) for w in terminators.strong)
    weak = frozenset(strings.add(w) for w in terminators.weak)
    threat = strong - frozenset(strings.add(w) for w in terminators.timely)
    return strong, weak, threat


def scope_of(
    doc: Doc,
    norms: Sequence[int],
    spaces: Sequence[int],
    strong_ids: frozenset[int],
    weak_ids: frozenset[int],
    threat_ids: frozenset[int],
) -> Scope:
    """Terminator counts for one narrative, from its tokens' NORM hashes and the indices of its
    whitespace tokens. Run for every narrative, so the loops over tokens are `map`s (in C)."""
    is_strong = list(map(strong_ids.__contains__, norms))
    is_threat = list(map(threat_ids.__contains__, norms))
    for i in spaces:
        # A line break is where a handler starts a new thought, so it ends every scope.
        if "\n" in doc[i].text:
            is_strong[i] = is_threat[i] = True
    is_weak = map(or_, is_strong, map(weak_ids.__contains__, norms))
    strong = [0, *accumulate(is_strong)]
    weak = [0, *accumulate(is_weak)]
    return Scope(strong=strong, weak=weak, threat=[0, *accumulate(is_threat)])


def select_triggers(found: list[Trigger]) -> list[Trigger]:
    """Keep the longest of overlapping triggers (earliest first on ties), in text order."""
    found.sort(key=_longest_first)
    taken: list[Trigger] = []
    used: set[int] = set()
    spans: set[tuple[int, int]] = set()
    for trigger in found:
        span = (trigger.start, trigger.end)
        # Triggers on exactly the same words are all kept ("possibly" looks both ways).
        if span not in spans:
            words = range(*span)
            if not used.isdisjoint(words):
                continue
            used.update(words)
            spans.add(span)
        taken.append(trigger)
    taken.sort(key=_START)
    return taken


def _longest_first(trigger: Trigger) -> tuple[int, int]:
    return trigger.start - trigger.end, trigger.start


_START = itemgetter(0)  # a trigger's start token


class ContextHit(NamedTuple):
    """The contexts that apply to one cue, and the token span of the negation, if any."""

    categories: frozenset[Category]
    negation_start: int | None = None  # token offsets of the negating trigger
    negation_end: int | None = None
    # Whether a threat trigger governs every hypothetical trigger that applies: it comes
    # before them ("he said if ...") or after the cue ("... he'll kill her, he said"). A
    # trigger that is both ("says if police ...") starts where the condition starts.
    threat_over_condition: bool = False

    @property
    def names(self) -> tuple[str, ...]:
        """The categories as sorted names, as they appear in `SuggestedAnswer.context`."""
        return _names(self.categories)


@cache
def _names(categories: frozenset[Category]) -> tuple[str, ...]:
    return tuple(sorted(c.value for c in categories))


MAX_REACH = 40  # no trigger's window and length reach further than this many tokens
_NO_CONTEXT = ContextHit(frozenset())


def context_of(
    start: int,
    end: int,
    triggers: Sequence[Trigger],
    starts: Sequence[int],
    scope: Scope,
    reach: int = MAX_REACH,
) -> ContextHit:
    """The contexts that apply to the cue at tokens [start, end).

    `triggers` are in text order with pseudo triggers and triggers inside cues already removed;
    `starts` holds their start tokens so only those nearby are looked at: none further than
    `reach` tokens (the longest trigger plus its window) can apply.
    """
    categories: set[Category] = set()
    neg: tuple[int, int] | None = None
    first_condition: int | None = None  # where the first hypothetical trigger starts
    first_threat: int | None = None  # where the first threat trigger before the cue starts
    threat_after = False
    history_end: int | None = None  # where the last historical trigger before the cue ends
    strong, weak, threat = scope.strong, scope.weak, scope.threat
    lo = bisect_left(starts, start - reach)
    hi = bisect_right(starts, end + reach)
    # Unpacked and with the scope test written out: this runs for every cue of every question.
    for t_start, t_end, category, direction, window in triggers[lo:hi]:
        counts = (
            weak
            if category is Category.NEGATED
            else threat
            if category is Category.THREAT
            else strong
        )
        if t_end <= start:
            if direction is Direction.BACKWARD or start - t_end > window:
                continue
            if counts[start] - counts[t_end] > 0:
                continue
        elif t_start >= end:
            if direction is Direction.FORWARD or t_start - end > window:
                continue
            if counts[t_start] - counts[end] > 0:
                continue
        else:
            continue
        categories.add(category)
        if category is Category.NEGATED:
            if neg is None or abs(t_start - start) < abs(neg[0] - start):
                neg = (t_start, t_end)
        elif category is Category.HYPOTHETICAL:
            if first_condition is None:
                first_condition = t_start
        elif category is Category.HISTORICAL:
            if t_end <= start:
                history_end = t_end
        elif category is Category.THREAT:
            if t_start >= end:
                threat_after = True
            elif first_threat is None:
                first_threat = t_start
    if not categories:
        return _NO_CONTEXT  # most cues: one shared value, nothing to build
    if (
        neg is not None
        and history_end is not None
        and history_end <= neg[0]
        and weak[neg[0]] - weak[history_end] > 0
    ):
        # (fifty-second round) "hes never hurt her, not violent": a fresh negation after a
        # comma opens a present clause, so the past scope of "hes never" (strong terminators
        # only) no longer reaches the cue; the negation alone applies (h50-0020).
        categories.discard(Category.HISTORICAL)
    over = threat_after or (
        first_threat is not None and (first_condition is None or first_threat <= first_condition)
    )
    if neg is None:
        return ContextHit(frozenset(categories), threat_over_condition=over)
    return ContextHit(frozenset(categories), neg[0], neg[1], over)


def reach_of(triggers: Sequence[Trigger]) -> int:
    """How far from a cue any of `triggers` can start and still apply to it."""
    return max((t.window + t.end - t.start for t in triggers), default=0)
