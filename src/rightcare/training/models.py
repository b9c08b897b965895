"""Training tables: module attempts and every answer, cohorts, certificates, and the xAPI outbox.

Each attempt stores the course version and digest and the policy it was marked against, so a
result stays tied to the pack version it was taken under when the pack changes. Each answer
stores what the policy expected at the time, which is how changed scenarios are found later.
Learners are staff accounts; no caller's personal details ever reach these tables.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from rightcare.engine.vocab import Agency
from rightcare.storage.base import Base, enum_column, new_id, utcnow
from rightcare.training.exercise import Choice

ID = sa.String(36)


class TrainingAttempt(Base):
    """One learner's attempt at one module, with the seed that drew its scenarios."""

    __tablename__ = "training_attempt"

    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    user_id: Mapped[int] = mapped_column(
        sa.ForeignKey("user_account.id", ondelete="RESTRICT"), index=True
    )
    course_id: Mapped[str] = mapped_column(sa.String(64), index=True)
    course_version: Mapped[str] = mapped_column(sa.String(32))
    course_digest: Mapped[str] = mapped_column(sa.String(80))
    module_id: Mapped[str] = mapped_column(sa.String(64))
    pack: Mapped[str] = mapped_column(sa.String(64))
    pack_version: Mapped[str] = mapped_column(sa.String(32))
    policy_digest: Mapped[str] = mapped_column(sa.String(80))
    seed: Mapped[int]
    scenario_order: Mapped[list[str]] = mapped_column(doc="scenario ids in the order presented")
    started_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    completed_at: Mapped[dt.datetime | None]
    score: Mapped[int | None] = mapped_column(doc="0-100 once complete")
    passed: Mapped[bool | None]
    unsafe: Mapped[int] = mapped_column(default=0, doc="final answers below the policy's response")

    answers: Mapped[list[TrainingAnswer]] = relationship(
        back_populates="attempt", order_by="TrainingAnswer.answered_at", lazy="selectin"
    )


class TrainingAnswer(Base):
    """One answer to one scenario (a retry is another row), with what policy expected then."""

    __tablename__ = "training_answer"
    __table_args__ = (sa.UniqueConstraint("attempt_id", "scenario_id", "try_no"),)

    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    attempt_id: Mapped[str] = mapped_column(
        sa.ForeignKey("training_attempt.id", ondelete="RESTRICT"), index=True
    )
    scenario_id: Mapped[str] = mapped_column(sa.String(32), index=True)
    try_no: Mapped[int]
    choice: Mapped[Choice] = mapped_column(enum_column(Choice, "training_choice"))
    agency: Mapped[Agency | None] = mapped_column(enum_column(Agency, "agency", checked=False))
    asked: Mapped[list[str]] = mapped_column(doc="question ids asked before deciding")
    expected_choice: Mapped[Choice] = mapped_column(enum_column(Choice, "training_expected_choice"))
    expected_agency: Mapped[Agency] = mapped_column(enum_column(Agency, "agency", checked=False))
    expected_disposition: Mapped[str] = mapped_column(sa.String(32))
    score: Mapped[int]
    correct: Mapped[bool]
    unsafe: Mapped[bool]
    over_response: Mapped[bool]
    answered_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    attempt: Mapped[TrainingAttempt] = relationship(back_populates="answers")


class TrainingCohort(Base):
    """A group of learners a trainer follows through a course."""

    __tablename__ = "training_cohort"

    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(sa.String(120), unique=True)
    course_id: Mapped[str] = mapped_column(sa.String(64))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str] = mapped_column(sa.String(255))

    members: Mapped[list[TrainingCohortMember]] = relationship(
        back_populates="cohort", cascade="all, delete-orphan", lazy="selectin"
    )


class TrainingCohortMember(Base):
    __tablename__ = "training_cohort_member"

    cohort_id: Mapped[str] = mapped_column(
        sa.ForeignKey("training_cohort.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(
        sa.ForeignKey("user_account.id", ondelete="RESTRICT"), primary_key=True
    )
    added_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    cohort: Mapped[TrainingCohort] = relationship(back_populates="members")


class TrainingCertificate(Base):
    """Issued once every module of a course is passed against the same policy."""

    __tablename__ = "training_certificate"

    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    number: Mapped[str] = mapped_column(sa.String(40), unique=True, doc="printed on the PDF")
    user_id: Mapped[int] = mapped_column(
        sa.ForeignKey("user_account.id", ondelete="RESTRICT"), index=True
    )
    course_id: Mapped[str] = mapped_column(sa.String(64))
    course_title: Mapped[str] = mapped_column(sa.String(200))
    course_version: Mapped[str] = mapped_column(sa.String(32))
    course_digest: Mapped[str] = mapped_column(sa.String(80))
    pack: Mapped[str] = mapped_column(sa.String(64))
    pack_version: Mapped[str] = mapped_column(sa.String(32))
    policy_digest: Mapped[str] = mapped_column(sa.String(80))
    score: Mapped[int] = mapped_column(doc="mean of the passing module scores")
    issued_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class XapiStatement(Base):
    """An xAPI statement waiting for (or already accepted by) the Learning Record Store.

    Written in the same transaction as the answer it describes, so a statement is never lost:
    the sender retries until the LRS accepts it, then sets `sent_at`.
    """

    __tablename__ = "xapi_statement"

    id: Mapped[str] = mapped_column(ID, primary_key=True, doc="the statement's own UUID")
    body: Mapped[dict[str, Any]]
    queued_at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)
    tries: Mapped[int] = mapped_column(default=0)
    next_try_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    last_error: Mapped[str | None] = mapped_column(sa.String(500))
    sent_at: Mapped[dt.datetime | None] = mapped_column(index=True)
