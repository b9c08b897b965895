"""The pack and overlay file formats, as typed models (the source of the JSON Schema).

A pack is a folder: `pack.yaml` (metadata, questions, agencies, the order of its table files)
and one YAML file per call type holding dispositions and decision tables in DMN shape.
An overlay is one YAML file a force adds on top of a pack.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from rightcare.engine.vocab import (
    Agency,
    Answer,
    Grade,
    HitPolicy,
    PoliceResponse,
    RiskDirection,
    Threshold,
)

Identifier = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=64)]
Code = Annotated[str, Field(pattern=r"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$", max_length=32)]
Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
ClockTime = Annotated[str, Field(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$")]

# A cell accepts one answer, several, or any. Absent cells accept any answer.
Cell = Answer | Literal["any"] | list[Answer]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PackMeta(_Strict):
    id: Identifier | Annotated[str, Field(pattern=r"^[a-z][a-z0-9-]*$")]
    version: str = Field(pattern=r"^\d{4}\.\d+(\.\d+)?$", description="YYYY.N, e.g. 2026.1")
    title: str
    effective: dt.date = Field(description="date from which this version is in force")
    approved_by: str = Field(min_length=3, description="who approved this version")
    contract: Literal["1"] = "1"
    summary: str = ""


class Question(_Strict):
    id: Identifier
    text: str = Field(min_length=5, description="what to ask the caller, in short")
    help: str = Field(default="", description="guidance for the call handler")
    critical: bool = Field(
        default=False,
        description="a critical question must be answered before police may decline to attend",
    )
    risk: RiskDirection = Field(
        default=RiskDirection.NONE,
        description="which answer means more risk; turning it that way never lowers the response",
    )


class AgencyInfo(_Strict):
    id: Agency
    name: str
    description: str = ""


class SafeguardingAction(_Strict):
    flag: Identifier
    action: str = Field(min_length=3)


class Disposition(_Strict):
    code: Code
    title: str
    police_response: PoliceResponse
    lead_agency: Agency
    threshold: Threshold
    grade: Grade | None = None
    rationale: str = Field(min_length=10, description="plain-English reason for the outcome")
    basis: str = Field(min_length=3, description="legal or policy basis")
    tell_caller: str = Field(min_length=10, description="what the caller must be told")
    safeguarding: list[SafeguardingAction] = Field(default_factory=list)


class Rule(_Strict):
    id: Code
    when: dict[str, Cell] = Field(
        default_factory=dict,
        description="one cell per question: the answers this row accepts (absent = any)",
    )
    then: Code | None = Field(default=None, description="the disposition this row decides")
    text: str = Field(
        default="",
        description="why this row exists (and, in collect tables, the rationale it adds)",
    )
    basis: str = ""
    safeguarding: list[SafeguardingAction] = Field(default_factory=list)
    source: str = Field(default="", description="published guidance this row rests on")


class Table(_Strict):
    id: Identifier
    title: str
    hit_policy: HitPolicy
    rules: list[Rule] = Field(min_length=1)


class PackFile(_Strict):
    """One table file of a pack."""

    dispositions: list[Disposition] = Field(default_factory=list)
    tables: list[Table] = Field(default_factory=list)


class Fallbacks(_Strict):
    undetermined: Code = Field(description="disposition used when an unknown could mean attend")
    error: Code = Field(
        description="disposition used when evaluation fails: police attend, supervisor review"
    )


class PackIndex(_Strict):
    """`pack.yaml`: metadata, vocabulary and the ordered list of table files."""

    pack: PackMeta
    files: list[str] = Field(min_length=1, description="table files, in evaluation order")
    fallbacks: Fallbacks
    questions: list[Question] = Field(min_length=1)
    agencies: list[AgencyInfo] = Field(min_length=1)
    dispositions: list[Disposition] = Field(default_factory=list)


# --- overlays ---------------------------------------------------------------------------


class OpeningHours(_Strict):
    days: list[Weekday] = Field(min_length=1)
    start: ClockTime = Field(alias="from")
    end: ClockTime = Field(alias="to")

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Partner(_Strict):
    agency: Agency
    service: str
    contact: str = Field(
        description="how to reach the service (an organisation's line, never a person's)"
    )
    hours: list[OpeningHours] = Field(default_factory=list, description="empty = always open")
    accepts_professional_handover: bool = True
    escalate_after_minutes: int = Field(default=30, ge=1, le=24 * 60)
    notes: list[str] = Field(default_factory=list)


class OverlayMeta(_Strict):
    id: Annotated[str, Field(pattern=r"^[a-z][a-z0-9-]*$")]
    name: str
    fictional: bool = False
    pack: str
    pack_version: str = Field(pattern=r"^\d{4}\.\d+(\.\d+)?$")
    approved_by: str = Field(min_length=3)


class Wording(_Strict):
    text: str | None = None
    help: str | None = None
    tell_caller: str | None = None
    rationale: str | None = None


class OverlayRule(Rule):
    table: Identifier = Field(description="the national table this row is added to")
    before: str = Field(default="first", description="a rule id, `first` or `last`")


class Replacement(_Strict):
    rule: Code = Field(description="the national rule whose output changes")
    then: Code
    text: str = ""


class Overlay(_Strict):
    overlay: OverlayMeta
    partners: list[Partner] = Field(default_factory=list)
    wording: dict[str, Wording] = Field(
        default_factory=dict, description="local wording, keyed by question id or disposition code"
    )
    dispositions: list[Disposition] = Field(default_factory=list)
    rules: list[OverlayRule] = Field(default_factory=list)
    replace: list[Replacement] = Field(default_factory=list)
    remove: list[Code] = Field(default_factory=list)

    @field_validator("partners")
    @classmethod
    def _one_partner_per_agency(cls, partners: list[Partner]) -> list[Partner]:
        seen: set[Agency] = set()
        for partner in partners:
            if partner.agency in seen:
                raise ValueError(f"agency `{partner.agency}` is listed twice")
            seen.add(partner.agency)
        return partners
