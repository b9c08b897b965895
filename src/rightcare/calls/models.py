"""Tables for a call and what happened on it: assessments, decisions, caller advice,
handovers and supervisor reviews. Closed vocabularies are StrEnums stored as their values.

Personal details (caller name and phone, subject name, address) sit in their own columns, listed
in `PERSONAL_FIELDS`, so screens and the API can mask them by role and audit every view.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from rightcare.engine.vocab import Agency, CallerType, Channel, PoliceResponse
from rightcare.storage.base import Base, enum_column, new_id, utcnow

ACTOR = sa.String(255)  # a username, or token:NAME for a system calling the API
PERSONAL_FIELDS = ("caller_name", "caller_phone", "subject_name", "address")


class CallStatus(StrEnum):
    OPEN = "open"
    AWAITING_SUPERVISOR = "awaiting_supervisor"
    CLOSED = "closed"


class DecisionKind(StrEnum):
    ACCEPT = "accept"
    OVERRIDE = "override"


class DecisionStatus(StrEnum):
    EFFECTIVE = "effective"
    AWAITING_SUPERVISOR = "awaiting_supervisor"
    REJECTED = "rejected"


class OverrideReason(StrEnum):
    """Why a call handler departed from the recommendation: a fixed list, so it can be counted."""

    NEW_INFORMATION = "new_information"
    PARTNER_UNABLE = "partner_unable"
    CALLER_VULNERABILITY = "caller_vulnerability"
    SAFEGUARDING_CONCERN = "safeguarding_concern"
    SUPERVISOR_INSTRUCTION = "supervisor_instruction"
    PROFESSIONAL_JUDGEMENT = "professional_judgement"
    OTHER = "other"

    @property
    def label(self) -> str:
        return _OVERRIDE_LABELS[self]


_OVERRIDE_LABELS = {
    OverrideReason.NEW_INFORMATION: "New information from the caller changed the picture",
    OverrideReason.PARTNER_UNABLE: "The partner agency cannot respond, or not in time",
    OverrideReason.CALLER_VULNERABILITY: "The caller or the person is vulnerable in a way "
    "the questions did not capture",
    OverrideReason.SAFEGUARDING_CONCERN: "A safeguarding concern needs police involvement",
    OverrideReason.SUPERVISOR_INSTRUCTION: "A supervisor told me to",
    OverrideReason.PROFESSIONAL_JUDGEMENT: "My professional judgement of the call as a whole",
    OverrideReason.OTHER: "Another reason (explained in the note)",
}


class HandoverKind(StrEnum):
    STANDARD = "standard"
    S136 = "s136"  # a person detained under s136 MHA, handed over at a place of safety


class ReviewReason(StrEnum):
    OVERRIDE_SIGNOFF = "override_signoff"
    PARTNER_DECLINE = "partner_decline"
    S136_OVERDUE = "s136_overdue"


class ReviewOutcome(StrEnum):
    APPROVED = "approved"
    REJECTED = "rejected"
    NOTED = "noted"


class Call(Base):
    """One contact from the public or a professional. `version` guards concurrent edits."""

    __tablename__ = "call"

    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True, default=new_id)
    reference: Mapped[str] = mapped_column(sa.String(32), unique=True, doc="e.g. RC-2026-000123")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)
    created_by: Mapped[str] = mapped_column(ACTOR)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    force: Mapped[str | None] = mapped_column(sa.String(64), doc="overlay id")
    channel: Mapped[Channel | None] = mapped_column(enum_column(Channel, "channel"))
    caller_type: Mapped[CallerType | None] = mapped_column(enum_column(CallerType, "caller_type"))
    status: Mapped[CallStatus] = mapped_column(
        enum_column(CallStatus, "status"), default=CallStatus.OPEN, index=True
    )
    narrative: Mapped[str] = mapped_column(sa.Text, default="")
    version: Mapped[int] = mapped_column(default=1)
    synthetic: Mapped[bool] = mapped_column(default=False, doc="demo or training data")
    caller_name: Mapped[str | None] = mapped_column(sa.String(200))
    caller_phone: Mapped[str | None] = mapped_column(sa.String(64))
    subject_name: Mapped[str | None] = mapped_column(sa.String(200))
    address: Mapped[str | None] = mapped_column(sa.Text)

    assessments: Mapped[list[Assessment]] = relationship(
        back_populates="call", order_by="Assessment.created_at"
    )
    decisions: Mapped[list[Decision]] = relationship(
        back_populates="call", order_by="Decision.decided_at"
    )
    caller_advice: Mapped[list[CallerAdvice]] = relationship(
        back_populates="call", order_by="CallerAdvice.told_at"
    )
    handovers: Mapped[list[Handover]] = relationship(
        back_populates="call", order_by="Handover.offered_at"
    )
    reviews: Mapped[list[SupervisorReview]] = relationship(
        back_populates="call", order_by="SupervisorReview.created_at"
    )

    # An UPDATE that finds a different version raises StaleDataError: the API's If-Match.
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class Assessment(Base):
    """A snapshot: the call as sent to the engine, and its whole answer with the policy digest."""

    __tablename__ = "assessment"

    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True, default=new_id)
    call_id: Mapped[str] = mapped_column(sa.ForeignKey("call.id", ondelete="RESTRICT"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str] = mapped_column(ACTOR)
    contract: Mapped[str] = mapped_column(sa.String(8), default="1", doc="contract version")
    input: Mapped[dict[str, Any]]
    output: Mapped[dict[str, Any]]
    pack: Mapped[str] = mapped_column(sa.String(64))
    pack_version: Mapped[str] = mapped_column(sa.String(32))
    overlay: Mapped[str | None] = mapped_column(sa.String(64))
    digest: Mapped[str] = mapped_column(sa.String(80))
    police_response: Mapped[PoliceResponse] = mapped_column(
        enum_column(PoliceResponse, "police_response", checked=False), index=True
    )
    lead_agency: Mapped[Agency] = mapped_column(enum_column(Agency, "agency", checked=False))
    disposition: Mapped[str] = mapped_column(sa.String(32))

    call: Mapped[Call] = relationship(back_populates="assessments")


class Decision(Base):
    """What the handler did with an assessment. A lowering override waits for sign-off."""

    __tablename__ = "decision"
    __table_args__ = (
        sa.CheckConstraint("kind = 'accept' OR reason IS NOT NULL", name="override_has_reason"),
    )

    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True, default=new_id)
    call_id: Mapped[str] = mapped_column(sa.ForeignKey("call.id", ondelete="RESTRICT"), index=True)
    assessment_id: Mapped[str] = mapped_column(
        sa.ForeignKey("assessment.id", ondelete="RESTRICT"), index=True
    )
    decided_by: Mapped[str] = mapped_column(ACTOR)
    decided_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    kind: Mapped[DecisionKind] = mapped_column(enum_column(DecisionKind, "kind"))
    police_response: Mapped[PoliceResponse] = mapped_column(
        enum_column(PoliceResponse, "police_response", checked=False), doc="the final response"
    )
    reason: Mapped[OverrideReason | None] = mapped_column(enum_column(OverrideReason, "reason"))
    note: Mapped[str] = mapped_column(sa.Text, default="")
    status: Mapped[DecisionStatus] = mapped_column(
        enum_column(DecisionStatus, "status"), default=DecisionStatus.EFFECTIVE, index=True
    )
    signed_off_by: Mapped[str | None] = mapped_column(ACTOR)
    signed_off_at: Mapped[dt.datetime | None]

    call: Mapped[Call] = relationship(back_populates="decisions")
    assessment: Mapped[Assessment] = relationship()


class CallerAdvice(Base):
    """What the caller was told, including whether police are coming."""

    __tablename__ = "caller_advice"

    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True, default=new_id)
    call_id: Mapped[str] = mapped_column(sa.ForeignKey("call.id", ondelete="RESTRICT"), index=True)
    told_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    told_by: Mapped[str] = mapped_column(ACTOR)
    text: Mapped[str] = mapped_column(sa.Text)
    police_attending: Mapped[bool]

    call: Mapped[Call] = relationship(back_populates="caller_advice")


class Handover(Base):
    """A referral to a partner agency and its outcome; for s136, the place-of-safety clock."""

    __tablename__ = "handover"

    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True, default=new_id)
    call_id: Mapped[str] = mapped_column(sa.ForeignKey("call.id", ondelete="RESTRICT"), index=True)
    agency: Mapped[Agency] = mapped_column(enum_column(Agency, "agency", checked=False))
    partner: Mapped[str] = mapped_column(sa.String(200), doc="partner service name")
    kind: Mapped[HandoverKind] = mapped_column(
        enum_column(HandoverKind, "kind"), default=HandoverKind.STANDARD
    )
    offered_by: Mapped[str] = mapped_column(ACTOR)
    offered_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    accepted_at: Mapped[dt.datetime | None]
    declined_at: Mapped[dt.datetime | None]
    no_answer_at: Mapped[dt.datetime | None]
    partner_reference: Mapped[str | None] = mapped_column(sa.String(100))
    arrived_at: Mapped[dt.datetime | None] = mapped_column(doc="s136: at the place of safety")
    handed_over_at: Mapped[dt.datetime | None]
    escalated_at: Mapped[dt.datetime | None]
    note: Mapped[str] = mapped_column(sa.Text, default="")

    call: Mapped[Call] = relationship(back_populates="handovers")


class SupervisorReview(Base):
    """An item on the supervisor's queue (pending while `outcome` is None) and its result."""

    __tablename__ = "supervisor_review"

    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True, default=new_id)
    call_id: Mapped[str] = mapped_column(sa.ForeignKey("call.id", ondelete="RESTRICT"), index=True)
    decision_id: Mapped[str | None] = mapped_column(
        sa.ForeignKey("decision.id", ondelete="RESTRICT"), index=True
    )
    handover_id: Mapped[str | None] = mapped_column(
        sa.ForeignKey("handover.id", ondelete="RESTRICT"), index=True
    )
    reason: Mapped[ReviewReason] = mapped_column(enum_column(ReviewReason, "reason"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)
    reviewer: Mapped[str | None] = mapped_column(ACTOR)
    reviewed_at: Mapped[dt.datetime | None]
    outcome: Mapped[ReviewOutcome | None] = mapped_column(
        enum_column(ReviewOutcome, "outcome"), index=True
    )
    note: Mapped[str] = mapped_column(sa.Text, default="")

    call: Mapped[Call] = relationship(back_populates="reviews")
    decision: Mapped[Decision | None] = relationship()
    handover: Mapped[Handover | None] = relationship()


class CallReferenceCounter(Base):
    """The last call number issued in each year, for human references like RC-2026-000123."""

    __tablename__ = "call_reference_counter"

    year: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    last: Mapped[int]


def format_reference(year: int, number: int) -> str:
    return f"RC-{year}-{number:06d}"


def allocate_call_reference(session: Session, *, year: int) -> str:
    """The next reference for `year`, in one atomic upsert (safe with concurrent writers)."""
    values = {"year": year, "last": 1}
    bump = {"last": CallReferenceCounter.last + 1}
    statement: sa.Executable
    if session.get_bind().dialect.name == "postgresql":
        pg = pg_insert(CallReferenceCounter).values(values)
        statement = pg.on_conflict_do_update(index_elements=["year"], set_=bump).returning(
            CallReferenceCounter.last
        )
    else:
        lite = sqlite_insert(CallReferenceCounter).values(values)
        statement = lite.on_conflict_do_update(index_elements=["year"], set_=bump).returning(
            CallReferenceCounter.last
        )
    number: int = session.execute(statement).scalar_one()
    return format_reference(year, number)
