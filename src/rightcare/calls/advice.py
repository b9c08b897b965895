"""What the caller was told, including whether police are coming (the IOPC found callers
who were never told police would not come)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from rightcare.auth.actor import Actor
from rightcare.calls.access import (
    HANDLE,
    SCOPE_WRITE,
    audit,
    check_version,
    load_call,
    require,
    touch,
    utc,
)
from rightcare.calls.errors import RuleViolation
from rightcare.calls.models import CallerAdvice
from rightcare.storage.base import new_id


def record_caller_advice(
    session: Session,
    *,
    actor: Actor,
    call_id: str,
    text: str,
    police_attending: bool,
    now: dt.datetime,
    expected_version: int | None = None,
) -> CallerAdvice:
    """Record what the caller was told, including whether police are coming."""
    require(actor, HANDLE, scope=SCOPE_WRITE)
    now = utc(now)
    call = load_call(session, call_id)
    check_version(call, expected_version)
    if not text.strip():
        raise RuleViolation(
            "write down what the caller was told", code="advice_required", field="text"
        )
    advice = CallerAdvice(
        id=new_id(),
        call_id=call.id,
        told_at=now,
        told_by=actor.name,
        text=text.strip(),
        police_attending=police_attending,
    )
    session.add(advice)
    call.caller_advice.append(advice)
    touch(call, now)
    audit(
        session,
        actor=actor,
        action="caller_advice.recorded",
        call=call,
        now=now,
        details={"advice_id": advice.id, "police_attending": police_attending},
    )
    return advice
