"""Read a call narrative into suggested answers, each with the words it came from.

Safety rules (issue 3, part 2), enforced here whatever the pattern files say:

- A `no` comes only from an explicit statement: a `no` pattern ("unarmed", "informal patient")
  or a `yes` cue under a negation whose pattern says `when_negated: no` ("no weapons"). Its
  evidence always includes the negating words. Absence of a cue is no suggestion (unknown).
- Hypothetical, historical and family-history cues are dropped (unknown): "immediate" means
  present and ongoing, so they cannot be `yes`, and saying nothing is not saying `no`.
  A pattern file may keep historical cues where the past counts (a crime that has happened).
- An uncertain `yes` ("might have taken something", "poss has a knife") is kept as `yes` with
  the context `uncertain`: a possible knife is treated as a knife until someone confirms it,
  and every suggestion needs confirmation anyway. An uncertain `no` is dropped.
- A question with both a `yes` and a `no` gets no suggestion and is listed in `conflicts`, so
  the engine asks the question instead of guessing.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import NamedTuple, cast

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_suffix_regex

from rightcare.engine.suggestion import SuggestedAnswer
from rightcare.engine.vocab import Answer
from rightcare.narrative.context import (
    Category,
    ContextHit,
    Direction,
    Scope,
    Trigger,
    context_of,
    load_context_file,
    scope_of,
    select_triggers,
    terminator_ids,
)
from rightcare.narrative.patterns import (
    Cue,
    CueAnswer,
    Policy,
    QuestionPatterns,
    load_question_patterns,
)
from rightcare.narrative.tokenregex import (
    CompiledPattern,
    TokenString,
    compile_pattern,
    find,
    token_string,
)

MAX_CHARS = 100_000  # spaCy's tokenizer copes with far more; this bounds work per narrative


@dataclass(frozen=True, slots=True)
class Reading:
    """What the narrative suggests: answers with evidence, and questions whose cues disagreed."""

    suggestions: dict[str, SuggestedAnswer] = field(default_factory=dict)
    conflicts: tuple[str, ...] = ()


# Hits, votes and triggers are made by the dozen per narrative: named tuples, because a frozen
# dataclass costs several times more to construct.
class _Hit(NamedTuple):
    question: str
    start: int  # token offsets
    end: int
    cue: Cue


@dataclass(frozen=True, slots=True)
class _Triggers:
    """The triggers one question sees, their start tokens, and contexts worked out so far."""

    found: list[Trigger]
    starts: list[int]
    contexts: dict[tuple[int, int], ContextHit]  # keyed by cue span; shared by questions


class _Vote(NamedTuple):
    value: Answer
    start: int  # character offsets of the evidence
    end: int
    pattern: str
    context: tuple[str, ...]
    uncertain: bool


# Handlers write ages run together ("15yo", "9yrs"); splitting the number from its unit lets one
# pattern read "15 yo", "15yo" and "15 yrs old" alike.
_AGE_SUFFIX = r"(?<=[0-9])(?:yo|yos|yrs|yr|y)$"


def _blank_english() -> Language:
    nlp = spacy.blank("en")
    suffixes = [*nlp.Defaults.suffixes, _AGE_SUFFIX]  # type: ignore[misc]
    _tokenizer(nlp).suffix_search = compile_suffix_regex(suffixes).search
    return nlp


def _tokenizer(nlp: Language) -> Tokenizer:
    # `Language.tokenizer` is typed as any callable; a blank pipeline's is a `Tokenizer`.
    return cast(Tokenizer, nlp.tokenizer)


class _Reader:
    """The compiled pipeline: a blank English tokenizer and the cue and trigger matchers."""

    def __init__(self, questions: dict[str, QuestionPatterns]) -> None:
        self.nlp: Language = _blank_english()
        self.questions = questions
        self.cues: dict[int, Cue] = {}
        self.cue_phrases = PhraseMatcher(self.nlp.vocab, attr="NORM")
        # Several questions share a token pattern (an overdose is read for three): each distinct
        # pattern is run once per narrative and its matches go to every cue that uses it.
        by_source: dict[str, tuple[CompiledPattern, list[Cue]]] = {}
        for qid, spec in questions.items():
            for p in spec.patterns:
                cue = Cue(f"{qid}/{p.id}", qid, p.answer, p.when_negated)
                self.cues[self.nlp.vocab.strings.add(cue.key)] = cue
                if p.phrases:
                    self.cue_phrases.add(cue.key, list(_tokenizer(self.nlp).pipe(p.phrases)))
                for token_pattern in p.tokens:
                    compiled = compile_pattern(token_pattern)
                    by_source.setdefault(compiled.regex.pattern, (compiled, []))[1].append(cue)
        self.cue_tokens = list(by_source.values())
        context = load_context_file()
        self.terminator_ids = terminator_ids(self.nlp.vocab.strings, context.terminators)
        self.trigger_kinds: dict[int, tuple[Category, Direction, int]] = {}
        self.trigger_phrases = PhraseMatcher(self.nlp.vocab, attr="NORM")
        self.trigger_tokens: list[tuple[CompiledPattern, tuple[Category, Direction, int]]] = []
        for n, t in enumerate(context.triggers):
            key = f"context/{n}/{t.category}"
            self.trigger_kinds[self.nlp.vocab.strings.add(key)] = (
                t.category,
                t.direction,
                t.window,
            )
            if t.phrases:
                self.trigger_phrases.add(key, list(_tokenizer(self.nlp).pipe(t.phrases)))
            kind = (t.category, t.direction, t.window)
            self.trigger_tokens += [(compile_pattern(tok), kind) for tok in t.tokens]

    def read(self, doc: Doc, text: str, wanted: Collection[str] | None) -> Reading:
        tokens = token_string(doc)
        hits = self._hits(doc, tokens)
        if not hits:
            return Reading()
        triggers = [t for t in self._triggers(doc, tokens) if t.category is not Category.PSEUDO]
        scope = scope_of(doc, tokens.norms, tokens.is_space, *self.terminator_ids)
        by_question: dict[str, list[_Hit]] = {}
        for hit in hits:
            if wanted is None or hit.question in wanted:
                if (listed := by_question.get(hit.question)) is None:
                    by_question[hit.question] = [hit]
                else:
                    listed.append(hit)
        # A trigger inside one of the question's own cues belongs to that cue's words ("no
        # answer at the door", "not breathing"), so that question does not see it. Cues of
        # other questions do not hide triggers: a cue may span several words ("brother died
        # after being attacked").
        on_token: dict[int, list[int]] = {}
        for n, t in enumerate(triggers):
            for i in range(t.start, t.end):
                on_token.setdefault(i, []).append(n)
        hidden: dict[str, set[int]] = {}
        if on_token:
            for hit in hits:
                for i in range(hit.start, hit.end):
                    if (inside := on_token.get(i)) is not None:
                        hidden.setdefault(hit.question, set()).update(inside)
        everyone = _Triggers(triggers, [t.start for t in triggers], {})
        seen: dict[frozenset[int], _Triggers] = {}
        suggestions: dict[str, SuggestedAnswer] = {}
        conflicts: list[str] = []
        for qid, q_hits in by_question.items():
            if (drop := hidden.get(qid)) is None:
                visible = everyone
            else:
                key = frozenset(drop)
                if key not in seen:
                    kept = [t for n, t in enumerate(triggers) if n not in drop]
                    seen[key] = _Triggers(kept, [t.start for t in kept], {})
                visible = seen[key]
            votes = self._votes(tokens, q_hits, visible, scope)
            outcome = _decide(votes, text)
            if isinstance(outcome, SuggestedAnswer):
                suggestions[qid] = outcome
            elif outcome == "conflict":
                conflicts.append(qid)
        return Reading(dict(sorted(suggestions.items())), tuple(sorted(conflicts)))

    def _hits(self, doc: Doc, tokens: TokenString) -> list[_Hit]:
        cues = self.cues
        hits = [_Hit((cue := cues[m]).question, s, e, cue) for m, s, e in self.cue_phrases(doc)]
        for pattern, pattern_cues in self.cue_tokens:
            if spans := find(pattern, tokens):
                hits += [_Hit(c.question, s, e, c) for s, e in spans for c in pattern_cues]
        # Within a question, the longest cue wins where cues overlap ("not breathing" over
        # "breathing"), and an `ignore` cue removes any cue of its question that it overlaps.
        hits.sort(key=_longest_first)
        kept: list[_Hit] = []
        taken: dict[str, list[_Hit]] = {}
        for hit in hits:
            start, end = hit.start, hit.end
            if (others := taken.get(hit.question)) is None:
                taken[hit.question] = [hit]
            elif any(start < o.end and o.start < end for o in others):
                continue
            else:
                others.append(hit)
            if hit.cue.answer is not CueAnswer.IGNORE:
                kept.append(hit)
        kept.sort(key=_in_text_order)
        return kept

    def _triggers(self, doc: Doc, tokens: TokenString) -> list[Trigger]:
        kinds = self.trigger_kinds
        found = [Trigger(s, e, *kinds[m]) for m, s, e in self.trigger_phrases(doc)]
        for pattern, kind in self.trigger_tokens:
            if spans := find(pattern, tokens):
                found += [Trigger(s, e, *kind) for s, e in spans]
        return select_triggers(found)

    def _votes(
        self,
        tokens: TokenString,
        hits: Sequence[_Hit],
        triggers: _Triggers,
        scope: Scope,
    ) -> list[_Vote]:
        policy = self.questions[hits[0].question].context
        contexts = triggers.contexts
        votes = []
        for hit in hits:
            span = (hit.start, hit.end)
            if (ctx := contexts.get(span)) is None:
                ctx = contexts[span] = context_of(
                    hit.start, hit.end, triggers.found, triggers.starts, scope
                )
            cats = ctx.categories
            names = ctx.names
            if cats:
                if Category.HYPOTHETICAL in cats and policy.hypothetical is Policy.DROP:
                    threat_kept = policy.conditional_threat is Policy.KEEP
                    if not (threat_kept and ctx.threat_over_condition):
                        continue
                    # A threat made now: the condition is part of what was threatened.
                    names = tuple(n for n in names if n != Category.HYPOTHETICAL)
                if Category.UNCERTAIN in cats and policy.uncertain is Policy.DROP:
                    continue
                if Category.HISTORICAL in cats and policy.historical is Policy.DROP:
                    continue
                if Category.FAMILY_HISTORY in cats and policy.family_history is Policy.DROP:
                    continue
                if Category.OTHER_PERSON in cats and policy.other_person is Policy.DROP:
                    continue
            uncertain = Category.UNCERTAIN in cats
            answer = hit.cue.answer
            start_tok, end_tok = hit.start, hit.end
            if ctx.negation_start is not None:
                answer = hit.cue.when_negated
                if answer is CueAnswer.NO and ctx.negation_end is not None:
                    # The evidence of a negated cue includes the negating words, so the
                    # handler sees "no weapons", never a bare "weapons" labelled `no`.
                    start_tok = min(start_tok, ctx.negation_start)
                    end_tok = max(end_tok, ctx.negation_end)
            if answer is CueAnswer.IGNORE or (answer is CueAnswer.NO and uncertain):
                continue
            votes.append(
                _Vote(
                    value=Answer.YES if answer is CueAnswer.YES else Answer.NO,
                    start=tokens.char_start[start_tok],
                    end=tokens.char_start[end_tok - 1] + tokens.char_length[end_tok - 1],
                    pattern=hit.cue.key,
                    context=names,
                    uncertain=uncertain,
                )
            )
        return votes


def _longest_first(hit: _Hit) -> tuple[str, int, int]:
    return hit.question, hit.start - hit.end, hit.start


def _in_text_order(hit: _Hit) -> tuple[int, str]:
    return hit.start, hit.cue.key


def _decide(votes: Sequence[_Vote], text: str) -> SuggestedAnswer | str | None:
    """One suggestion from a question's votes; "conflict" if they disagree; None if none."""
    if not votes:
        return None
    if len(votes) == 1:
        best = votes[0]
    elif len({v.value for v in votes}) > 1:
        return "conflict"
    else:
        # Prefer a certain cue as evidence; otherwise the earliest.
        best = min(votes, key=_certain_then_earliest)
    # Validated, not `model_construct`: pydantic-core validates these six fields faster than
    # `model_construct` copies them in Python.
    return SuggestedAnswer(
        value=best.value,
        evidence=text[best.start : best.end],
        start=best.start,
        end=best.end,
        pattern=best.pattern,
        context=best.context,
    )


def _certain_then_earliest(vote: _Vote) -> tuple[bool, int]:
    return vote.uncertain, vote.start


@cache
def _reader() -> _Reader:
    """The one compiled reader for this process; building it costs tens of milliseconds."""
    return _Reader(dict(load_question_patterns()))


def question_ids() -> frozenset[str]:
    """Every question id that has a pattern file."""
    return frozenset(_reader().questions)


def _clip(text: str) -> str:
    return text if len(text) <= MAX_CHARS else text[:MAX_CHARS]


def read_narrative(text: str, question_ids: Collection[str] | None = None) -> Reading:
    """Suggested answers read from one narrative.

    `question_ids` limits the questions read; None reads every question with a pattern file.
    An id without a pattern file is simply never suggested (the pack may know more questions
    than the reader does).
    """
    reader = _reader()
    text = _clip(text)
    wanted = None if question_ids is None else frozenset(question_ids)
    return reader.read(reader.nlp.make_doc(text), text, wanted)
