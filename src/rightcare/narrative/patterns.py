"""Cue pattern files: one YAML file per question, read once and compiled into spaCy matchers.

A pattern file is meant to be reviewed by someone who knows the control room, not the code, so
the schema is small: each pattern has an id, the answer it suggests, what a negation in front
of it means, an example, and either a list of phrases or spaCy Matcher token patterns, and
optionally words that must be `near` the cue for it to count ("bottle" is a weapon only where
there is fighting). Adding a file named after a new question id is all it takes to start
reading that question.

Phrases are matched on spaCy's NORM attribute (lower case, with contractions expanded), so
"doesn't", "doesnt" and "does not" all match the phrase "doesnt"; spelling variants and
shorthand are listed as phrases in their own right.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

PATTERN_DIR = Path(__file__).parent / "patterns"
CONTEXT_FILE = "_context.yaml"


class CueAnswer(StrEnum):
    """What a matched cue says about its question."""

    YES = "yes"
    NO = "no"
    # An `ignore` pattern matches phrases that look like a cue but are not one ("knife crime
    # awareness"); any cue of the same question that overlaps it is discarded.
    IGNORE = "ignore"


class Policy(StrEnum):
    KEEP = "keep"
    DROP = "drop"


def _yaml_bool_to_answer(value: Any) -> Any:
    # YAML 1.1 reads a bare `yes` / `no` as a boolean; reviewers should not have to quote them.
    if value is True:
        return "yes"
    if value is False:
        return "no"
    return value


class Near(BaseModel):
    """Words that must be close to a cue for it to count ("bottle" is a weapon in a fight)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    words: tuple[str, ...] = Field(min_length=1)
    window: int = Field(default=8, ge=1, le=30)

    @field_validator("words")
    @classmethod
    def _single_lower_case_words(cls, words: tuple[str, ...]) -> tuple[str, ...]:
        for word in words:
            if not word or word != word.lower() or " " in word:
                raise ValueError(f"`near` takes single lower-case words, not {word!r}")
        return words


class PatternSpec(BaseModel):
    """One cue pattern as written in a question's YAML file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9_]+$")
    answer: CueAnswer
    when_negated: CueAnswer = Field(
        default=CueAnswer.IGNORE,
        description="the answer when a negation comes before the cue; `ignore` drops the cue",
    )
    example: str = ""
    comment: str = ""
    phrases: tuple[str, ...] = ()
    tokens: tuple[tuple[dict[str, Any], ...], ...] = ()
    near: Near | None = Field(
        default=None,
        description="the cue counts only with one of these words within `window` tokens of "
        "it in the same sentence",
    )
    retracts: bool = Field(
        default=False,
        description="(an `ignore` pattern) a correction: the question's `yes` cues before it "
        "are retracted ('the gun was a toy', 'the report of a knife was wrong')",
    )
    narrow_no: bool = Field(
        default=False,
        description="a `no` from this pattern denies only its own kind ('no knife'): a `yes` "
        "from another pattern ('a broken bottle') stands over it instead of a conflict",
    )
    threat: bool = Field(
        default=False,
        description="(a `yes` pattern) reads a threat of harm, not a blow struck ('going to "
        "sort the marshal'): a `no` marked `denies_blows_only` does not deny it",
    )
    denies_blows_only: bool = Field(
        default=False,
        description="a `no` that denies a blow struck ('nobody has hit anyone'), not a threat: "
        "a `yes` from a `threat` pattern stands over it instead of a conflict",
    )
    survives_correction: bool = Field(
        default=False,
        description="(a `yes` pattern) an act done, not a sighting ('hit her with the dog "
        "lead'): a correction about what was seen held ('it was his phone') does not retract it",
    )

    _coerce = field_validator("answer", "when_negated", mode="before")(_yaml_bool_to_answer)

    @model_validator(mode="after")
    def _has_something_to_match(self) -> PatternSpec:
        if not self.phrases and not self.tokens:
            raise ValueError(f"pattern `{self.id}` has neither phrases nor tokens")
        if self.answer is not CueAnswer.YES and self.when_negated is not CueAnswer.IGNORE:
            # Double negatives ("not no weapons") are too rare to be worth a rule, and a
            # negated `no` must never turn into a `yes` or `no` by accident.
            raise ValueError(f"pattern `{self.id}`: only a `yes` pattern may set when_negated")
        if self.retracts and self.answer is not CueAnswer.IGNORE:
            raise ValueError(f"pattern `{self.id}`: only an `ignore` pattern may retract")
        if self.narrow_no and CueAnswer.NO not in (self.answer, self.when_negated):
            raise ValueError(f"pattern `{self.id}`: narrow_no needs a pattern that can say no")
        if self.denies_blows_only and CueAnswer.NO not in (self.answer, self.when_negated):
            raise ValueError(f"pattern `{self.id}`: denies_blows_only needs a `no` pattern")
        if self.threat and self.answer is not CueAnswer.YES:
            raise ValueError(f"pattern `{self.id}`: only a `yes` pattern may be a threat")
        return self


class ContextPolicy(BaseModel):
    """Per-question choice of what to do with a cue in each context."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    hypothetical: Policy = Policy.DROP
    historical: Policy = Policy.DROP
    family_history: Policy = Policy.DROP
    other_person: Policy = Policy.KEEP
    # `keep`: an uncertain cue still counts ("poss has a knife" is a knife until confirmed).
    # `drop` where a guess would mislead: "believed to be in town" is not a known location.
    uncertain: Policy = Policy.KEEP
    # `keep`: a threat made now with a condition in it ("he said if she leaves he'll kill
    # her") counts as a present threat, not a hypothetical. Only a threat trigger before the
    # condition, or after the cue, does this: in "if he threatens her again" the threat itself
    # is the condition, and it stays hypothetical.
    conditional_threat: Policy = Policy.DROP


class QuestionPatterns(BaseModel):
    """A whole pattern file: the question it reads and its patterns."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    question: str = Field(pattern=r"^[a-z0-9_]+$")
    asks: str = ""
    context: ContextPolicy = ContextPolicy()
    patterns: tuple[PatternSpec, ...]

    @model_validator(mode="after")
    def _unique_ids(self) -> QuestionPatterns:
        seen: set[str] = set()
        for pattern in self.patterns:
            if pattern.id in seen:
                raise ValueError(f"pattern id `{pattern.id}` is used twice")
            seen.add(pattern.id)
        return self


class PatternFileError(ValueError):
    """A pattern file could not be read; the message names the file and the problem."""


@dataclass(frozen=True, slots=True)
class Cue:
    """A compiled pattern: what the matcher key `key` means."""

    key: str  # "question/pattern_id", also the match key in the spaCy matchers
    question: str
    answer: CueAnswer
    when_negated: CueAnswer
    near: frozenset[str] | None = None  # see `PatternSpec.near`
    near_window: int = 0
    retracts: bool = False  # see `PatternSpec.retracts`
    narrow: bool = False  # see `PatternSpec.narrow_no`
    survives_correction: bool = False  # see `PatternSpec.survives_correction`
    threat: bool = False  # see `PatternSpec.threat`
    blows_only: bool = False  # see `PatternSpec.denies_blows_only`


# libyaml's parser when PyYAML was built with it (the wheels are): the pattern files are
# parsed at every start, and the pure-Python parser took two of a worker's five seconds.
try:
    from yaml import CSafeLoader as _SafeLoader
except ImportError:  # PyYAML built without libyaml
    from yaml import SafeLoader as _SafeLoader  # type: ignore[assignment]


class _NoDuplicateKeys(_SafeLoader):
    """YAML that refuses a key given twice in one mapping.

    Plain YAML keeps the last of two `tokens:` keys and silently drops the first: a reviewer
    would see patterns in the file that are never run.
    """

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"`{key}` is given twice", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def _load_file(path: Path) -> QuestionPatterns:
    try:
        # A SafeLoader subclass: safe to load files with.
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_NoDuplicateKeys)
    except yaml.YAMLError as exc:
        raise PatternFileError(f"{path.name}: not valid YAML: {exc}") from exc
    try:
        spec = QuestionPatterns.model_validate(raw)
    except ValidationError as exc:
        raise PatternFileError(f"{path.name}: {exc}") from exc
    if spec.question != path.stem:
        raise PatternFileError(
            f"{path.name}: says question `{spec.question}` but the file is named for "
            f"`{path.stem}`; rename one so they agree"
        )
    return spec


@cache
def load_question_patterns(directory: Path = PATTERN_DIR) -> Mapping[str, QuestionPatterns]:
    """Every question pattern file in `directory`, keyed by question id."""
    files = sorted(p for p in directory.glob("*.yaml") if not p.name.startswith("_"))
    return {spec.question: spec for spec in (_load_file(p) for p in files)}
