"""The supervisor's work: sign off (or reject) a lowering override, review declined or overdue
handovers, and the queue of everything waiting."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.orm import Session, selectinload

from rightcare.auth.actor import Actor
from rightcare.calls.access import SUPERVISE, audit, load, require, touch, utc
from rightcare.calls.errors import Conflict, RuleViolation
from rightcare.calls.handovers import s136_elapsed, s136_overdue
from rightcare.calls.models import (
    CallStatus,
    Decision,
    DecisionStatus,
    Handover,
    HandoverKind,
    ReviewOutcome,
    ReviewReason,
    SupervisorReview,
)
from rightcare.calls.schemas import DecisionRead, HandoverRead, QueueItem, SupervisorQueue


def _pending_signoff(session: Session, decision: Decision) -> SupervisorReview | None:
    return session.execute(
        sa.select(SupervisorReview).where(
            SupervisorReview.decision_id == decision.id,
            SupervisorReview.reason == ReviewReason.OVERRIDE_SIGNOFF,
            SupervisorReview.outcome.is_(None),
        )
    ).scalar_one_or_none()


def sign_off(
    session: Session,
    *,
    actor: Actor,
    decision_id: str,
    approve: bool,
    note: str,
    now: dt.datetime,
) -> SupervisorReview:
    """Approve a lowering override (it takes effect) or reject it (the recommendation stands).
    A supervisor cannot sign off their own decision; a rejection needs a note."""
    require(actor, SUPERVISE)
    now = utc(now)
    decision = load(session, Decision, decision_id, field="decision_id", what="decision")
    if decision.status is not DecisionStatus.AWAITING_SUPERVISOR:
        raise Conflict(
            f"this decision is not waiting for sign-off (it is {decision.status.value})",
            code="not_awaiting_signoff",
            field="decision_id",
        )
    if decision.decided_by == actor.name:
        raise RuleViolation(
            "another supervisor must sign off your own override",
            code="own_decision",
            field="decision_id",
        )
    if not approve and not note.strip():
        raise RuleViolation("say why the override is rejected", code="note_required", field="note")
    item = _pending_signoff(session, decision)
    call = decision.call
    if item is None:  # queued before this service existed, or lost: record it now
        item = SupervisorReview(
            call_id=call.id,
            decision_id=decision.id,
            reason=ReviewReason.OVERRIDE_SIGNOFF,
            created_at=now,
        )
        session.add(item)
    decision.status = DecisionStatus.EFFECTIVE if approve else DecisionStatus.REJECTED
    decision.signed_off_by = actor.name
    decision.signed_off_at = now
    item.reviewer = actor.name
    item.reviewed_at = now
    item.outcome = ReviewOutcome.APPROVED if approve else ReviewOutcome.REJECTED
    item.note = note.strip()
    call.status = CallStatus.OPEN
    touch(call, now)
    audit(
        session,
        actor=actor,
        action="decision.signed_off" if approve else "decision.rejected",
        call=call,
        now=now,
        details={
            "decision_id": decision.id,
            "review_id": item.id,
            "police_response": decision.police_response.value,
            "outcome": item.outcome.value,
        },
    )
    return item


def review(
    session: Session,
    *,
    actor: Actor,
    review_id: str,
    outcome: ReviewOutcome,
    note: str,
    now: dt.datetime,
) -> SupervisorReview:
    """Close an item on the queue. A sign-off item is approved or rejected (as `sign_off`);
    a handover item is usually `noted` with what the supervisor did about it."""
    require(actor, SUPERVISE)
    now = utc(now)
    item = load(session, SupervisorReview, review_id, field="review_id", what="review")
    if item.outcome is not None:
        raise Conflict(
            f"this item was already reviewed by {item.reviewer}",
            code="already_reviewed",
            field="review_id",
        )
    if item.reason is ReviewReason.OVERRIDE_SIGNOFF and item.decision_id is not None:
        if outcome is ReviewOutcome.NOTED:
            raise RuleViolation(
                "an override must be approved or rejected",
                code="signoff_needs_outcome",
                field="outcome",
            )
        return sign_off(
            session,
            actor=actor,
            decision_id=item.decision_id,
            approve=outcome is ReviewOutcome.APPROVED,
            note=note,
            now=now,
        )
    if not note.strip():
        raise RuleViolation("say what was done about it", code="note_required", field="note")
    item.reviewer = actor.name
    item.reviewed_at = now
    item.outcome = outcome
    item.note = note.strip()
    audit(
        session,
        actor=actor,
        action="review.closed",
        call=item.call,
        now=now,
        details={"review_id": item.id, "reason": item.reason.value, "outcome": outcome.value},
    )
    return item


def _minutes(delta: dt.timedelta | None) -> int | None:
    return None if delta is None else int(delta.total_seconds() // 60)


def supervisor_queue(session: Session, *, now: dt.datetime) -> SupervisorQueue:
    """Everything waiting: sign-offs, declined or unanswered handovers, and s136 clocks at or
    past the hour (live, even before the escalation job has queued them)."""
    now = utc(now)
    pending = session.execute(
        sa.select(SupervisorReview)
        .where(SupervisorReview.outcome.is_(None))
        .options(
            selectinload(SupervisorReview.call),
            selectinload(SupervisorReview.decision),
            selectinload(SupervisorReview.handover),
        )
        .order_by(SupervisorReview.created_at)
    ).scalars()
    queue = SupervisorQueue(signoffs=[], handovers=[], s136_overdue=[])
    # A clock a supervisor has already reviewed is not raised again as a live item.
    flagged = set(
        session.execute(
            sa.select(SupervisorReview.handover_id).where(
                SupervisorReview.reason == ReviewReason.S136_OVERDUE,
                SupervisorReview.handover_id.is_not(None),
            )
        ).scalars()
    )
    for item in pending:
        entry = QueueItem(
            review_id=item.id,
            reason=item.reason,
            call_id=item.call_id,
            call_reference=item.call.reference,
            created_at=item.created_at,
            summary="",
        )
        if item.reason is ReviewReason.OVERRIDE_SIGNOFF and item.decision is not None:
            decision = item.decision
            recommended = decision.assessment.police_response
            entry.decision = DecisionRead.model_validate(decision)
            entry.recommended_response = recommended
            reason = decision.reason.label if decision.reason else "no reason given"
            entry.summary = (
                f"{decision.decided_by} overrode {recommended.value} to "
                f"{decision.police_response.value}: {reason}"
            )
            queue.signoffs.append(entry)
        elif item.handover is not None:
            handover = item.handover
            entry.handover = HandoverRead.model_validate(handover)
            if item.reason is ReviewReason.S136_OVERDUE:
                entry.minutes_elapsed = _minutes(s136_elapsed(handover, now))
                entry.summary = f"s136 handover to {handover.partner} past the hour"
                queue.s136_overdue.append(entry)
            else:
                entry.minutes_elapsed = _minutes(now - handover.offered_at)
                entry.summary = f"handover to {handover.partner}: {_handover_state(handover)}"
                queue.handovers.append(entry)
    clocks = session.execute(
        sa.select(Handover)
        .where(
            Handover.kind == HandoverKind.S136,
            Handover.arrived_at.is_not(None),
            Handover.handed_over_at.is_(None),
        )
        .options(selectinload(Handover.call))
        .order_by(Handover.arrived_at)
    ).scalars()
    for handover in clocks:
        if handover.id in flagged or not s136_overdue(handover, now):
            continue
        assert handover.arrived_at is not None
        queue.s136_overdue.append(
            QueueItem(
                review_id=None,
                reason=ReviewReason.S136_OVERDUE,
                call_id=handover.call_id,
                call_reference=handover.call.reference,
                created_at=handover.arrived_at,
                summary=f"s136 handover to {handover.partner} past the hour",
                handover=HandoverRead.model_validate(handover),
                minutes_elapsed=_minutes(s136_elapsed(handover, now)),
            )
        )
    return queue


def _handover_state(handover: Handover) -> str:
    if handover.declined_at is not None:
        return "declined"
    if handover.no_answer_at is not None:
        return "no answer"
    return "no reply in time"


__all__ = ["review", "sign_off", "supervisor_queue"]
