"""Typed inputs and read models for the call services (Base / Create / Read families).

Read models never carry personal details unless the service filled them in for an actor with
the permission; `personal_masked` says which happened.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from rightcare.calls.models import (
    CallStatus,
    DecisionKind,
    DecisionStatus,
    HandoverKind,
    OverrideReason,
    ReviewOutcome,
    ReviewReason,
)
from rightcare.engine.contract import NARRATIVE_LIMIT, Assessment, CallContext, CallInput
from rightcare.engine.vocab import Agency, Answer, CallerType, Channel, PoliceResponse
from rightcare.validation import NulFree

MASK = "•••"


class HandoverEvent(StrEnum):
    """What the partner agency (or the officers at a place of safety) did with a handover."""

    ACCEPTED = "accepted"
    DECLINED = "declined"
    NO_ANSWER = "no_answer"
    HANDED_OVER = "handed_over"


class _Input(NulFree):
    model_config = ConfigDict(extra="forbid", frozen=True)


# The longest each personal detail may be, at creation and when corrected.
PERSONAL_LIMITS = {"caller_name": 200, "caller_phone": 64, "subject_name": 200, "address": 2000}


class PersonalDetails(_Input):
    caller_name: str | None = Field(default=None, max_length=PERSONAL_LIMITS["caller_name"])
    caller_phone: str | None = Field(default=None, max_length=PERSONAL_LIMITS["caller_phone"])
    subject_name: str | None = Field(default=None, max_length=PERSONAL_LIMITS["subject_name"])
    address: str | None = Field(default=None, max_length=PERSONAL_LIMITS["address"])


class CallBase(_Input):
    narrative: str = Field(default="", max_length=NARRATIVE_LIMIT)
    answers: dict[str, Answer] = Field(default_factory=dict)
    context: CallContext = Field(default_factory=CallContext)


class CallCreate(CallBase, PersonalDetails):
    """A new call. Personal details are optional and kept apart from the narrative."""

    synthetic: bool = Field(default=False, description="demo or training data, never a real call")


def _storable(value: str | None) -> str | None:
    if value is not None and "\x00" in value:
        raise ValueError("contains a character that cannot be stored (NUL)")
    return value


def _detail(name: str, what: str) -> Any:
    return Field(
        default=None,
        max_length=PERSONAL_LIMITS[name],
        description=f"{what}; null clears it, leaving it out keeps it",
    )


class CallUpdate(BaseModel):
    """Corrections to a call's personal details: only the fields given change, and null clears
    one (the narrative changes through `assess`). The same limits as at creation; a NUL is
    refused per field, so the error names the field (not the whole body, as `NulFree` would)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    caller_name: Annotated[str | None, AfterValidator(_storable)] = _detail(
        "caller_name", "the caller's name"
    )
    caller_phone: Annotated[str | None, AfterValidator(_storable)] = _detail(
        "caller_phone", "the caller's phone number"
    )
    subject_name: Annotated[str | None, AfterValidator(_storable)] = _detail(
        "subject_name", "the name of the person the call is about"
    )
    address: Annotated[str | None, AfterValidator(_storable)] = _detail("address", "the address")


class _Read(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class AssessmentRead(_Read):
    id: str
    call_id: str
    created_at: dt.datetime
    created_by: str
    pack: str
    pack_version: str
    overlay: str | None
    digest: str
    police_response: PoliceResponse
    lead_agency: Agency
    disposition: str
    input: CallInput
    output: Assessment


class DecisionRead(_Read):
    id: str
    call_id: str
    assessment_id: str
    decided_by: str
    decided_at: dt.datetime
    kind: DecisionKind
    police_response: PoliceResponse
    reason: OverrideReason | None
    note: str
    status: DecisionStatus
    signed_off_by: str | None
    signed_off_at: dt.datetime | None


class CallerAdviceRead(_Read):
    id: str
    call_id: str
    told_at: dt.datetime
    told_by: str
    text: str
    police_attending: bool


class HandoverRead(_Read):
    id: str
    call_id: str
    agency: Agency
    partner: str
    kind: HandoverKind
    offered_by: str
    offered_at: dt.datetime
    accepted_at: dt.datetime | None
    declined_at: dt.datetime | None
    no_answer_at: dt.datetime | None
    partner_reference: str | None
    arrived_at: dt.datetime | None
    handed_over_at: dt.datetime | None
    escalated_at: dt.datetime | None
    note: str


class ReviewRead(_Read):
    id: str
    call_id: str
    decision_id: str | None
    handover_id: str | None
    reason: ReviewReason
    created_at: dt.datetime
    reviewer: str | None
    reviewed_at: dt.datetime | None
    outcome: ReviewOutcome | None
    note: str


class CallRead(BaseModel):
    """One call as a screen or the API shows it. Personal details are masked unless allowed."""

    id: str
    reference: str
    created_at: dt.datetime
    created_by: str
    updated_at: dt.datetime
    version: int
    status: CallStatus
    force: str | None
    channel: Channel | None
    caller_type: CallerType | None
    synthetic: bool
    narrative: str
    caller_name: str | None
    caller_phone: str | None
    subject_name: str | None
    address: str | None
    personal_masked: bool
    answers: dict[str, Answer] = Field(description="the answers given so far (latest assessment)")
    recommended_response: PoliceResponse | None = Field(
        description="the latest assessment's recommendation"
    )
    police_response: PoliceResponse | None = Field(
        description="what stands: the latest effective decision, else the recommendation"
    )
    latest_assessment: AssessmentRead | None
    assessments: list[AssessmentRead]
    decisions: list[DecisionRead]
    caller_advice: list[CallerAdviceRead]
    handovers: list[HandoverRead]
    reviews: list[ReviewRead]


class CallSummary(BaseModel):
    """A row of the call history. Never carries personal details."""

    id: str
    reference: str
    created_at: dt.datetime
    status: CallStatus
    force: str | None
    synthetic: bool
    excerpt: str = Field(description="the start of the narrative")
    recommended_response: PoliceResponse | None
    police_response: PoliceResponse | None
    disposition: str | None


class TimelineEntry(BaseModel):
    """One line of a call's history, read from the audit log."""

    seq: int
    at: dt.datetime
    actor: str
    action: str
    summary: str
    details: dict[str, object]


class QueueItem(BaseModel):
    """One thing waiting for a supervisor. `review_id` is None for a live s136 clock past the
    hour that the escalation job has not yet turned into a review."""

    review_id: str | None
    reason: ReviewReason
    call_id: str
    call_reference: str
    created_at: dt.datetime
    summary: str
    decision: DecisionRead | None = None
    recommended_response: PoliceResponse | None = None
    handover: HandoverRead | None = None
    minutes_elapsed: int | None = None


class SupervisorQueue(BaseModel):
    signoffs: list[QueueItem]
    handovers: list[QueueItem] = Field(description="declined, unanswered or overdue handovers")
    s136_overdue: list[QueueItem] = Field(description="s136 clocks at or past the hour")

    @property
    def count(self) -> int:
        return len(self.signoffs) + len(self.handovers) + len(self.s136_overdue)
