import datetime as dt

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from rightcare.audit import verify
from rightcare.audit.models import AuditEntry
from rightcare.calls.models import (
    Call,
    Decision,
    Handover,
    HandoverKind,
    OverrideReason,
    ReviewOutcome,
)
from rightcare.calls.schemas import HandoverEvent
from rightcare.calls.service import (
    call_timeline,
    escalate_due,
    offer_handover,
    record_caller_advice,
    record_decision,
    review,
    sign_off,
    supervisor_queue,
    update_handover,
)
from rightcare.engine.store import PolicySet
from rightcare.engine.vocab import Agency, PoliceResponse
from rightcare.storage.engine import make_sessionmaker
from tests.calls.helpers import AWOL_AT_HOME, HANDLER, NIGHT, SUPERVISOR, open_call

HOUR = dt.timedelta(hours=1)


def actions(session: Session) -> list[str]:
    return list(session.execute(sa.select(AuditEntry.action).order_by(AuditEntry.seq)).scalars())


def work_a_whole_call(session: Session, policies: PolicySet) -> Call:
    call, assessment = open_call(session, policies, {**AWOL_AT_HOME, "resistance_risk": "yes"})
    decision = record_decision(
        session,
        actor=HANDLER,
        call_id=call.id,
        assessment_id=assessment.id,
        accept=False,
        police_response=PoliceResponse.DISCRETION,
        reason=OverrideReason.PARTNER_UNABLE,
        note="ward collecting him",
        now=NIGHT,
    )
    sign_off(session, actor=SUPERVISOR, decision_id=decision.id, approve=True, note="", now=NIGHT)
    record_caller_advice(
        session,
        actor=HANDLER,
        call_id=call.id,
        police_attending=False,
        text="The ward will collect him; ring 999 if that changes.",
        now=NIGHT,
    )
    handover = offer_handover(
        session,
        actor=HANDLER,
        call_id=call.id,
        agency=Agency.HEALTH_SETTING,
        policies=policies,
        now=NIGHT,
    )
    update_handover(
        session, actor=HANDLER, handover_id=handover.id, event=HandoverEvent.DECLINED, now=NIGHT
    )
    [item] = supervisor_queue(session, now=NIGHT).handovers
    assert item.review_id
    review(
        session,
        actor=SUPERVISOR,
        review_id=item.review_id,
        outcome=ReviewOutcome.NOTED,
        note="rang the site manager",
        now=NIGHT,
    )
    offer_handover(
        session,
        actor=HANDLER,
        call_id=call.id,
        agency=Agency.HEALTH_SETTING,
        policies=policies,
        kind=HandoverKind.S136,
        arrived_at=NIGHT,
        now=NIGHT,
    )
    escalate_due(session, policies=policies, now=NIGHT + HOUR)
    return call


EXPECTED = [
    "call.created",
    "call.assessed",
    "decision.recorded",
    "decision.signed_off",
    "caller_advice.recorded",
    "handover.offered",
    "handover.declined",
    "review.created",
    "review.closed",
    "handover.offered",
    "review.created",
]


def test_each_change_leaves_its_entry_in_the_callers_transaction(
    session: Session, policies: PolicySet
) -> None:
    call = work_a_whole_call(session, policies)
    assert actions(session) == EXPECTED
    timeline = call_timeline(session, actor=SUPERVISOR, call_id=call.id)
    assert [entry.action for entry in timeline] == EXPECTED
    assert timeline[0].summary == "Call opened"
    assert all(entry.actor for entry in timeline)
    assert timeline[-1].actor == "system"  # the escalation job


def test_rolled_back_neither_the_change_nor_its_entry_exists(
    engine: Engine, policies: PolicySet
) -> None:
    sessions = make_sessionmaker(engine)
    with sessions() as session:
        work_a_whole_call(session, policies)
        session.rollback()
    with sessions() as session:
        assert session.scalar(sa.select(sa.func.count()).select_from(Call)) == 0
        assert session.scalar(sa.select(sa.func.count()).select_from(Decision)) == 0
        assert session.scalar(sa.select(sa.func.count()).select_from(Handover)) == 0
        assert actions(session) == []


def test_committed_both_exist_and_the_chain_verifies(engine: Engine, policies: PolicySet) -> None:
    sessions = make_sessionmaker(engine)
    with sessions.begin() as session:
        work_a_whole_call(session, policies)
    with sessions() as session:
        assert session.scalar(sa.select(sa.func.count()).select_from(Call)) == 1
        assert actions(session) == EXPECTED
        result = verify(session)
        assert result.ok and result.entries == len(EXPECTED)


def test_a_refused_change_writes_nothing(session: Session, policies: PolicySet) -> None:
    call, _ = open_call(session, policies, AWOL_AT_HOME)
    before = actions(session)
    with pytest.raises(Exception, match="told"):
        record_caller_advice(
            session, actor=HANDLER, call_id=call.id, text="  ", police_attending=False, now=NIGHT
        )
    assert actions(session) == before


def test_no_entry_carries_personal_details(session: Session, policies: PolicySet) -> None:
    open_call(
        session,
        policies,
        AWOL_AT_HOME,
        personal={"caller_name": "Jane Caller", "address": "1 Any Street"},
    )
    for details in session.execute(sa.select(AuditEntry.details)).scalars():
        assert "Jane Caller" not in str(details) and "1 Any Street" not in str(details)
