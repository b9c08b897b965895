"""Reading calls back: one call (personal details masked unless allowed, every view of them
audited), the call history with search and filters, and a call's timeline from the audit log."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, Protocol, TypeVar

import sqlalchemy as sa
from sqlalchemy.orm import Session, selectinload

from rightcare.audit.models import AuditEntry
from rightcare.auth.actor import Actor
from rightcare.calls.access import READ, SCOPE_READ, audit, load_call, require, utc
from rightcare.calls.models import (
    PERSONAL_FIELDS,
    Assessment,
    Call,
    CallStatus,
    Decision,
    DecisionStatus,
)
from rightcare.calls.schemas import (
    MASK,
    AssessmentRead,
    CallerAdviceRead,
    CallRead,
    CallSummary,
    DecisionRead,
    HandoverRead,
    ReviewRead,
    TimelineEntry,
)
from rightcare.engine.vocab import Answer, PoliceResponse

MAX_PAGE = 200
EXCERPT = 120


class _Timed(Protocol):
    @property
    def created_at(self) -> dt.datetime: ...


_T = TypeVar("_T", bound=_Timed)


def latest(rows: Sequence[_T]) -> _T | None:
    return max(rows, key=lambda row: row.created_at, default=None)


def standing_decision(call: Call) -> Decision | None:
    """The latest decision that took effect (awaiting or rejected ones do not stand)."""
    effective = [d for d in call.decisions if d.status is DecisionStatus.EFFECTIVE]
    return max(effective, key=lambda d: d.decided_at, default=None)


def _responses(
    call: Call,
) -> tuple[Assessment | None, PoliceResponse | None, PoliceResponse | None]:
    newest = latest(call.assessments)
    recommended = newest.police_response if newest is not None else None
    standing = standing_decision(call)
    return newest, recommended, (standing.police_response if standing else recommended)


def get_call(
    session: Session, *, actor: Actor, call_id: str, now: dt.datetime | None = None
) -> CallRead:
    """One call. Personal details are shown only to an actor allowed to see them, and then an
    audit entry `personal.viewed` is written (so commit the session). `now` stamps that entry."""
    require(actor, READ, scope=SCOPE_READ)
    call = load_call(session, call_id)
    newest, recommended, standing = _responses(call)
    present = [name for name in PERSONAL_FIELDS if getattr(call, name) is not None]
    shown = actor.can_see_personal
    personal: dict[str, Any] = {
        name: getattr(call, name) if shown or getattr(call, name) is None else MASK
        for name in PERSONAL_FIELDS
    }
    read = CallRead(
        id=call.id,
        reference=call.reference,
        created_at=call.created_at,
        created_by=call.created_by,
        updated_at=call.updated_at,
        version=call.version,
        status=call.status,
        force=call.force,
        channel=call.channel,
        caller_type=call.caller_type,
        synthetic=call.synthetic,
        narrative=call.narrative,
        **personal,
        personal_masked=bool(present) and not shown,
        answers={
            q: Answer(a) for q, a in (newest.input.get("answers", {}) if newest else {}).items()
        },
        recommended_response=recommended,
        police_response=standing,
        latest_assessment=AssessmentRead.model_validate(newest) if newest else None,
        assessments=[AssessmentRead.model_validate(a) for a in call.assessments],
        decisions=[DecisionRead.model_validate(d) for d in call.decisions],
        caller_advice=[CallerAdviceRead.model_validate(a) for a in call.caller_advice],
        handovers=[HandoverRead.model_validate(h) for h in call.handovers],
        reviews=[ReviewRead.model_validate(r) for r in call.reviews],
    )
    if shown and present:
        audit(
            session,
            actor=actor,
            action="personal.viewed",
            call=call,
            now=utc(now) if now is not None else dt.datetime.now(dt.UTC),
            details={"fields": present},
        )
    return read


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def list_calls(
    session: Session,
    *,
    actor: Actor,
    q: str | None = None,
    status: CallStatus | None = None,
    police_response: PoliceResponse | None = None,
    since: dt.datetime | None = None,
    until: dt.datetime | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[CallSummary]:
    """The call history, newest first. `q` searches the reference and the narrative;
    `police_response` filters on the latest recommendation; `until` is exclusive."""
    require(actor, READ, scope=SCOPE_READ)
    newest = (
        sa.select(Assessment.police_response)
        .where(Assessment.call_id == Call.id)
        .order_by(Assessment.created_at.desc())
        .limit(1)
        .correlate(Call)
        .scalar_subquery()
    )
    query = sa.select(Call).options(selectinload(Call.assessments), selectinload(Call.decisions))
    if q and q.strip():
        pattern = _like(q.strip())
        query = query.where(
            sa.or_(
                Call.reference.ilike(pattern, escape="\\"),
                Call.narrative.ilike(pattern, escape="\\"),
            )
        )
    if status is not None:
        query = query.where(Call.status == status)
    if police_response is not None:
        query = query.where(newest == police_response.value)
    if since is not None:
        query = query.where(Call.created_at >= utc(since))
    if until is not None:
        query = query.where(Call.created_at < utc(until))
    query = (
        query.order_by(Call.created_at.desc(), Call.reference.desc())
        .limit(max(1, min(limit, MAX_PAGE)))
        .offset(max(0, offset))
    )
    summaries = []
    for call in session.execute(query).scalars():
        last, recommended, standing = _responses(call)
        excerpt = call.narrative[:EXCERPT] + ("…" if len(call.narrative) > EXCERPT else "")
        summaries.append(
            CallSummary(
                id=call.id,
                reference=call.reference,
                created_at=call.created_at,
                status=call.status,
                force=call.force,
                synthetic=call.synthetic,
                excerpt=excerpt,
                recommended_response=recommended,
                police_response=standing,
                disposition=last.disposition if last is not None else None,
            )
        )
    return summaries


_SUMMARIES = {
    "call.created": "Call opened",
    "call.assessed": "Assessed: {police_response} ({disposition})",
    "decision.recorded": "Decision ({kind}): {police_response}, {status}",
    "decision.superseded": "An earlier decision awaiting sign-off was replaced",
    "decision.signed_off": "Supervisor approved the override",
    "decision.rejected": "Supervisor rejected the override; the recommendation stands",
    "caller_advice.recorded": "Caller told what happens next",
    "handover.offered": "Handover offered to {partner}",
    "handover.accepted": "Partner accepted the handover",
    "handover.declined": "Partner declined the handover",
    "handover.no_answer": "No answer from the partner",
    "handover.handed_over": "Handed over",
    "review.created": "Sent to the supervisor queue ({reason})",
    "review.closed": "Supervisor reviewed: {outcome}",
    "personal.viewed": "Personal details viewed",
    "call.personal_details_corrected": "Personal details corrected",
}


def _summary(action: str, details: dict[str, Any]) -> str:
    template = _SUMMARIES.get(action, action)
    try:
        return template.format(**details)
    except (KeyError, IndexError):
        return template.split(":")[0]


def call_timeline(session: Session, *, actor: Actor, call_id: str) -> list[TimelineEntry]:
    """Everything that happened on a call, oldest first, from the audit log."""
    require(actor, READ, scope=SCOPE_READ)
    load_call(session, call_id)
    entries = session.execute(
        sa.select(AuditEntry)
        .where(AuditEntry.entity == "call", AuditEntry.entity_id == call_id)
        .order_by(AuditEntry.seq)
    ).scalars()
    return [
        TimelineEntry(
            seq=entry.seq,
            at=entry.at,
            actor=entry.actor,
            action=entry.action,
            summary=_summary(entry.action, entry.details),
            details=entry.details,
        )
        for entry in entries
    ]
