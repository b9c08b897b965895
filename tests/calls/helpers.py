"""Named personas and calls the workflow tests share."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from rightcare.auth.actor import Actor
from rightcare.auth.models import Role
from rightcare.calls.models import Assessment, Call
from rightcare.calls.schemas import CallCreate
from rightcare.calls.service import assess, create_call
from rightcare.engine.contract import CallContext
from rightcare.engine.store import PolicySet
from rightcare.engine.vocab import Answer

HANDLER = Actor(name="ann.handler", roles=frozenset({Role.CALL_HANDLER}), can_see_personal=False)
SUPERVISOR = Actor(name="sam.supervisor", roles=frozenset({Role.SUPERVISOR}), can_see_personal=True)
ANALYST = Actor(name="ali.analyst", roles=frozenset({Role.ANALYST}), can_see_personal=False)
OUTSIDER = Actor(name="tom.trainer", roles=frozenset({Role.TRAINER}), can_see_personal=False)

NIGHT = dt.datetime(2026, 11, 28, 23, 41, tzinfo=dt.UTC)

# A detained patient late back from leave, at his mother's and calm (scenario AWL-001, with
# urgent medical need ruled out): the unit leads, police do not attend, nothing left to ask
# that could change that.
AWOL_AT_HOME = {
    "crime": "no",
    "risk_to_life": "no",
    "serious_harm": "no",
    "weapon": "no",
    "violence": "no",
    "domestic_abuse": "no",
    "child": "no",
    "left_healthcare": "yes",
    "detained_mha": "yes",
    "restricted_patient": "no",
    "resistance_risk": "no",
    "location_known": "yes",
    "medical_emergency": "no",
}


def answers(values: dict[str, str]) -> dict[str, Answer]:
    return {question: Answer(value) for question, value in values.items()}


def without(values: dict[str, str], *questions: str) -> dict[str, str]:
    return {q: a for q, a in values.items() if q not in questions}


def open_call(
    session: Session,
    policies: PolicySet,
    given: dict[str, str],
    *,
    narrative: str = "",
    now: dt.datetime = NIGHT,
    force: str | None = None,
    personal: dict[str, str] | None = None,
) -> tuple[Call, Assessment]:
    """A call with one assessment of `given`, as the handler first records it."""
    call = create_call(
        session,
        actor=HANDLER,
        data=CallCreate.model_validate({"context": CallContext(force=force), **(personal or {})}),
        now=now,
    )
    record = assess(
        session,
        actor=HANDLER,
        call_id=call.id,
        policies=policies,
        answers=answers(given),
        narrative=narrative,
        now=now,
    )
    return call, record
