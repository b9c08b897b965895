"""The assessment contract as typed models: one call in, one assessment out.

See shared/spec/assess-contract.md. Field names and values here are the public contract.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from rightcare.engine.errors import CallError, did_you_mean
from rightcare.engine.suggestion import SuggestedAnswer
from rightcare.engine.vocab import (
    Agency,
    Answer,
    CallerType,
    Channel,
    Grade,
    PoliceResponse,
    Threshold,
)
from rightcare.validation import NulFree

CONTRACT_VERSION: Literal["1"] = "1"
NARRATIVE_LIMIT = 20_000  # characters; a call narrative longer than this is refused


class CallContext(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    received_at: dt.datetime | None = None
    channel: Channel | None = None
    caller: CallerType | None = None
    force: str | None = Field(default=None, max_length=64, description="overlay id")


class CallInput(NulFree):
    """One call. Every field is optional; an absent question is unknown."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    narrative: str = Field(default="", max_length=NARRATIVE_LIMIT)
    answers: dict[str, Answer] = Field(default_factory=dict)
    context: CallContext = Field(default_factory=CallContext)


class RationaleItem(BaseModel):
    rule: str
    text: str
    basis: str


class QuestionToAsk(BaseModel):
    id: str
    text: str
    why: str


class SafeguardingItem(BaseModel):
    flag: str
    action: str


class PolicyRef(BaseModel):
    pack: str
    version: str
    overlay: str | None
    digest: str


class LeadPartner(BaseModel):
    """The force's partner for the lead agency, from the overlay's directory."""

    service: str
    contact: str
    open_at_received: bool | None = Field(
        description="whether the service is open when the call was received (null: no time given)"
    )
    accepts_professional_handover: bool
    notes: list[str]


class LanguageNote(BaseModel):
    """Wording in the narrative worth a second look (stigmatising or victim-blaming)."""

    term: str
    category: str
    start: int
    end: int
    text: str
    why: str
    better: str
    quoted: bool


class Assessment(BaseModel):
    contract: Literal["1"] = CONTRACT_VERSION
    police_response: PoliceResponse
    lead_agency: Agency
    threshold: Threshold
    grade: Grade | None
    disposition: str
    title: str = Field(description="the disposition's short title")
    tell_caller: str = Field(description="what the caller must be told")
    rationale: list[RationaleItem]
    questions_to_ask: list[QuestionToAsk]
    suggested_answers: dict[str, SuggestedAnswer]
    needs_confirmation: list[str]
    safeguarding: list[SafeguardingItem]
    lead_partner: LeadPartner | None = None
    language: list[LanguageNote] = Field(
        default_factory=list, description="wording in the narrative to reconsider"
    )
    policy: PolicyRef


def _field_path(loc: tuple[Any, ...]) -> str:
    return ".".join(str(part) for part in loc)


def parse_call(data: Any, questions: list[str] | None = None) -> CallInput:
    """Validate raw JSON data into a CallInput; raise CallError naming the first bad field.

    `questions` (the loaded pack's ids) lets an unknown question get a near-miss suggestion.
    """
    if not isinstance(data, dict):
        raise CallError("", "a call must be a JSON object")
    try:
        call = CallInput.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = tuple(err["loc"])
        path = _field_path(loc)
        kind = err["type"]
        if kind == "extra_forbidden":
            known = (
                list(CallContext.model_fields)
                if loc[:1] == ("context",)
                else list(CallInput.model_fields)
            )
            raise CallError(path, f"unknown field{did_you_mean(str(loc[-1]), known)}") from exc
        if kind == "enum" and loc[:1] == ("answers",):
            raise CallError(path, "an answer must be yes, no or unknown") from exc
        if kind == "string_too_long" and loc == ("narrative",):
            raise CallError(path, f"narrative is longer than {NARRATIVE_LIMIT} characters") from exc
        raise CallError(path, str(err["msg"])) from exc
    if questions is not None:
        check_questions(call, questions)
    return call


def check_questions(call: CallInput, questions: Collection[str]) -> None:
    """Raise CallError for an answer to a question the loaded pack does not ask, with a
    near-miss suggestion (`questions` are the pack's ids)."""
    for question in call.answers:
        if question not in questions:
            hint = did_you_mean(question, questions)
            raise CallError(f"answers.{question}", f"unknown question{hint}")
