"""Running every token pattern over one narrative, each only where its anchor word occurs."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence

from rightcare.narrative.tokenregex import CompiledPattern, TokenString, find

# What `find_all` needs of one pattern, unpacked once: its other required word lists, the
# pattern, how far before its anchor a match may start, its first words, its regex's `match`.
_Plan = tuple[
    tuple[frozenset[str], ...],
    CompiledPattern,
    int | None,
    frozenset[str] | None,
    Callable[[str, int], re.Match[str] | None],
]


class PatternSet:
    """Many token patterns run over one narrative, each tried only where its anchor occurs.

    One pass over the narrative's distinct words, through an index of every pattern's anchor
    words, finds where each pattern's anchor occurs; a pattern whose anchor is absent (most of
    them, in most narratives) costs nothing. Spans are the same as `find` gives one by one.
    """

    def __init__(self, patterns: Sequence[CompiledPattern]) -> None:
        self.patterns = tuple(patterns)
        self._by_word: dict[str, list[int]] = {}
        for n, p in enumerate(self.patterns):
            if p.anchor_reach is not None:
                for word in p.anchor:
                    self._by_word.setdefault(word, []).append(n)
        self._unanchored = [n for n, p in enumerate(self.patterns) if p.anchor_reach is None]
        # The required words other than the anchor's, still to check once the anchor is found.
        self._other_needs = [tuple(w for w in p.needs if w != p.anchor) for p in self.patterns]
        self._plans: list[_Plan] = [
            (needs, p, p.anchor_reach, p.first, p.regex.match)
            for needs, p in zip(self._other_needs, self.patterns, strict=True)
        ]

    def find_all(self, tokens: TokenString) -> list[tuple[int, list[tuple[int, int]]]]:
        """(pattern index, its spans) for every pattern that matches, in pattern order.

        (eleventh round) The work of `tokenregex.starts_before` and `match_at` is written out
        here: this loop runs for every pattern whose anchor occurs, dozens per narrative, and
        two calls per pattern were a tenth of the reader's time. The two must stay in step.
        """
        found: dict[int, list[int]] = {}
        by_word, positions = self._by_word, tokens.positions
        for word in by_word.keys() & positions.keys():
            at = positions[word]
            for n in by_word[word]:
                if (listed := found.get(n)) is None:
                    found[n] = list(at)
                else:
                    listed.extend(at)
        present, text, offsets, plans = tokens.words, tokens.text, tokens.offsets, self._plans
        out = []
        for n in sorted([*found, *self._unanchored]):
            needs, pattern, reach, first, match = plans[n]
            for needed in needs:
                if needed.isdisjoint(present):
                    break
            else:
                if reach is None:
                    if spans := find(pattern, tokens):
                        out.append((n, spans))
                    continue
                at = found[n]
                at.sort()
                if reach == 0:
                    starts = at
                elif first is None:
                    starts = sorted({j for i in at for j in range(max(i - reach, 0), i + 1)})
                else:
                    # A start is a first word with an anchor at most `reach` tokens after it.
                    ends = len(at)
                    starts = [
                        i
                        for w in first & present
                        for i in positions[w]
                        if (k := bisect_left(at, i)) < ends and at[k] - i <= reach
                    ]
                    starts.sort()
                # At each start the longest match; matches of one pattern do not overlap.
                spans = []
                after = 0
                for start in starts:
                    if start < after:
                        continue
                    m = match(text, offsets[start])
                    if m is not None and (end_char := m.end()) > offsets[start]:
                        after = bisect_left(offsets, end_char, start)
                        spans.append((start, after))
                if spans:
                    out.append((n, spans))
        return out
