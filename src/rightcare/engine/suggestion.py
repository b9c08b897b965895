"""The engine's view of an answer suggested from free text.

The narrative reader (rightcare.narrative) produces these; the engine only consumes them, so
the engine never depends on the reader.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from rightcare.engine.vocab import Answer


class SuggestedAnswer(BaseModel):
    """One answer read from the narrative, with the exact words it came from."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    value: Answer
    evidence: str = Field(description="the words in the narrative the suggestion came from")
    start: int = Field(ge=0, description="character offset of the evidence in the narrative")
    end: int = Field(ge=0, description="character offset just after the evidence")
    pattern: str = Field(default="", description="id of the pattern that matched")
    context: tuple[str, ...] = Field(
        default=(), description="context modifiers that applied, e.g. negated, other_person"
    )
