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
- A question with both a `yes` and a `no` gets no suggestion and is listed in `conflicts`.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from functools import cache

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

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
    reach_of,
    scope_of,
    select_triggers,
    terminator_ids,
)
from rightcare.narrative.hits import Hit, near_enough, resolve
from rightcare.narrative.patterns import (
    ContextPolicy,
    Cue,
    CueAnswer,
    Policy,
    QuestionPatterns,
    load_question_patterns,
)
from rightcare.narrative.patternset import PatternSet
from rightcare.narrative.pipeline import blank_english, tokenizer_of
from rightcare.narrative.tokenregex import (
    CompiledPattern,
    TokenString,
    compile_pattern,
    token_string,
)
from rightcare.narrative.votes import (
    CONFLICT,
    decide,
    settle,
    update_starts,
    without_narrow_denials,
)
from rightcare.narrative.votes import Vote as _Vote

MAX_CHARS = 100_000  # spaCy's tokenizer copes with far more; this bounds work per narrative


@dataclass(frozen=True, slots=True)
class Reading:
    """What the narrative suggests: answers with evidence, and questions whose cues disagreed."""

    suggestions: dict[str, SuggestedAnswer] = field(default_factory=dict)
    conflicts: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _Triggers:
    """The triggers one question sees, their start tokens, and contexts worked out so far."""

    found: list[Trigger]
    starts: list[int]
    contexts: dict[tuple[int, int], ContextHit]  # keyed by cue span; shared by questions
    reach: int  # no trigger further than this from a cue applies to it


class _Reader:
    """The compiled pipeline: a blank English tokenizer and the cue and trigger matchers."""

    def __init__(self, questions: dict[str, QuestionPatterns]) -> None:
        self.nlp: Language = blank_english()
        self.questions = questions
        self.rules = {qid: _rules(spec.context) for qid, spec in questions.items()}
        self.cues: dict[int, Cue] = {}
        self.survive_correction: set[str] = set()  # see `PatternSpec.survives_correction`
        # One phrase matcher for cues and context triggers alike: one pass over the narrative.
        self.phrases = PhraseMatcher(self.nlp.vocab, attr="NORM")
        # Several questions share a token pattern (an overdose is read for three): each distinct
        # pattern is run once per narrative and its matches go to every cue that uses it.
        by_source: dict[str, tuple[CompiledPattern, list[Cue]]] = {}
        for qid, spec in questions.items():
            for p in spec.patterns:
                cue = Cue(
                    f"{qid}/{p.id}",
                    qid,
                    p.answer,
                    p.when_negated,
                    None if p.near is None else frozenset(p.near.words),
                    0 if p.near is None else p.near.window,
                    p.retracts,
                    p.narrow_no,
                    p.survives_correction,
                    p.threat,
                    p.denies_blows_only,
                )
                self.cues[self.nlp.vocab.strings.add(cue.key)] = cue
                if p.survives_correction:
                    self.survive_correction.add(cue.key)
                if p.phrases:
                    self.phrases.add(cue.key, list(tokenizer_of(self.nlp).pipe(p.phrases)))
                for token_pattern in p.tokens:
                    compiled = compile_pattern(token_pattern)
                    by_source.setdefault(compiled.regex.pattern, (compiled, []))[1].append(cue)
        self.cue_tokens = list(by_source.values())
        self.cue_patterns = PatternSet([pattern for pattern, _ in self.cue_tokens])
        context = load_context_file()
        self.terminator_ids = terminator_ids(self.nlp.vocab.strings, context.terminators)
        self.trigger_kinds: dict[int, tuple[Category, Direction, int]] = {}
        self.trigger_tokens: list[tuple[CompiledPattern, tuple[Category, Direction, int]]] = []
        for n, t in enumerate(context.triggers):
            key = f"context/{n}/{t.category}"
            self.trigger_kinds[self.nlp.vocab.strings.add(key)] = (
                t.category,
                t.direction,
                t.window,
            )
            if t.phrases:
                self.phrases.add(key, list(tokenizer_of(self.nlp).pipe(t.phrases)))
            kind = (t.category, t.direction, t.window)
            self.trigger_tokens += [(compile_pattern(tok), kind) for tok in t.tokens]
        self.trigger_patterns = PatternSet([pattern for pattern, _ in self.trigger_tokens])

    def read(self, doc: Doc, text: str, wanted: Collection[str] | None) -> Reading:
        chosen, conflicts = self.choose(doc, wanted)
        return Reading({qid: _suggestion(vote, text) for qid, vote in chosen}, conflicts)

    def choose(
        self, doc: Doc, wanted: Collection[str] | None
    ) -> tuple[list[tuple[str, _Vote]], tuple[str, ...]]:
        """The vote chosen for each question with a suggestion, by question id, and the
        questions whose cues disagree: a reading before it is made into `SuggestedAnswer`s
        (which a batch worker process need not make; see `batch.py`)."""
        tokens = token_string(doc)
        scope: Scope | None = None
        cues = self.cues
        cue_phrases: list[tuple[int, int, int]] = []
        trigger_phrases: list[tuple[int, int, int]] = []
        for match in self.phrases(doc):
            (cue_phrases if match[0] in cues else trigger_phrases).append(match)
        hits = self._hits(cue_phrases, tokens)
        if hits and any(hit.cue.near is not None for hit in hits):
            scope = scope_of(doc, tokens.norms, tokens.spaces, *self.terminator_ids)
            hits = resolve([h for h in hits if near_enough(h, tokens, scope)])
        else:
            hits = resolve(hits)
        if not hits:
            return [], ()
        triggers = [
            t for t in self._triggers(trigger_phrases, tokens) if t.category is not Category.PSEUDO
        ]
        if scope is None:
            scope = scope_of(doc, tokens.norms, tokens.spaces, *self.terminator_ids)
        by_question: dict[str, list[Hit]] = {}
        for hit in hits:
            if wanted is None or hit.question in wanted:
                if (listed := by_question.get(hit.question)) is None:
                    by_question[hit.question] = [hit]
                else:
                    listed.append(hit)
        # A trigger inside one of the question's own cues belongs to that cue's words ("no
        # answer at the door"), so that question does not see it; other questions' cues do not
        # hide triggers. Triggers no longer overlap (bar those on the same words), so in text
        # order their ends are in order too: two binary searches find those inside a cue.
        starts = [t.start for t in triggers]
        ends = [t.end for t in triggers]
        hidden: dict[str, set[int]] = {}
        for hit in hits:
            first = bisect_right(ends, hit.start)
            last = bisect_left(starts, hit.end)
            if first < last:
                hidden.setdefault(hit.question, set()).update(range(first, last))
        everyone = _Triggers(triggers, starts, {}, reach_of(triggers))
        seen: dict[frozenset[int], _Triggers] = {}
        chosen: list[tuple[str, _Vote]] = []
        conflicts: list[str] = []
        updates: list[int] | None = None  # where later updates start, found on a conflict

        def visible(qid: str) -> _Triggers:
            if (drop := hidden.get(qid)) is None:
                return everyone
            if (key := frozenset(drop)) not in seen:
                kept = [t for n, t in enumerate(triggers) if n not in drop]
                seen[key] = _Triggers(kept, [t.start for t in kept], {}, reach_of(kept))
            return seen[key]

        read: dict[str, list[_Vote]] = {}  # each question's votes, read once

        def votes_of(qid: str, q_hits: list[Hit]) -> list[_Vote]:
            if qid not in read:
                read[qid] = self._votes(tokens, q_hits, visible(qid), scope)
            return read[qid]

        def armed() -> bool:  # a weapon `yes` read anywhere (twenty-second round, `menace.py`)
            weapon = by_question.get("weapon") or [h for h in hits if h.question == "weapon"]
            return bool(weapon) and any(v.value is Answer.YES for v in votes_of("weapon", weapon))

        for qid, q_hits in by_question.items():
            votes = without_narrow_denials(votes_of(qid, q_hits), tokens, armed)
            outcome = decide(votes)
            if outcome is CONFLICT:
                if updates is None:
                    updates = update_starts(tokens)
                outcome = settle(votes, updates)
            if isinstance(outcome, str):  # CONFLICT
                conflicts.append(qid)
            elif outcome is not None:
                chosen.append((qid, outcome))
        chosen.sort(key=_first)
        return chosen, tuple(sorted(conflicts))

    def _hits(self, phrases: list[tuple[int, int, int]], tokens: TokenString) -> list[Hit]:
        cues = self.cues
        hits = [Hit((cue := cues[m]).question, s, e, cue) for m, s, e in phrases]
        for n, spans in self.cue_patterns.find_all(tokens):
            pattern_cues = self.cue_tokens[n][1]
            hits += [Hit(c.question, s, e, c) for s, e in spans for c in pattern_cues]
        return hits

    def _triggers(self, phrases: list[tuple[int, int, int]], tokens: TokenString) -> list[Trigger]:
        kinds = self.trigger_kinds
        found = [Trigger(s, e, *kinds[m]) for m, s, e in phrases]
        for n, spans in self.trigger_patterns.find_all(tokens):
            kind = self.trigger_tokens[n][1]
            found += [Trigger(s, e, *kind) for s, e in spans]
        return select_triggers(found)

    def _votes(
        self,
        tokens: TokenString,
        hits: Sequence[Hit],
        triggers: _Triggers,
        scope: Scope,
    ) -> list[_Vote]:
        rules = self.rules[hits[0].question]
        dropped, drop_hypothetical, keep_threat = rules
        contexts = triggers.contexts
        char_start, char_length = tokens.char_start, tokens.char_length
        votes = []
        retracted = -1  # votes of `yes` before this character a correction has retracted
        # (forty-eighth round) where the last threat dropped only for its condition starts:
        # "if police come near he will jump" after "not going to jump" is no `no` (h48-0115)
        condition = -1
        later_threat = keep_threat and hits[0].question in _SELF_HARM  # not a worry of violence
        for hit in hits:
            span = (hit.start, hit.end)
            if (ctx := contexts.get(span)) is None:
                ctx = contexts[span] = context_of(
                    hit.start, hit.end, triggers.found, triggers.starts, scope, triggers.reach
                )
            cats = ctx.categories
            threat_now = False
            if cats:
                if not dropped.isdisjoint(cats):
                    continue
                if _HYPOTHETICAL in cats and drop_hypothetical:
                    if not (keep_threat and ctx.threat_over_condition):
                        if later_threat and hit.cue.answer is CueAnswer.YES:
                            condition = max(condition, char_start[hit.start])
                        continue
                    threat_now = True
            uncertain = _UNCERTAIN in cats
            cue = hit.cue
            if cue.retracts:
                if ctx.negation_start is None:
                    retracted = max(retracted, char_start[hit.start])
                continue
            answer = cue.answer
            start_tok, end_tok = span
            if ctx.negation_start is not None:
                answer = cue.when_negated
                if answer is CueAnswer.NO and ctx.negation_end is not None:
                    # The evidence of a negated cue includes the negating words, so the
                    # handler sees "no weapons", never a bare "weapons" labelled `no`.
                    start_tok = min(start_tok, ctx.negation_start)
                    end_tok = max(end_tok, ctx.negation_end)
            if answer is CueAnswer.IGNORE or (answer is CueAnswer.NO and uncertain):
                continue
            names = ctx.names
            if threat_now:
                # A threat made now: the condition is part of what was threatened.
                names = tuple(n for n in names if n != _HYPOTHETICAL)
            votes.append(
                _Vote(
                    Answer.YES if answer is CueAnswer.YES else Answer.NO,
                    char_start[start_tok],
                    char_start[end_tok - 1] + char_length[end_tok - 1],
                    cue.key,
                    names,
                    uncertain,
                    cue.narrow and answer is CueAnswer.NO,
                    cue.threat and answer is CueAnswer.YES,
                    cue.blows_only and answer is CueAnswer.NO,
                )
            )
        if condition >= 0:  # a later conditional threat: an earlier denial does not stand
            votes = [v for v in votes if v.value is Answer.YES or v.start > condition]
        if retracted >= 0:  # an act done with an object is not retracted with a sighting
            keep = self.survive_correction
            return [
                v
                for v in votes
                if v.value is Answer.NO or v.start >= retracted or v.pattern in keep
            ]
        return votes


_HYPOTHETICAL, _UNCERTAIN = Category.HYPOTHETICAL, Category.UNCERTAIN
# (forty-eighth round) questions where a later threat with a condition unseats a denial
_SELF_HARM = frozenset({"suicidal_thoughts", "risk_to_life"})


def _rules(policy: ContextPolicy) -> tuple[frozenset[Category], bool, bool]:
    """A question's context policy as (contexts that drop a cue, whether a hypothetical does,
    whether a threat made now keeps its condition), the form `_votes` tests quickly."""
    dropped = {
        category
        for category, rule in (
            (Category.UNCERTAIN, policy.uncertain),
            (Category.HISTORICAL, policy.historical),
            (Category.FAMILY_HISTORY, policy.family_history),
            (Category.OTHER_PERSON, policy.other_person),
        )
        if rule is Policy.DROP
    }
    return (
        frozenset(dropped),
        policy.hypothetical is Policy.DROP,
        policy.conditional_threat is Policy.KEEP,
    )


def _suggestion(vote: _Vote, text: str) -> SuggestedAnswer:
    # Validated, not `model_construct`: pydantic-core validates these six fields faster than
    # `model_construct` copies them in Python.
    return SuggestedAnswer(
        value=vote.value,
        evidence=text[vote.start : vote.end],
        start=vote.start,
        end=vote.end,
        pattern=vote.pattern,
        context=vote.context,
    )


def _first(pair: tuple[str, _Vote]) -> str:
    return pair[0]


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
