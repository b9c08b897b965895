"""A new call, a stored assessment and a decision are written as single statements
(`rightcare.calls.writes`), not through the ORM's flush: the rows must be exactly what the
database holds, the objects must read back with no further query, a later ORM change to them
must still be written, and a lost race on the version must change nothing."""

from __future__ import annotations

from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from rightcare.calls.errors import Conflict
from rightcare.calls.models import (
    Assessment,
    Call,
    Decision,
    DecisionKind,
    DecisionStatus,
    OverrideReason,
    SupervisorReview,
)
from rightcare.calls.service import assess, record_decision
from rightcare.calls.writes import bump_call, insert_whole
from rightcare.engine.store import PolicySet
from rightcare.engine.vocab import Answer, PoliceResponse
from rightcare.storage.engine import make_sessionmaker
from tests.calls.helpers import AWOL_AT_HOME, HANDLER, NIGHT, open_call, without


class _Statements:
    """Counts the statements sent on an engine while it is active."""

    def __init__(self, engine: Engine) -> None:
        self.engine, self.sent = engine, 0

    def _count(self, *_args: Any) -> None:
        self.sent += 1

    def __enter__(self) -> _Statements:
        sa.event.listen(self.engine, "before_cursor_execute", self._count)
        return self

    def __exit__(self, *_exc: object) -> None:
        sa.event.remove(self.engine, "before_cursor_execute", self._count)


def test_a_new_call_and_its_snapshot_are_stored_and_read_back_without_a_query(
    session: Session, engine: Engine, policies: PolicySet
) -> None:
    call, first = open_call(session, policies, AWOL_AT_HOME)
    with _Statements(engine) as statements:
        read = (call.reference, call.version, call.status, call.caller_name, len(call.assessments))
        read_snapshot = (first.call is call, first.police_response, first.digest)
        assert [d.id for d in call.decisions] == []
    assert statements.sent == 0
    assert read[1] == 2 and read[4] == 1 and read_snapshot[0]  # opened, then assessed
    stored = session.execute(
        sa.select(Call.__table__.c.version, Call.__table__.c.reference).where(
            Call.__table__.c.id == call.id
        )
    ).one()
    assert tuple(stored) == (2, call.reference)
    assert session.scalar(sa.select(sa.func.count()).select_from(Assessment)) == 1


def test_a_stored_assessment_moves_the_version_in_the_database_and_on_the_object(
    session: Session, policies: PolicySet
) -> None:
    call, _ = open_call(session, policies, without(AWOL_AT_HOME, "crime"))
    record = assess(
        session,
        actor=HANDLER,
        call_id=call.id,
        policies=policies,
        answers={"crime": Answer.NO},
        narrative="calm, at his mum's, ward aware",
        expected_version=2,
        now=NIGHT,
    )
    assert record.call is call and call.version == 3 and call.narrative.startswith("calm")
    row = session.execute(
        sa.text("SELECT version, narrative FROM call WHERE id = :id"), {"id": call.id}
    ).one()
    assert tuple(row) == (3, "calm, at his mum's, ward aware")
    assert not session.dirty  # nothing left for the flush to write again


def test_an_orm_change_after_a_hot_write_is_still_written_with_the_next_version(
    session: Session, policies: PolicySet
) -> None:
    call, _ = open_call(session, policies, AWOL_AT_HOME)
    call.narrative = "changed through the ORM"
    session.flush()
    row = session.execute(
        sa.text("SELECT version, narrative FROM call WHERE id = :id"), {"id": call.id}
    ).one()
    assert tuple(row) == (3, "changed through the ORM")


def test_a_lowering_override_stores_the_decision_and_its_sign_off_linked_to_the_call(
    session: Session, policies: PolicySet
) -> None:
    call, first = open_call(session, policies, without(AWOL_AT_HOME, "restricted_patient"))
    assess(
        session,
        actor=HANDLER,
        call_id=call.id,
        policies=policies,
        answers={"restricted_patient": Answer.NO, "risk_to_life": Answer.YES},
        now=NIGHT,
    )
    latest = call.assessments[-1]
    assert latest.police_response is PoliceResponse.ATTEND
    decision = record_decision(
        session,
        actor=HANDLER,
        call_id=call.id,
        assessment_id=latest.id,
        accept=False,
        police_response=PoliceResponse.DISCRETION,
        reason=OverrideReason.PARTNER_UNABLE,
        note="unit can attend within the hour",
        now=NIGHT,
    )
    assert decision.call is call and call.decisions[-1] is decision
    assert call.reviews[-1].decision is decision and call.reviews[-1].outcome is None
    assert decision.signed_off_by is None
    assert session.scalar(sa.select(sa.func.count()).select_from(Decision)) == 1
    assert session.scalar(sa.select(sa.func.count()).select_from(SupervisorReview)) == 1
    assert first.id != latest.id


def test_a_row_missing_a_required_value_is_refused_before_anything_is_written(
    session: Session, policies: PolicySet
) -> None:
    call, first = open_call(session, policies, AWOL_AT_HOME)
    whole = Decision(
        id="d-0",
        call_id=call.id,
        assessment_id=first.id,
        decided_by=HANDLER.name,
        decided_at=NIGHT,
        kind=DecisionKind.ACCEPT,
        police_response=first.police_response,
        reason=None,
        note="",
        status=DecisionStatus.EFFECTIVE,
    )
    incomplete = Decision(id="d-1", call_id=call.id, assessment_id=first.id)
    with pytest.raises(ValueError, match=r"Decision\.decided_by must be set"):
        insert_whole(session, whole, incomplete)  # the whole one first: not written either
    assert session.scalar(sa.select(sa.func.count()).select_from(Decision)) == 0


def test_a_lost_race_on_the_version_is_a_conflict_and_changes_nothing(
    engine: Engine, policies: PolicySet
) -> None:
    sessions = make_sessionmaker(engine)
    with sessions.begin() as setup:
        call, _ = open_call(setup, policies, AWOL_AT_HOME)
        call_id = call.id
    with sessions() as slow, sessions() as quick:
        held = slow.get(Call, call_id)
        assert held is not None and held.version == 2
        bump_call(quick, quick.get(Call, call_id), now=NIGHT)  # type: ignore[arg-type]
        quick.commit()
        with pytest.raises(Conflict) as lost:
            bump_call(slow, held, now=NIGHT, narrative="never stored")
        assert lost.value.code == "stale_version" and held.version == 2
        slow.rollback()
    with sessions() as check:
        stored = check.get(Call, call_id)
        assert stored is not None and stored.version == 3 and stored.narrative != "never stored"
