"""The scenario format: one call, its expected outcome and where it comes from.

A scenario is at once a regression test of the pack, a training item and a QA calibration case.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, model_validator

from rightcare.engine.contract import CallContext
from rightcare.engine.vocab import Agency, Answer, PoliceResponse, Threshold


class Tag(StrEnum):
    """National Partnership Agreement phases, plus the other call types the pack covers."""

    PHASE1_WELFARE = "phase1_welfare"
    PHASE2A_WALKOUT = "phase2a_walkout"
    PHASE2B_AWOL = "phase2b_awol"
    PHASE3_CONVEYANCE = "phase3_conveyance"
    PHASE4_S136 = "phase4_s136"
    MEDICAL = "medical"
    MISSING = "missing"
    CRIME = "crime"
    DOMESTIC_ABUSE = "domestic_abuse"
    CHILDREN = "children"
    ENTRY = "entry"


class Difficulty(StrEnum):
    EASY = "easy"
    MEDIUM = "medium"
    HARD = "hard"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Expected(_Strict):
    police_response: PoliceResponse
    lead_agency: Agency
    threshold: Threshold | None = None
    disposition: str | None = None


class Source(_Strict):
    """A published document the scenario paraphrases, or `authored` with a line of reasoning."""

    url: HttpUrl | None = None
    authored: str | None = Field(default=None, min_length=10)
    note: str = Field(default="", description="what the source says, paraphrased")

    @model_validator(mode="after")
    def _one_kind(self) -> Source:
        if (self.url is None) == (self.authored is None):
            raise ValueError("give either `url` (a published source) or `authored` (reasoning)")
        if self.url is not None and len(self.note) < 10:
            raise ValueError("a published source needs a `note` paraphrasing what it says")
        return self


class Borderline(_Strict):
    """The single answer that would change the outcome, and what it would change to."""

    question: str
    answer: Answer
    becomes: PoliceResponse


class Scenario(_Strict):
    id: Annotated[str, Field(pattern=r"^[A-Z0-9]+(-[A-Z0-9]+)*-\d{3}$")]
    title: str = Field(min_length=5)
    narrative: str = Field(min_length=10)
    answers: dict[str, Answer] = Field(default_factory=dict)
    context: CallContext = Field(default_factory=CallContext)
    expect: Expected
    overlays: dict[str, Expected] = Field(
        default_factory=dict, description="expected outcome where a force overlay differs"
    )
    source: Source
    tags: list[Tag] = Field(min_length=1)
    difficulty: Difficulty = Difficulty.MEDIUM
    borderline: Borderline | None = None
    training: bool = True

    @property
    def published(self) -> bool:
        return self.source.url is not None

    def expected_for(self, overlay: str | None) -> Expected:
        if overlay and overlay in self.overlays:
            return self.overlays[overlay]
        return self.expect


class ScenarioFile(_Strict):
    scenarios: list[Scenario] = Field(min_length=1)
