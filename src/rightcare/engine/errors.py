"""Errors a pack, an overlay or a call can raise, each naming where the problem is."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field


def near_miss(word: str, choices: Iterable[str]) -> str | None:
    """The closest known word to a misspelt one, if any is close enough to be a likely typo."""
    matches = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return matches[0] if matches else None


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """`; did you mean `x`?` when a near miss exists, else an empty string."""
    guess = near_miss(word, choices)
    return f"; did you mean `{guess}`?" if guess else ""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a pack or overlay, located as precisely as we can."""

    message: str
    file: str = ""
    line: int | None = None
    hint: str = ""

    def __str__(self) -> str:
        where = self.file
        if where and self.line is not None:
            where = f"{where}:{self.line}"
        located = f"{self.message}, {where}" if where else self.message
        return f"{located}{self.hint}"


@dataclass
class PackError(Exception):
    """A pack or overlay was refused. It is refused whole: nothing of it is used."""

    problems: list[Problem] = field(default_factory=list)

    def __str__(self) -> str:
        if not self.problems:
            return "the pack is invalid"
        first = str(self.problems[0])
        more = len(self.problems) - 1
        return first if more == 0 else f"{first} (and {more} more problem{'s' * (more > 1)})"

    def describe(self) -> str:
        return "\n".join(str(p) for p in self.problems)


class CallError(ValueError):
    """A call (the assessment input) is malformed. The message names the field."""

    def __init__(self, field_path: str, message: str) -> None:
        self.field_path = field_path
        self.detail = message
        super().__init__(f"{field_path}: {message}" if field_path else message)
