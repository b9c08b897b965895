"""Language guidance: flag stigmatising or victim-blaming wording in call records.

The word list lives in `language_data/terms.yaml`, written so a non-programmer can review it.
Each entry cites the published guidance it paraphrases. This module only reads that file,
compiles every phrase into a regular expression once, and reports where they match.

Handled with care:
- words that look like someone else's (inside quotation marks, or after "caller said",
  "stated" ...) are still flagged, but marked `quoted` with gentler advice, because the record
  may need the exact words;
- legal and clinical terms of art ("Mental Health Act", "sexual activity with a child",
  "suffering from mental disorder" in the s136 test) are never flagged;
- entries about child exploitation that would be ordinary words about an adult ("sexually
  active", "putting herself at risk") are only flagged when the text is about a child.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from rightcare.narrative.language_phrases import (
    _SEP,
    _WORD,
    _bounded,
    _compile,
    _phrase_keys,
    _phrase_regex,
)

__all__ = [
    "LanguageCategory",
    "LanguageFlag",
    "LanguageGuide",
    "LanguageGuideError",
    "Source",
    "TermEntry",
    "check_language",
    "default_guide",
    "load_guide",
]

_DATA_PACKAGE = "rightcare.narrative.language_data"
_DATA_FILE = "terms.yaml"


class LanguageCategory(StrEnum):
    child_exploitation = "child_exploitation"
    suicide = "suicide"
    mental_health = "mental_health"
    disability = "disability"
    domestic_abuse = "domestic_abuse"


class LanguageGuideError(ValueError):
    """The terms file is not valid; the message names the file and the entry."""


# ---------------------------------------------------------------------------- file models


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Source(_Strict):
    id: str
    title: str
    publisher: str
    year: int
    url: str


class TermEntry(_Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    category: LanguageCategory
    match: tuple[str, ...] = ()
    regex: tuple[str, ...] = ()
    regex_words: tuple[str, ...] = ()  # a regex can only match a text with one of these words
    needs_child_context: bool = False
    not_followed_by: tuple[str, ...] = ()
    why: str = Field(min_length=10)
    better: str = Field(min_length=3)
    source: str

    @model_validator(mode="after")
    def _has_something_to_match(self) -> TermEntry:
        if not self.match and not self.regex:
            raise ValueError("needs at least one phrase in `match` (or a `regex`)")
        return self


class _ChildContext(_Strict):
    match: tuple[str, ...] = ()
    regex: tuple[str, ...] = ()


class _TermsFile(_Strict):
    version: int
    sources: tuple[Source, ...]
    quoted_advice: str
    speech_markers: tuple[str, ...] = ()
    terms_of_art: tuple[str, ...] = ()
    child_context: _ChildContext = _ChildContext()
    terms: tuple[TermEntry, ...]


# ---------------------------------------------------------------------------- the output


class LanguageFlag(BaseModel):
    """One piece of wording worth a second look, with why and what to write instead."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    term: str = Field(description="id of the entry in the terms file")
    category: LanguageCategory
    start: int = Field(ge=0, description="character offset of the words in the text")
    end: int = Field(ge=0, description="character offset just after the words")
    text: str = Field(description="the words exactly as written")
    why: str = Field(description="why the wording matters, in plain English")
    better: str = Field(description="a better phrase to use in your own words")
    quoted: bool = Field(
        default=False, description="the words look like someone else's (quoted or reported)"
    )
    advice: str = Field(description="what to do about it; gentler when the words are quoted")
    source: str = Field(description="id of the published guidance this comes from")
    source_title: str = ""
    source_url: str = ""


# ---------------------------------------------------------------------------- the guide


@dataclass(frozen=True)
class _CompiledTerm:
    entry: TermEntry
    pattern: re.Pattern[str]
    keys: frozenset[str] | None  # None: always run the pattern


_QUOTED_SPANS = re.compile(
    r'"[^"\n]{1,400}"'  # straight double quotes
    r"|“[^”\n]{1,400}”"  # curly double quotes
    r"|‘[^’\n]{1,400}’(?!\w)"  # curly single quotes (a closing one is not an apostrophe)
    r"|(?<![\w'])'[^'\n]{1,400}?'(?!\w)"  # straight single quotes, not apostrophes
)
_SENTENCE_END = re.compile(r"[.!?;\n]")


class LanguageGuide:
    """A compiled terms file. Build once (it is immutable) and call `check` as often as needed."""

    def __init__(self, data: _TermsFile, *, origin: str = _DATA_FILE) -> None:
        self.origin = origin
        self.version = data.version
        self.sources: dict[str, Source] = {s.id: s for s in data.sources}
        self.terms: tuple[TermEntry, ...] = data.terms
        self._quoted_advice = " ".join(data.quoted_advice.split())
        self._speech = _compile(data.speech_markers, inflect=False) if data.speech_markers else None
        self._terms_of_art = (
            _compile(data.terms_of_art, inflect=False) if data.terms_of_art else None
        )
        cc = data.child_context
        self._child = (
            _compile(cc.match, cc.regex, inflect=False) if (cc.match or cc.regex) else None
        )
        self._compiled = tuple(self._compile_term(t) for t in data.terms)

    def _compile_term(self, entry: TermEntry) -> _CompiledTerm:
        try:
            body = "|".join(
                [_phrase_regex(p, inflect=True) for p in entry.match] + list(entry.regex)
            )
            rx = _bounded(body)
            if entry.not_followed_by:
                stops = "|".join(_phrase_regex(w, inflect=False) for w in entry.not_followed_by)
                rx += rf"(?!{_SEP}(?:{stops})(?!\w))"
            keys: frozenset[str] | None = frozenset(w.lower() for w in entry.regex_words)
            for phrase in entry.match:
                phrase_keys = _phrase_keys(phrase, inflect=True)
                keys = None if phrase_keys is None or keys is None else keys | phrase_keys
            if entry.regex and not entry.regex_words:
                keys = None
            return _CompiledTerm(entry, re.compile(rx, re.IGNORECASE), keys)
        except (ValueError, re.error) as exc:
            raise LanguageGuideError(f"{self.origin}: term `{entry.id}`: {exc}") from exc

    # -- checking -----------------------------------------------------------------------

    def check(self, text: str) -> list[LanguageFlag]:
        """Every flagged span in `text`, in order. Overlapping hits keep the longest."""
        if not text:
            return []
        about_child: bool | None = None
        words = set(_WORD.findall(text.lower()))
        hits: list[tuple[int, int, int, _CompiledTerm]] = []
        for order, ct in enumerate(self._compiled):
            if ct.keys is not None and ct.keys.isdisjoint(words):
                continue
            for m in ct.pattern.finditer(text):
                start, end = m.span()
                if start == end:
                    continue
                if ct.entry.needs_child_context:
                    if about_child is None:
                        about_child = self._child is not None and bool(self._child.search(text))
                    if not about_child:
                        break
                hits.append((start, end, order, ct))
        if not hits:
            return []
        protected = self._spans(self._terms_of_art, text)
        hits = [h for h in hits if not _overlaps(h[0], h[1], protected)]
        kept = _longest_non_overlapping(hits)
        quoted_spans = self._spans(_QUOTED_SPANS, text)
        return [self._flag(text, s, e, ct, quoted_spans) for s, e, _, ct in kept]

    def _flag(
        self,
        text: str,
        start: int,
        end: int,
        ct: _CompiledTerm,
        quoted_spans: list[tuple[int, int]],
    ) -> LanguageFlag:
        entry = ct.entry
        quoted = _inside(start, end, quoted_spans) or self._after_speech_marker(text, start)
        better = " ".join(entry.better.split())
        advice = (
            self._quoted_advice.replace("{better}", better)
            if quoted
            else f"In the record, use: {better}"
        )
        source = self.sources[entry.source]
        return LanguageFlag(
            term=entry.id,
            category=entry.category,
            start=start,
            end=end,
            text=text[start:end],
            why=" ".join(entry.why.split()),
            better=better,
            quoted=quoted,
            advice=advice,
            source=entry.source,
            source_title=source.title,
            source_url=source.url,
        )

    def _after_speech_marker(self, text: str, start: int) -> bool:
        if self._speech is None:
            return False
        sentence_start = 0
        for m in _SENTENCE_END.finditer(text, 0, start):
            sentence_start = m.end()
        return self._speech.search(text, sentence_start, start) is not None

    @staticmethod
    def _spans(pattern: re.Pattern[str] | None, text: str) -> list[tuple[int, int]]:
        if pattern is None:
            return []
        return [m.span() for m in pattern.finditer(text)]


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def _inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _longest_non_overlapping(
    hits: list[tuple[int, int, int, _CompiledTerm]],
) -> list[tuple[int, int, int, _CompiledTerm]]:
    # longest first, then earliest in the file, so the most specific entry wins
    chosen: list[tuple[int, int, int, _CompiledTerm]] = []
    for hit in sorted(hits, key=lambda h: (-(h[1] - h[0]), h[2], h[0])):
        if not any(c[0] < hit[1] and hit[0] < c[1] for c in chosen):
            chosen.append(hit)
    return sorted(chosen, key=lambda h: (h[0], h[1]))


# ---------------------------------------------------------------------------- loading


def load_guide(path: str | Path | None = None) -> LanguageGuide:
    """Load and compile a terms file (the shipped one when `path` is None).

    Raises LanguageGuideError naming the file and the entry when something is wrong.
    """
    if path is None:
        raw = resources.files(_DATA_PACKAGE).joinpath(_DATA_FILE).read_text(encoding="utf-8")
        origin = _DATA_FILE
    else:
        origin = str(path)
        try:
            raw = Path(path).read_text(encoding="utf-8")
        except OSError as exc:
            raise LanguageGuideError(f"{origin}: cannot read: {exc.strerror}") from exc
    try:
        doc = yaml.safe_load(raw)
    except yaml.YAMLError as exc:
        raise LanguageGuideError(f"{origin}: not valid YAML: {exc}") from exc
    data = _parse(doc, origin)
    return LanguageGuide(data, origin=origin)


def _parse(doc: Any, origin: str) -> _TermsFile:
    try:
        data = _TermsFile.model_validate(doc)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = _describe_location(doc, first["loc"])
        raise LanguageGuideError(f"{origin}: {where}: {first['msg']}") from exc
    source_ids = {s.id for s in data.sources}
    seen: set[str] = set()
    for term in data.terms:
        if term.id in seen:
            raise LanguageGuideError(f"{origin}: term `{term.id}` appears twice")
        seen.add(term.id)
        if term.source not in source_ids:
            near = difflib.get_close_matches(term.source, sorted(source_ids), n=1)
            hint = f"; did you mean `{near[0]}`?" if near else ""
            raise LanguageGuideError(
                f"{origin}: term `{term.id}`: unknown source `{term.source}`{hint}"
            )
    return data


def _describe_location(doc: Any, loc: tuple[int | str, ...]) -> str:
    """Name a place in the file the way a reviewer would look for it: term `x`, field `y`."""
    if len(loc) >= 2 and loc[0] == "terms" and isinstance(loc[1], int):
        try:
            term_id = doc["terms"][loc[1]].get("id", f"number {loc[1] + 1}")
        except (KeyError, IndexError, TypeError, AttributeError):
            term_id = f"number {loc[1] + 1}"
        rest = ".".join(str(p) for p in loc[2:])
        return f"term `{term_id}`" + (f", field `{rest}`" if rest else "")
    return "field `" + ".".join(str(p) for p in loc) + "`"


@cache
def default_guide() -> LanguageGuide:
    """The shipped guide, loaded and compiled once per process."""
    return load_guide()


def check_language(text: str) -> list[LanguageFlag]:
    """Flag stigmatising or victim-blaming wording in `text` using the shipped guide."""
    return default_guide().check(text)
