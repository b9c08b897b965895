"""The phrase syntax of the language-guidance terms file, compiled to regular expressions.

A phrase is words separated by spaces; `{a|b}` gives alternatives and `[word]` an optional
word; a space also matches a hyphen or line break; words take simple English endings unless
they are function words. See the comment at the top of `language_data/terms.yaml`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# ---------------------------------------------------------------------------- phrase syntax

# Words that never take endings: inflecting them would only produce nonsense like "hers" for
# "her" and make phrases match more than their authors meant.
_FUNCTION_WORD_LIST = """
    a an the and or of to in on at by for with from as is are was were be been being am
    he she it they we you i him her them his hers its their theirs our my your me us
    himself herself themselves themself itself myself yourself this that these those
    has had have having do does did done not no nor but if so than then just only very
    he's she's they're it's won't can't don't doesn't didn't isn't wasn't will would
    who whom whose which what when where why how all any some one two own more most
    got get gets"""
_FUNCTION_WORDS = frozenset(_FUNCTION_WORD_LIST.split())
_VOWELS = set("aeiou")
_SEP = r"[\s\-]+"  # a space in a phrase also matches hyphens and line breaks


def _inflections(word: str) -> list[str]:
    """The word and its common endings (-s, -es, -ed, -ing ...), longest first."""
    w = word.lower()
    if len(w) < 3 or w in _FUNCTION_WORDS or not w.isalpha():
        return [word]
    forms = {w, w + "s", w + "es", w + "ed", w + "ing"}
    if w.endswith("e"):
        forms |= {w + "d", w[:-1] + "ing"}
    if w.endswith("y") and w[-2] not in _VOWELS:
        forms |= {w[:-1] + "ies", w[:-1] + "ied"}
    # "put" -> "putting", "commit" -> "committed": a final consonant-vowel-consonant doubles
    if w[-1] not in _VOWELS | set("wxy") and w[-2] in _VOWELS and w[-3] not in _VOWELS:
        forms |= {w + w[-1] + "ed", w + w[-1] + "ing"}
    return sorted(forms, key=len, reverse=True)


def _split_top(body: str, sep: str) -> list[str]:
    """Split on `sep` outside any {...} or [...] group."""
    parts: list[str] = []
    cur: list[str] = []
    depth = 0
    for ch in body:
        if ch in "{[":
            depth += 1
        elif ch in "}]":
            depth -= 1
        if ch == sep and depth == 0:
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    parts.append("".join(cur))
    return parts


def _word_regex(word: str, inflect: bool) -> str:
    forms = _inflections(word) if inflect else [word]
    # an apostrophe in the file also matches a typed curly apostrophe
    return "(?:" + "|".join(re.escape(f).replace("'", "['’]") for f in forms) + ")"


def _phrase_regex(phrase: str, *, inflect: bool) -> str:
    """Turn one phrase from the terms file into a regular expression (no anchors)."""
    phrase = phrase.strip()
    if not phrase:
        raise ValueError("empty phrase")
    if phrase.count("{") != phrase.count("}") or phrase.count("[") != phrase.count("]"):
        raise ValueError(f"unbalanced brackets in phrase {phrase!r}")
    pieces: list[tuple[str, bool]] = []  # (regex, optional)
    for token in _tokens(phrase):
        if token[0] in "{[":
            alternatives = [a for a in _split_top(token[1:-1], "|") if a.strip()]
            if not alternatives:
                raise ValueError(f"empty group {token!r} in phrase {phrase!r}")
            inner = "|".join(_phrase_regex(a, inflect=inflect) for a in alternatives)
            pieces.append(("(?:" + inner + ")", token[0] == "["))
        else:
            pieces.append((_word_regex(token, inflect), False))
    if all(optional for _, optional in pieces):
        raise ValueError(f"phrase {phrase!r} has only optional words")
    # the separator travels with an optional word, so "failed [suicide] attempt" also
    # matches "failed attempt" with a single space
    out, need_sep = "", False
    for rx, optional in pieces:
        if optional:
            out += f"(?:{_SEP}{rx})?" if need_sep else f"(?:{rx}{_SEP})?"
        else:
            out += (_SEP if need_sep else "") + rx
            need_sep = True
    return out


def _tokens(phrase: str) -> Iterable[str]:
    """Words and {..}/[..] groups of a phrase, in order."""
    i, n = 0, len(phrase)
    while i < n:
        ch = phrase[i]
        if ch.isspace():
            i += 1
            continue
        if ch in "{[":
            close = "}" if ch == "{" else "]"
            depth, j = 0, i
            while j < n:
                if phrase[j] == ch:
                    depth += 1
                elif phrase[j] == close:
                    depth -= 1
                    if depth == 0:
                        break
                j += 1
            yield phrase[i : j + 1]
            i = j + 1
        else:
            j = i
            while j < n and not phrase[j].isspace() and phrase[j] not in "{[":
                j += 1
            yield phrase[i:j]
            i = j


_WORD = re.compile(r"\w+")


def _token_keys(token: str, *, inflect: bool) -> frozenset[str] | None:
    """Lower-case words, one of which a text must contain for `token` to match it."""
    if token[0] in "{[":
        keys: set[str] = set()
        for alternative in _split_top(token[1:-1], "|"):
            if alternative.strip():
                sub = _phrase_keys(alternative, inflect=inflect)
                if sub is None:
                    return None
                keys |= sub
        return frozenset(keys)
    out = set()
    for form in _inflections(token) if inflect else [token]:
        m = _WORD.match(form.lower())
        if m is None:
            return None
        out.add(m.group())
    return frozenset(out)


def _phrase_keys(phrase: str, *, inflect: bool) -> frozenset[str] | None:
    """Words one of which must be in a text for `phrase` to match it (None: cannot tell).

    Of the phrase's required words, the most telling is chosen ("mental" rather than "a" in
    "{a|the} mental"), so that a cheap set lookup lets `check` skip most entries.
    """
    candidates = [
        keys
        for token in _tokens(phrase)
        if token[0] != "[" and (keys := _token_keys(token, inflect=inflect)) is not None and keys
    ]
    if not candidates:
        return None
    return min(
        candidates,
        key=lambda ks: (sum(k in _FUNCTION_WORDS for k in ks), -min(len(k) for k in ks)),
    )


def _bounded(body: str) -> str:
    return rf"(?<!\w)(?:{body})(?!\w)"


def _compile(
    phrases: Iterable[str], regexes: Iterable[str] = (), *, inflect: bool
) -> re.Pattern[str]:
    parts = [_bounded(_phrase_regex(p, inflect=inflect)) for p in phrases]
    parts += [f"(?:{r})" for r in regexes]
    return re.compile("|".join(parts), re.IGNORECASE)
