"""Choosing a question's answer from its votes, and settling votes that disagree.

A question whose cues say both `yes` and `no` is a conflict, and the engine asks it, except in
three cases where the narrative itself says which one stands (eighth round):

- A correction retracts what came before it ("2214 update: the gun was a kids toy", "the
  earlier report of a knife was wrong", "she meant the nail gun"): a pattern marked `retracts`
  drops the question's earlier `yes` votes, so a later "no weapon involved" is a plain `no`.
  Only an explicit correction does this; it is applied where the votes are made (`cues.py`).
- A later update that says `yes` stands over an earlier `no` ("no weapons seen by crew at this
  time. 0151 update: brother now holding a pint glass"): the situation has moved on. The other
  way round (an update saying `no` after a `yes`) stays a conflict unless it is a correction:
  "no weapons seen" may only mean nobody saw one.
- A `no` that denies one kind of thing ("no knife seen") does not deny another kind
  ("a broken bottle recovered"): where every `no` comes from a pattern marked `narrow_no` and a
  `yes` comes from a different pattern, the `yes` stands.
- (nineteenth round) A denial of a blow ("nobody has hit anyone", "no one touched her") does
  not deny a threat ("going to 'sort' the marshal", "threatened to knock her out"): where every
  `no` comes from a pattern marked `denies_blows_only` and a `yes` from a `threat` pattern, the
  threat stands. A blow reported beside the denial stays a conflict.
- (twentieth round) A denial of blows is only a `no` where nothing in the narrative speaks of a
  threat, hostility to someone or an intent to harm (`hostility.speaks_of_harm`: "threatening
  to 'deal with' anyone", "voices telling him to hurt the driver"), whether or not a pattern
  reads it: there `without_narrow_denials` drops it before the votes are decided, so the question is
  unknown, or a threat read stands. A blow reported beside the denial stays a conflict.
- (twenty-second round) Nor is it a `no` where the narrative shows menace of another kind
  (`menace.py`): a weapon `yes` read anywhere, a weapon word beside a verb of brandishing or
  holding ("waving a samurai sword about"), or the denial hedged as expected ("hasnt hit
  anyone yet", "nobody hurt so far").
- (twenty-third round) A denial of injury ("not hurt") is no serious_harm `no` beside sexual
  touching, grooming or luring, and a report of past talk ("never said anything about ending
  it") no suicidal_thoughts `no` beside a present act (`denials.py`); both are dropped first.
- (thirtieth round) A named weapon denied ("no knife seen") is no weapon `no` beside an
  improvised or unnamed object held as a weapon ("holding the sharp end toward the case
  worker", "something sharp"), and a general "no weapons" none before one (`improvised.py`).

Each of the settling rules can only turn a conflict into a `yes`, never into a `no`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import NamedTuple

from rightcare.engine.vocab import Answer
from rightcare.narrative.denials import narrow_denials
from rightcare.narrative.hostility import speaks_of_harm
from rightcare.narrative.menace import brandished, hedged
from rightcare.narrative.tokenregex import TokenString


# Votes are made by the dozen per narrative: a named tuple, because a frozen dataclass costs
# several times more to construct.
class Vote(NamedTuple):
    value: Answer
    start: int  # character offsets of the evidence
    end: int
    pattern: str
    context: tuple[str, ...]
    uncertain: bool
    narrow: bool = False  # a `no` that denies only its own kind of thing (see module doc)
    threat: bool = False  # a `yes` read from a threat, not a blow struck
    blows_only: bool = False  # a `no` that denies a blow struck, not a threat


CONFLICT = "conflict"


def decide(votes: Sequence[Vote]) -> Vote | str | None:
    """The vote to suggest from a question's votes; `CONFLICT` if they disagree; None if none."""
    if not votes:
        return None
    if len(votes) == 1:
        return votes[0]
    if len({v.value for v in votes}) > 1:
        return CONFLICT
    # Prefer a certain cue as evidence; otherwise the earliest.
    return min(votes, key=_certain_then_earliest)


def without_narrow_denials(
    votes: list[Vote], tokens: TokenString, armed: Callable[[], bool] = bool
) -> list[Vote]:
    """The votes without denials narrower than the risk in view: of injury beside sexual harm,
    of past talk beside a present act (`denials.py`), and of blows where the narrative speaks of
    harm or shows menace.

    A denial of blows ("he hasnt touched anyone") does not deny a threat, so beside any word of
    threat, hostility or intent to harm, a weapon read or brandished (`armed()` says whether a
    weapon `yes` was read), or hedged as expected ("yet"), it denies nothing about violence.
    """
    votes = narrow_denials(votes, tokens)  # twenty-third round: see `denials.py`
    if not any(v.blows_only for v in votes):
        return votes
    # A blow reported beside the denial stays a conflict to ask (h5-0105, h6-0102).
    if any(v.value is Answer.YES and not v.threat for v in votes):
        return votes
    if speaks_of_harm(tokens) or brandished(tokens) or armed():
        return [v for v in votes if not v.blows_only]
    return [v for v in votes if not (v.blows_only and hedged(v.start, v.end, tokens))]


def settle(votes: Sequence[Vote], updates: Sequence[int]) -> Vote | str:
    """A conflict settled as `yes` where the narrative says which stands, else `CONFLICT`.

    `updates` holds the character offsets where later updates start (see `update_starts`).
    """
    yes = [v for v in votes if v.value is Answer.YES]
    no = [v for v in votes if v.value is Answer.NO]
    if all(v.narrow for v in no):
        denied = {v.pattern for v in no}
        other = [v for v in yes if v.pattern not in denied]
        if other:
            return min(other, key=_certain_then_earliest)
    if all(v.blows_only for v in no):
        threats = [v for v in yes if v.threat]
        if threats:
            return min(threats, key=_certain_then_earliest)
    if updates:
        last = max(v.start for v in votes)
        begins = max((u for u in updates if u <= last), default=None)
        if begins is not None and any(v.start < begins for v in no):
            latest = [v for v in votes if v.start >= begins]
            if all(v.value is Answer.YES for v in latest):
                return min(latest, key=_certain_then_earliest)
    return CONFLICT


# "0151", "21:52", "2214hrs" at the start of a sentence, or the word "update": a later entry.
_TIME = re.compile(r"^(?:[01][0-9]|2[0-3]):?[0-5][0-9](?:hrs|hr|h)?$")
_UPDATE = frozenset({"update", "updates", "upd", "updated"})
_SENTENCE_ENDS = frozenset({".", "!", "?", ";"})


def update_starts(tokens: TokenString) -> list[int]:
    """Character offsets where a later update in the log starts (a time or "update")."""
    positions, parts, spaces = tokens.positions, tokens.parts, set(tokens.spaces)
    found = [i for word in _UPDATE & tokens.words for i in positions[word]]
    for word in tokens.words:
        if word[0].isdigit() and _TIME.match(word):
            for i in positions[word]:
                before = i - 1
                while before in spaces:  # a line break, like a sentence end, starts an entry
                    before -= 1
                if before < 0 or before < i - 1 or parts[before] in _SENTENCE_ENDS:
                    found.append(i)
    return sorted(tokens.char_start[i] for i in found if i > 0)


def _certain_then_earliest(vote: Vote) -> tuple[bool, int]:
    return vote.uncertain, vote.start
