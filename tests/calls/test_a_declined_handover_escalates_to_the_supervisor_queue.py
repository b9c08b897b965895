import datetime as dt

import pytest
from sqlalchemy.orm import Session

from rightcare.calls.errors import Conflict, Forbidden, RuleViolation
from rightcare.calls.models import ReviewOutcome, ReviewReason
from rightcare.calls.schemas import HandoverEvent
from rightcare.calls.service import (
    escalate_due,
    offer_handover,
    review,
    supervisor_queue,
    update_handover,
)
from rightcare.engine.store import PolicySet
from rightcare.engine.vocab import Agency
from tests.calls.helpers import AWOL_AT_HOME, HANDLER, NIGHT, SUPERVISOR, open_call

MINUTE = dt.timedelta(minutes=1)


def offered(session: Session, policies: PolicySet, agency: Agency = Agency.MENTAL_HEALTH):  # type: ignore[no-untyped-def]
    call, _ = open_call(session, policies, AWOL_AT_HOME, force="example-force")
    return offer_handover(
        session, actor=HANDLER, call_id=call.id, agency=agency, policies=policies, now=NIGHT
    )


@pytest.mark.parametrize("event", [HandoverEvent.DECLINED, HandoverEvent.NO_ANSWER])
def test_a_decline_or_no_answer_goes_to_the_queue_at_once(
    session: Session, policies: PolicySet, event: HandoverEvent
) -> None:
    handover = offered(session, policies)
    assert handover.partner == "Exampleshire Mental Health Crisis Line (fictional)"
    update_handover(
        session,
        actor=HANDLER,
        handover_id=handover.id,
        event=event,
        partner_reference="MH-1234",
        now=NIGHT + MINUTE,
    )
    [item] = supervisor_queue(session, now=NIGHT + MINUTE).handovers
    assert item.reason is ReviewReason.PARTNER_DECLINE
    assert item.handover is not None and item.handover.id == handover.id
    assert handover.partner_reference == "MH-1234"
    # A retry of the same event never queues it twice.
    update_handover(
        session, actor=HANDLER, handover_id=handover.id, event=event, now=NIGHT + 2 * MINUTE
    )
    assert len(supervisor_queue(session, now=NIGHT + 2 * MINUTE).handovers) == 1


def test_no_reply_within_the_partners_time_escalates_once(
    session: Session, policies: PolicySet
) -> None:
    handover = offered(session, policies)  # the crisis line: 30 minutes in the overlay
    assert escalate_due(session, policies=policies, now=NIGHT + 30 * MINUTE - MINUTE) == []
    [item] = escalate_due(session, policies=policies, now=NIGHT + 30 * MINUTE)
    assert item.handover_id == handover.id and item.reason is ReviewReason.PARTNER_DECLINE
    assert handover.escalated_at == NIGHT + 30 * MINUTE
    assert escalate_due(session, policies=policies, now=NIGHT + 90 * MINUTE) == []


def test_an_answered_handover_does_not_escalate(session: Session, policies: PolicySet) -> None:
    handover = offered(session, policies, Agency.FIRE_RESCUE)  # 15 minutes in the overlay
    update_handover(
        session,
        actor=HANDLER,
        handover_id=handover.id,
        event=HandoverEvent.ACCEPTED,
        now=NIGHT + 5 * MINUTE,
    )
    assert escalate_due(session, policies=policies, now=NIGHT + 60 * MINUTE) == []
    assert supervisor_queue(session, now=NIGHT + 60 * MINUTE).handovers == []


def test_a_supervisor_closes_the_item(session: Session, policies: PolicySet) -> None:
    handover = offered(session, policies)
    update_handover(
        session, actor=HANDLER, handover_id=handover.id, event=HandoverEvent.DECLINED, now=NIGHT
    )
    [item] = supervisor_queue(session, now=NIGHT).handovers
    assert item.review_id is not None
    with pytest.raises(Forbidden):
        review(
            session,
            actor=HANDLER,
            review_id=item.review_id,
            outcome=ReviewOutcome.NOTED,
            note="x",
            now=NIGHT,
        )
    with pytest.raises(RuleViolation):
        review(
            session,
            actor=SUPERVISOR,
            review_id=item.review_id,
            outcome=ReviewOutcome.NOTED,
            note="",
            now=NIGHT,
        )
    done = review(
        session,
        actor=SUPERVISOR,
        review_id=item.review_id,
        outcome=ReviewOutcome.NOTED,
        note="asked the ambulance instead",
        now=NIGHT,
    )
    assert done.outcome is ReviewOutcome.NOTED and done.reviewer == SUPERVISOR.name
    assert supervisor_queue(session, now=NIGHT).handovers == []
    with pytest.raises(Conflict):
        review(
            session,
            actor=SUPERVISOR,
            review_id=item.review_id,
            outcome=ReviewOutcome.NOTED,
            note="again",
            now=NIGHT,
        )


def test_a_handover_goes_to_a_partner_not_to_police(session: Session, policies: PolicySet) -> None:
    call, _ = open_call(session, policies, AWOL_AT_HOME)
    with pytest.raises(RuleViolation) as refused:
        offer_handover(
            session,
            actor=HANDLER,
            call_id=call.id,
            agency=Agency.POLICE,
            policies=policies,
            now=NIGHT,
        )
    assert refused.value.field == "agency"
