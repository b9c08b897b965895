"""Token patterns (spaCy Matcher syntax) compiled to regular expressions over a token string.

Why not spaCy's Matcher: it starts every pattern at every token and runs `IN` tests in Python,
which cost about 2 ms per 1,000-character narrative for our pattern set, twice the whole budget
(issue 3: median 1 ms). Our token patterns use a small subset of the Matcher syntax, which
maps directly onto a regular expression over the narrative's normalised tokens joined by
spaces ("he has nt got a knife "), and Python's `re` runs that in C in tens of microseconds.
The pattern files keep the familiar Matcher syntax, so a pattern can still be tried in spaCy.

Supported, and checked when the files are loaded:
- keys `NORM`, `LOWER`, `TEXT`, `ORTH` (all compared with the token's NORM, which is lower case
  with contractions expanded; for punctuation it is the text itself), with a string, `IN` list
  or `REGEX` value; `IS_PUNCT` and `LIKE_NUM` (true or false); `OP` of `?`, `*`, `+`, `{n,m}`.
- Each start position yields its longest match, like spaCy's `greedy="LONGEST"`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import Any, cast

import numpy
from spacy.attrs import IDX, IS_SPACE, LENGTH, NORM
from spacy.tokens import Doc

_TEXT_KEYS = frozenset({"NORM", "LOWER", "TEXT", "ORTH"})
_ALLOWED = _TEXT_KEYS | {"IS_PUNCT", "LIKE_NUM", "OP"}
_SPACE = "\x01"  # stands for a whitespace token, which no pattern matches except as a stop
_TOKEN = r"[^ ]+ "
_QUANTIFIER = re.compile(r"^\{(\d*),?(\d*)\}$")


class TokenPatternError(ValueError):
    """A token pattern uses Matcher syntax this module does not support."""


def _alternation(words: Sequence[str]) -> str:
    """A regex matching any of `words`, factored as a trie ("in(?:side)?|o(?:n|utside)").

    `re` tries the branches of a plain alternation one after another; with lists of a hundred
    place or drug names that is most of the cost of a match. Factored, the first character
    picks the branch. Each token is followed by a space in the token string, so only a whole
    word can match, whichever branch is tried first.
    """
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict[str, Any]) -> str:
    ends = "" in node
    branches = [re.escape(c) + _trie_regex(child) for c, child in sorted(node.items()) if c]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return f"(?:{body})?"
    return body


def _value_regex(value: Any) -> str:
    if isinstance(value, str):
        return re.escape(value.lower())
    if isinstance(value, dict) and set(value) == {"IN"}:
        return "(?:" + _alternation(sorted({str(v).lower() for v in value["IN"]})) + ")"
    if isinstance(value, dict) and set(value) == {"REGEX"}:
        inner = str(value["REGEX"])
        inner = inner.removeprefix("^").removesuffix("$")
        if " " in inner:
            raise TokenPatternError(f"a REGEX may not match a space: {inner!r}")
        return f"(?:{inner})"
    raise TokenPatternError(f"unsupported token value {value!r}")


def _token_regex(spec: dict[str, Any]) -> str:
    unknown = set(spec) - _ALLOWED
    if unknown:
        raise TokenPatternError(f"unsupported token keys {sorted(unknown)} in {spec!r}")
    tests = {k: v for k, v in spec.items() if k != "OP"}
    text_keys = [k for k in tests if k in _TEXT_KEYS]
    if len(tests) == 1 and text_keys:
        # The common case, a word or a list of words, needs no lookahead.
        body = _value_regex(tests[text_keys[0]]) + " "
        return _quantify(body, spec.get("OP"))
    lookaheads = []
    for key, value in tests.items():
        if key in _TEXT_KEYS:
            lookaheads.append(f"(?={_value_regex(value)} )")
        elif key == "IS_PUNCT":
            lookaheads.append(r"(?=[^\w ]+ )" if value else r"(?=[^ ]*\w)")
        elif key == "LIKE_NUM":
            num = r"(?=\d+(?:[.,]\d+)? )"
            lookaheads.append(num if value else f"(?!{num[3:-1]})")
    return _quantify("".join(lookaheads) + _TOKEN, spec.get("OP"))


def _quantify(body: str, op: Any) -> str:
    if op is None:
        return f"(?:{body})"
    if op in ("?", "*", "+"):
        return f"(?:{body}){op}"
    match = _QUANTIFIER.match(str(op))
    if match:
        low, high = match.group(1) or "0", match.group(2)
        return f"(?:{body}){{{low},{high}}}"
    raise TokenPatternError(f"unsupported OP {op!r}")


@dataclass(frozen=True, slots=True)
class CompiledPattern:
    """A token pattern as a regular expression, with words one of which must be present."""

    regex: re.Pattern[str]
    # For each required token given as words, the words it may be: a narrative that lacks all
    # the words of any one of them cannot match, so the regex is not run.
    needs: tuple[frozenset[str], ...]
    # The first required token given as words, and how many tokens may come before it in a
    # match (None: unbounded). A match can only start that many tokens or fewer before one of
    # these words, so `find` tries `regex.match` at those token starts only, instead of
    # `regex.search`, which would try every character and costs ten times more.
    anchor: frozenset[str] = frozenset()
    anchor_reach: int | None = None
    # The words the first token must be, when it is a required word token: a cheap test that
    # rules out most of the starts before the anchor.
    first: frozenset[str] | None = None


def _words_of(spec: dict[str, Any]) -> frozenset[str] | None:
    """The words a token spec matches, if it is a plain word or word list (no other tests)."""
    tests = {k: v for k, v in spec.items() if k != "OP"}
    if len(tests) != 1:
        return None
    ((key, value),) = tests.items()
    if key not in _TEXT_KEYS:
        return None
    if isinstance(value, str):
        return frozenset({value.lower()})
    if isinstance(value, dict) and set(value) == {"IN"}:
        return frozenset(str(v).lower() for v in value["IN"])
    return None


def _max_repeats(op: Any) -> int | None:
    if op is None or op == "?":
        return 1
    if op in ("*", "+"):
        return None
    match = _QUANTIFIER.match(str(op))
    if match and match.group(2):
        return int(match.group(2))
    return None


def _required_words(pattern: Sequence[dict[str, Any]]) -> tuple[frozenset[str], ...]:
    needs = [
        words
        for spec in pattern
        if spec.get("OP") in (None, "+") and (words := _words_of(spec)) is not None
    ]
    return tuple(sorted(needs, key=len))


# Words so common that anchoring a pattern on them would try it at most tokens.
_COMMON = frozenset(
    [
        "a",
        "an",
        "the",
        "at",
        "in",
        "on",
        "to",
        "of",
        "by",
        "is",
        "was",
        "has",
        "had",
        "he",
        "she",
        "his",
        "her",
        "him",
        "they",
        "them",
        "it",
        "and",
        "or",
        "for",
        "with",
        "from",
        "near",
        "not",
        "no",
    ]
)
# (ninth round) frequent in narratives too: a threat frame ("will", "going to") is a poorer
# anchor than the verb after it.
# fmt: off
_COMMON |= frozenset([
    "will", "going", "be", "been", "are", "were", "have", "that", "this", "up", "out", "as",
    "so", "if", "about", "just", "then", "now", "into", "over", "back", "all", "s", "'s", "do",
    "got", "get", "says", "said", "caller", "after", "since", "before",  # (12th) time words
])
# (eleventh round) and punctuation, in nearly every narrative: "Sandra Kemp, 46," is tried from
# the age, not from every full stop
_COMMON |= frozenset([".", ",", ";", ":", "-", "(", ")", "'", '"'])
# fmt: on


def _anchor(pattern: Sequence[dict[str, Any]]) -> tuple[frozenset[str], int | None]:
    """The required word token to try matches from, and how far before it a match may start.

    Of the required word tokens with a bounded number of tokens before them, the one with the
    lowest cost: each common word in it costs most, as it is in nearly every narrative; each
    token that may come before it multiplies the starts to try, unless the first token is a
    required word, whose cheap test (`CompiledPattern.first`) rules most of those starts out.
    So "at/in/on ... the station" is tried from "station", not from every "in".
    """
    best: tuple[int, int, frozenset[str]] | None = None
    reach: int | None = 0
    first_filters = pattern[0].get("OP") in (None, "+") and _words_of(pattern[0]) is not None
    for spec in pattern:
        words = _words_of(spec)
        if reach is not None and spec.get("OP") in (None, "+") and words is not None:
            cost = 10 * len(words & _COMMON) + (1 if first_filters else 3) * reach
            if best is None or cost < best[0]:
                best = (cost, reach, words)
        most = _max_repeats(spec.get("OP"))
        reach = None if most is None or reach is None else reach + most
    if best is None:
        return frozenset(), None
    return best[2], best[1]


def compile_pattern(pattern: Sequence[dict[str, Any]]) -> CompiledPattern:
    """A regular expression for one token pattern.

    Greedy quantifiers give the longest match at each start, like `greedy="LONGEST"`; matches of
    one pattern do not overlap each other, which is all the reader needs (it keeps the longest
    of overlapping cues anyway).
    """
    if not pattern:
        raise TokenPatternError("an empty token pattern")
    body = "".join(_token_regex(dict(t)) for t in pattern)
    anchor, reach = _anchor(pattern)
    first = _words_of(pattern[0]) if pattern[0].get("OP") in (None, "+") else None
    return CompiledPattern(re.compile(body), _required_words(pattern), anchor, reach, first)


@dataclass(frozen=True, slots=True)
class TokenString:
    """A narrative's tokens as one string, and where each token starts in it."""

    text: str
    parts: list[str]  # each token's text in `text`
    offsets: list[int]  # where each token starts in `text`, and len(text) last
    positions: dict[str, list[int]]  # token text -> the indices of the tokens with that text
    words: frozenset[str]
    norms: list[int]  # NORM hash of each token
    spaces: list[int]  # indices of whitespace tokens
    char_start: list[int]  # character offset of each token in the narrative
    char_length: list[int]  # and its length in characters


_NORM_TEXT: dict[int, str] = {}  # NORM hash -> text; StringStore lookups are slower
_ONE = 1  # `map(_ONE.__add__, ...)` adds one in C


def _remember(strings: Any, norm_id: int) -> str:
    text = str(strings[norm_id]).replace(" ", "_")
    if len(_NORM_TEXT) < 200_000:  # bounded: narratives bring new words forever
        _NORM_TEXT[norm_id] = text
    return text


def token_string(doc: Doc) -> TokenString:
    """The narrative's tokens, read once from spaCy's arrays (cheaper than Token objects).

    This runs for every narrative, so the loops over tokens are `map`s and numpy (in C) where
    they can be; new words and whitespace tokens are rare.
    """
    if not len(doc):
        return TokenString("", [], [0], {}, frozenset(), [], [], [], [])
    array = doc.to_array([NORM, IS_SPACE, IDX, LENGTH])
    norms: list[int] = array[:, 0].tolist()
    spaces: list[int] = numpy.flatnonzero(array[:, 1]).tolist()
    looked_up: list[str | None] = list(map(_NORM_TEXT.get, norms))
    for i in spaces:
        looked_up[i] = _SPACE
    if None in looked_up:
        strings = doc.vocab.strings
        for i, part in enumerate(looked_up):
            if part is None:
                looked_up[i] = _remember(strings, norms[i])
    parts = cast(list[str], looked_up)
    positions: dict[str, list[int]] = {}
    for i, part in enumerate(parts):
        if (seen := positions.get(part)) is None:
            positions[part] = [i]
        else:
            seen.append(i)
    return TokenString(
        text=" ".join(parts) + " ",
        parts=parts,
        offsets=[0, *accumulate(map(_ONE.__add__, map(len, parts)))],
        positions=positions,
        words=frozenset(positions),
        norms=norms,
        spaces=spaces,
        char_start=array[:, 2].tolist(),
        char_length=array[:, 3].tolist(),
    )


def _candidate_starts(pattern: CompiledPattern, tokens: TokenString) -> list[int] | None:
    """Token indices where a match may start, in order; None if the pattern has no anchor."""
    if pattern.anchor_reach is None:
        return None
    positions = tokens.positions
    found = [i for w in pattern.anchor & tokens.words for i in positions[w]]
    return starts_before(pattern, tokens, found)


def starts_before(pattern: CompiledPattern, tokens: TokenString, found: list[int]) -> list[int]:
    """The starts, in order, from which a match may reach the anchor words at `found`."""
    reach = pattern.anchor_reach or 0
    if reach == 0:
        found.sort()
        return found
    first = pattern.first
    if first is None:
        return sorted({j for i in found for j in range(max(i - reach, 0), i + 1)})
    # A start is a first word with an anchor at most `reach` tokens after it.
    found.sort()
    ends, positions = len(found), tokens.positions
    out = [
        i
        for w in first & tokens.words
        for i in positions[w]
        if (k := bisect_left(found, i)) < ends and found[k] - i <= reach
    ]
    out.sort()
    return out


def find(pattern: CompiledPattern, tokens: TokenString) -> list[tuple[int, int]]:
    """Token spans [start, end) where `pattern` matches: at each start its longest match, and
    matches that do not overlap, leftmost first (the same as scanning with `regex.search`)."""
    words = tokens.words
    for needed in pattern.needs:
        if needed.isdisjoint(words):
            return []
    starts = _candidate_starts(pattern, tokens)
    if starts is not None:
        return match_at(pattern, tokens, starts)
    text, offsets = tokens.text, tokens.offsets
    spans = []
    pos = 0
    search = pattern.regex.search
    while (m := search(text, pos)) is not None:
        start_char, end_char = m.span()
        start = bisect_left(offsets, start_char)
        if start < len(offsets) and offsets[start] == start_char and end_char > start_char:
            end = bisect_left(offsets, end_char, start)
            spans.append((start, end))
            pos = end_char
        else:
            pos = start_char + 1  # matched inside a token ("son" in "person"): look further on
    return spans


def match_at(
    pattern: CompiledPattern, tokens: TokenString, starts: list[int]
) -> list[tuple[int, int]]:
    text, offsets = tokens.text, tokens.offsets
    match = pattern.regex.match
    spans = []
    after = 0
    for start in starts:
        if start < after:
            continue
        m = match(text, offsets[start])
        if m is not None and (end_char := m.end()) > offsets[start]:
            after = bisect_left(offsets, end_char, start)
            spans.append((start, after))
    return spans
