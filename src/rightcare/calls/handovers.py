"""Handovers to partner agencies, and the clocks that send them to the supervisor queue.

- A standard handover offered with no answer for the partner's `escalate_after_minutes` (from
  the force overlay's directory; 30 when the partner is not listed) is escalated.
- A declined or unanswered handover goes to the supervisor queue at once.
- An s136 handover's clock starts at arrival at the place of safety; at 60 minutes (60:00
  exactly counts) with no handover the call is flagged (National Partnership Agreement).

Clocks compare aware UTC instants, so midnight and the clock changes make no difference.
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.orm import Session

from rightcare.auth.actor import SYSTEM, Actor
from rightcare.calls.access import (
    HANDLE,
    SCOPE_WRITE,
    audit,
    load,
    load_call,
    require,
    touch,
    user_time,
    utc,
)
from rightcare.calls.errors import RuleViolation
from rightcare.calls.models import (
    Call,
    Handover,
    HandoverKind,
    ReviewReason,
    SupervisorReview,
)
from rightcare.calls.schemas import HandoverEvent
from rightcare.engine.errors import CallError
from rightcare.engine.policy import Policy
from rightcare.engine.store import PolicySet
from rightcare.engine.vocab import Agency
from rightcare.storage.base import new_id

S136_LIMIT = dt.timedelta(minutes=60)
DEFAULT_ESCALATE_AFTER = 30  # minutes, as the pack's Partner default


def _policy(policies: PolicySet, force: str | None) -> Policy | None:
    try:
        return policies.for_force(force)
    except CallError:  # an overlay no longer loaded: fall back to the national pack
        return policies.base


def partner_name(policies: PolicySet, force: str | None, agency: Agency) -> str:
    """The partner service from the force's directory, else the agency's name in the pack."""
    policy = _policy(policies, force) or policies.base
    partner = policy.partners.get(agency)
    if partner is not None:
        return partner.service
    names = {info.id: info.name for info in policy.agencies}
    return names.get(agency, agency.value)


def escalate_after(policies: PolicySet, force: str | None, agency: Agency) -> dt.timedelta:
    policy = _policy(policies, force) or policies.base
    partner = policy.partners.get(agency)
    minutes = partner.escalate_after_minutes if partner is not None else DEFAULT_ESCALATE_AFTER
    return dt.timedelta(minutes=minutes)


def offer_handover(
    session: Session,
    *,
    actor: Actor,
    call_id: str,
    agency: Agency,
    policies: PolicySet,
    kind: HandoverKind = HandoverKind.STANDARD,
    arrived_at: dt.datetime | None = None,
    note: str = "",
    now: dt.datetime,
) -> Handover:
    """Offer the call to a partner. For s136, `arrived_at` (default: now) starts the clock."""
    require(actor, HANDLE, scope=SCOPE_WRITE)
    now = utc(now)
    call = load_call(session, call_id)
    if agency is Agency.POLICE:
        raise RuleViolation(
            "a handover goes to a partner agency, not to police",
            code="not_a_partner",
            field="agency",
        )
    if kind is HandoverKind.S136:
        arrived = now if arrived_at is None else user_time(arrived_at, field="arrived_at", now=now)
    elif arrived_at is not None:
        raise RuleViolation(
            "the arrival time is only for a s136 handover at a place of safety",
            code="arrival_only_for_s136",
            field="arrived_at",
        )
    else:
        arrived = None
    handover = Handover(
        id=new_id(),
        call_id=call.id,
        agency=agency,
        partner=partner_name(policies, call.force, agency),
        kind=kind,
        offered_by=actor.name,
        offered_at=now,
        arrived_at=arrived,
        note=note.strip(),
    )
    session.add(handover)
    call.handovers.append(handover)
    touch(call, now)
    audit(
        session,
        actor=actor,
        action="handover.offered",
        call=call,
        now=now,
        details={
            "handover_id": handover.id,
            "agency": agency.value,
            "partner": handover.partner,
            "kind": kind.value,
            "arrived_at": arrived.isoformat() if arrived else None,
        },
    )
    return handover


def update_handover(
    session: Session,
    *,
    actor: Actor,
    handover_id: str,
    event: HandoverEvent,
    partner_reference: str | None = None,
    note: str = "",
    now: dt.datetime,
) -> Handover:
    """Record what the partner did. A decline or no answer goes to the supervisor queue."""
    require(actor, HANDLE, scope=SCOPE_WRITE)
    now = utc(now)
    handover = load(session, Handover, handover_id, field="handover_id", what="handover")
    call = handover.call
    if handover.handed_over_at is not None:
        raise RuleViolation(
            "this handover is already complete", code="handover_complete", field="event"
        )
    if event is HandoverEvent.ACCEPTED:
        handover.accepted_at = now
    elif event is HandoverEvent.DECLINED:
        handover.declined_at = now
    elif event is HandoverEvent.NO_ANSWER:
        handover.no_answer_at = now
    else:
        handover.handed_over_at = now
    if partner_reference is not None and partner_reference.strip():
        handover.partner_reference = partner_reference.strip()
    if note.strip():
        handover.note = f"{handover.note}\n{note.strip()}".strip()
    touch(call, now)
    audit(
        session,
        actor=actor,
        action=f"handover.{event.value}",
        call=call,
        now=now,
        details={"handover_id": handover.id, "has_partner_reference": bool(partner_reference)},
    )
    if event in (HandoverEvent.DECLINED, HandoverEvent.NO_ANSWER):
        _open_review(
            session, actor=actor, handover=handover, reason=ReviewReason.PARTNER_DECLINE, now=now
        )
    return handover


def _pending(session: Session, handover: Handover, reason: ReviewReason) -> bool:
    return (
        session.execute(
            sa.select(SupervisorReview.id).where(
                SupervisorReview.handover_id == handover.id,
                SupervisorReview.reason == reason,
                SupervisorReview.outcome.is_(None),
            )
        ).first()
        is not None
    )


def _open_review(
    session: Session,
    *,
    actor: Actor,
    handover: Handover,
    reason: ReviewReason,
    now: dt.datetime,
) -> SupervisorReview | None:
    """Queue the handover for a supervisor, unless it is already waiting for this reason."""
    session.flush()
    if _pending(session, handover, reason):
        return None
    call: Call = handover.call
    item = SupervisorReview(
        id=new_id(),
        call_id=call.id,
        handover_id=handover.id,
        reason=reason,
        created_at=now,
        note="",
    )
    session.add(item)
    call.reviews.append(item)
    if handover.escalated_at is None:
        handover.escalated_at = now
    audit(
        session,
        actor=actor,
        action="review.created",
        call=call,
        now=now,
        details={"review_id": item.id, "handover_id": handover.id, "reason": reason.value},
    )
    return item


def s136_elapsed(handover: Handover, now: dt.datetime) -> dt.timedelta | None:
    """Time since arrival at the place of safety, while the person is not yet handed over."""
    if handover.kind is not HandoverKind.S136 or handover.arrived_at is None:
        return None
    if handover.handed_over_at is not None:
        return None
    return utc(now) - handover.arrived_at


def s136_overdue(handover: Handover, now: dt.datetime) -> bool:
    elapsed = s136_elapsed(handover, now)
    return elapsed is not None and elapsed >= S136_LIMIT


def _ever_reviewed(session: Session, handover: Handover, reason: ReviewReason) -> bool:
    return (
        session.execute(
            sa.select(SupervisorReview.id).where(
                SupervisorReview.handover_id == handover.id, SupervisorReview.reason == reason
            )
        ).first()
        is not None
    )


def escalate_due(
    session: Session, *, policies: PolicySet, now: dt.datetime
) -> list[SupervisorReview]:
    """Send overdue handovers to the supervisor queue; safe to run as often as you like.

    A standard handover offered and unanswered past the partner's time is escalated once; an
    s136 handover at or past the hour is flagged once (a supervisor's review closes it).
    """
    now = utc(now)
    opened: list[SupervisorReview] = []
    unanswered = (
        session.execute(
            sa.select(Handover)
            .join(Call)
            .where(
                Handover.kind == HandoverKind.STANDARD,
                Handover.accepted_at.is_(None),
                Handover.declined_at.is_(None),
                Handover.no_answer_at.is_(None),
                Handover.handed_over_at.is_(None),
                Handover.escalated_at.is_(None),
            )
            .order_by(Handover.offered_at)
        )
        .scalars()
        .all()
    )
    for handover in unanswered:
        if now - handover.offered_at >= escalate_after(
            policies, handover.call.force, handover.agency
        ):
            item = _open_review(
                session,
                actor=SYSTEM,
                handover=handover,
                reason=ReviewReason.PARTNER_DECLINE,
                now=now,
            )
            if item is not None:
                opened.append(item)
    clocks = (
        session.execute(
            sa.select(Handover)
            .where(
                Handover.kind == HandoverKind.S136,
                Handover.arrived_at.is_not(None),
                Handover.handed_over_at.is_(None),
                Handover.arrived_at <= now - S136_LIMIT,
            )
            .order_by(Handover.arrived_at)
        )
        .scalars()
        .all()
    )
    for handover in clocks:
        if s136_overdue(handover, now) and not _ever_reviewed(
            session, handover, ReviewReason.S136_OVERDUE
        ):
            item = _open_review(
                session, actor=SYSTEM, handover=handover, reason=ReviewReason.S136_OVERDUE, now=now
            )
            if item is not None:
                opened.append(item)
    return opened
