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
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

from spacy.attrs import IDX, IS_SPACE, LENGTH, NORM
from spacy.tokens import Doc

_TEXT_KEYS = frozenset({"NORM", "LOWER", "TEXT", "ORTH"})
_ALLOWED = _TEXT_KEYS | {"IS_PUNCT", "LIKE_NUM", "OP"}
_SPACE = "\x01"  # stands for a whitespace token, which no pattern matches except as a stop
_TOKEN = r"[^ ]+ "
_QUANTIFIER = re.compile(r"^\{(\d*),?(\d*)\}$")


class TokenPatternError(ValueError):
    """A token pattern uses Matcher syntax this module does not support."""


def _value_regex(value: Any) -> str:
    if isinstance(value, str):
        return re.escape(value.lower())
    if isinstance(value, dict) and set(value) == {"IN"}:
        words = sorted((str(v).lower() for v in value["IN"]), key=len, reverse=True)
        return "(?:" + "|".join(re.escape(w) for w in words) + ")"
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


def _required_words(pattern: Sequence[dict[str, Any]]) -> tuple[frozenset[str], ...]:
    needs: list[frozenset[str]] = []
    for spec in pattern:
        tests = {k: v for k, v in spec.items() if k != "OP"}
        if spec.get("OP") not in (None, "+") or len(tests) != 1:
            continue
        ((key, value),) = tests.items()
        if key not in _TEXT_KEYS:
            continue
        if isinstance(value, str):
            words = frozenset({value.lower()})
        elif isinstance(value, dict) and set(value) == {"IN"}:
            words = frozenset(str(v).lower() for v in value["IN"])
        else:
            continue
        needs.append(words)
    return tuple(sorted(needs, key=len))


def compile_pattern(pattern: Sequence[dict[str, Any]]) -> CompiledPattern:
    """A regular expression for one token pattern.

    Greedy quantifiers give the longest match at each start, like `greedy="LONGEST"`; matches of
    one pattern do not overlap each other, which is all the reader needs (it keeps the longest
    of overlapping cues anyway).
    """
    if not pattern:
        raise TokenPatternError("an empty token pattern")
    body = "".join(_token_regex(dict(t)) for t in pattern)
    # No token-boundary assertion in the regex: a leading lookbehind stops `re` from skipping
    # ahead on the first character, which halves its speed. `find` checks the boundary instead.
    return CompiledPattern(re.compile(body), _required_words(pattern))


@dataclass(frozen=True, slots=True)
class TokenString:
    """A narrative's tokens as one string, and where each token starts in it."""

    text: str
    char_to_token: dict[int, int]
    words: frozenset[str]
    norms: list[int]  # NORM hash of each token
    is_space: list[int]
    char_start: list[int]  # character offsets of each token in the narrative
    char_end: list[int]


_NORM_TEXT: dict[int, str] = {}  # NORM hash -> text; StringStore lookups are slower


def _remember(strings: Any, norm_id: int) -> str:
    text = str(strings[norm_id]).replace(" ", "_")
    if len(_NORM_TEXT) < 200_000:  # bounded: narratives bring new words forever
        _NORM_TEXT[norm_id] = text
    return text


def token_string(doc: Doc) -> TokenString:
    """The narrative's tokens, read once from spaCy's arrays (cheaper than Token objects)."""
    strings = doc.vocab.strings
    if len(doc):
        norms, spaces, idx, length = zip(
            *doc.to_array([NORM, IS_SPACE, IDX, LENGTH]).tolist(), strict=True
        )
    else:
        norms, spaces, idx, length = (), (), (), ()
    cache = _NORM_TEXT
    parts = [
        _SPACE if space else (cache.get(n) or _remember(strings, n))
        for n, space in zip(norms, spaces, strict=True)
    ]
    offsets = [0, *accumulate(len(p) + 1 for p in parts)]
    starts = dict(zip(offsets, range(len(parts) + 1), strict=True))
    return TokenString(
        text=" ".join(parts) + " " if parts else "",
        char_to_token=starts,
        words=frozenset(parts),
        norms=list(norms),
        is_space=list(spaces),
        char_start=list(idx),
        char_end=[i + n for i, n in zip(idx, length, strict=True)],
    )


def find(pattern: CompiledPattern, tokens: TokenString) -> list[tuple[int, int]]:
    """Token spans [start, end) where `pattern` matches."""
    words = tokens.words
    for needed in pattern.needs:
        if needed.isdisjoint(words):
            return []
    spans = []
    text, starts = tokens.text, tokens.char_to_token
    pos = 0
    search = pattern.regex.search
    while (m := search(text, pos)) is not None:
        start, end = m.span()
        if start in starts and end > start:
            spans.append((starts[start], starts[end]))
            pos = end
        else:
            pos = start + 1  # matched inside a token ("son" in "person"): look again further on
    return spans
