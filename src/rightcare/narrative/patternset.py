"""Running every token pattern over one narrative, each only where its anchor word occurs."""

from __future__ import annotations

from collections.abc import Sequence

from rightcare.narrative.tokenregex import (
    CompiledPattern,
    TokenString,
    find,
    match_at,
    starts_before,
)


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

    def find_all(self, tokens: TokenString) -> list[tuple[int, list[tuple[int, int]]]]:
        """(pattern index, its spans) for every pattern that matches, in pattern order."""
        found: dict[int, list[int]] = {}
        by_word, positions = self._by_word, tokens.positions
        for word in by_word.keys() & positions.keys():
            at = positions[word]
            for n in by_word[word]:
                if (listed := found.get(n)) is None:
                    found[n] = list(at)
                else:
                    listed.extend(at)
        present = tokens.words
        out = []
        for n in sorted([*found, *self._unanchored]):
            for needed in self._other_needs[n]:
                if needed.isdisjoint(present):
                    break
            else:
                pattern = self.patterns[n]
                if pattern.anchor_reach is None:
                    spans = find(pattern, tokens)
                else:
                    starts = starts_before(pattern, tokens, found[n])
                    spans = match_at(pattern, tokens, starts)
                if spans:
                    out.append((n, spans))
        return out
