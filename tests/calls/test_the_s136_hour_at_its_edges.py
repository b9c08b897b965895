"""The s136 clock runs from arrival at the place of safety; at 60:00 exactly the call is
flagged, at 59:59 it is not. Instants are compared in UTC, so midnight and the October clock
change (when 01:30 happens twice in London) make no difference."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy.orm import Session

from rightcare.calls.models import HandoverKind, ReviewReason
from rightcare.calls.schemas import CallCreate, HandoverEvent
from rightcare.calls.service import (
    create_call,
    escalate_due,
    offer_handover,
    supervisor_queue,
    update_handover,
)
from rightcare.engine.store import PolicySet
from rightcare.engine.vocab import Agency
from tests.calls.helpers import HANDLER

LONDON = ZoneInfo("Europe/London")
SECOND = dt.timedelta(seconds=1)
HOUR = dt.timedelta(hours=1)


def arrive(session: Session, policies: PolicySet, arrived: dt.datetime):  # type: ignore[no-untyped-def]
    call = create_call(session, actor=HANDLER, data=CallCreate(), now=arrived)
    return offer_handover(
        session,
        actor=HANDLER,
        call_id=call.id,
        agency=Agency.HEALTH_SETTING,
        policies=policies,
        kind=HandoverKind.S136,
        arrived_at=arrived,
        now=arrived,
    )


def flagged(session: Session, policies: PolicySet, now: dt.datetime) -> list[str]:
    reviews = escalate_due(session, policies=policies, now=now)
    assert all(r.reason is ReviewReason.S136_OVERDUE for r in reviews)
    return [r.handover_id or "" for r in reviews]


ARRIVALS = {
    "afternoon": dt.datetime(2026, 6, 3, 14, 0, tzinfo=dt.UTC),
    "across midnight": dt.datetime(2026, 11, 28, 23, 30, 15, tzinfo=dt.UTC),
    # 01:30 BST on 25 October 2026; an hour later the London clock reads 01:30 again (GMT).
    "October clock change": dt.datetime(2026, 10, 25, 1, 30, tzinfo=LONDON),
}


@pytest.mark.parametrize("arrived", ARRIVALS.values(), ids=ARRIVALS.keys())
def test_59_59_is_not_overdue_and_60_00_is(
    session: Session, policies: PolicySet, arrived: dt.datetime
) -> None:
    handover = arrive(session, policies, arrived)
    # Arithmetic on instants (UTC): adding an hour to a London wall-clock time would not do.
    start = arrived.astimezone(dt.UTC)
    just_before = start + HOUR - SECOND
    assert flagged(session, policies, just_before) == []
    assert supervisor_queue(session, now=just_before).s136_overdue == []
    on_the_hour = start + HOUR
    queue = supervisor_queue(session, now=on_the_hour)  # live, before the job runs
    assert [(i.review_id, i.minutes_elapsed) for i in queue.s136_overdue] == [(None, 60)]
    assert flagged(session, policies, on_the_hour) == [handover.id]
    [item] = supervisor_queue(session, now=on_the_hour + SECOND).s136_overdue
    assert item.review_id is not None and item.handover and item.handover.id == handover.id


def test_the_clock_change_hour_is_a_real_hour_not_a_wall_clock_one(
    session: Session, policies: PolicySet
) -> None:
    arrived = ARRIVALS["October clock change"]
    handover = arrive(session, policies, arrived)
    # The wall clock shows 01:29:59 again (GMT, fold=1): 59 minutes 59 seconds have passed.
    assert (
        flagged(session, policies, dt.datetime(2026, 10, 25, 1, 29, 59, fold=1, tzinfo=LONDON))
        == []
    )
    # 01:30 GMT: the wall clock reads what it read on arrival, and a full hour has passed.
    assert flagged(session, policies, dt.datetime(2026, 10, 25, 1, 30, fold=1, tzinfo=LONDON)) == [
        handover.id
    ]


def test_flagging_is_idempotent_and_stops_when_handed_over(
    session: Session, policies: PolicySet
) -> None:
    arrived = ARRIVALS["afternoon"]
    overdue = arrive(session, policies, arrived)
    on_time = arrive(session, policies, arrived)
    update_handover(
        session,
        actor=HANDLER,
        handover_id=on_time.id,
        event=HandoverEvent.HANDED_OVER,
        now=arrived + HOUR - SECOND,
    )
    assert flagged(session, policies, arrived + HOUR) == [overdue.id]
    assert flagged(session, policies, arrived + 2 * HOUR) == []
    assert len(supervisor_queue(session, now=arrived + 2 * HOUR).s136_overdue) == 1
