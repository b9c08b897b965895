"""Entries are linked to the chain only as the unit of work commits, so a transaction that is
still working never holds the chain's lock, and a rolled-back one leaves nothing behind."""

import threading

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from rightcare.audit import record, verify
from rightcare.audit.models import GENESIS_HASH, AuditEntry
from rightcare.storage.engine import make_sessionmaker


def _record(session: Session, action: str, entity_id: str = "c1") -> AuditEntry:
    return record(session, actor="ann", action=action, entity="call", entity_id=entity_id)


def test_entries_of_one_unit_of_work_are_chained_in_the_order_recorded(engine: Engine) -> None:
    sessions = make_sessionmaker(engine)
    with sessions.begin() as session:
        first = _record(session, "call.created")
        second = _record(session, "call.assessed")
        assert first.seq is None  # not linked until the commit
    assert (first.seq, second.seq) == (1, 2)
    assert first.prev_hash == GENESIS_HASH and second.prev_hash == first.hash
    with sessions() as session:
        stored = session.scalars(sa.select(AuditEntry).order_by(AuditEntry.seq)).all()
        assert [(e.action, e.hash) for e in stored] == [
            ("call.created", first.hash),
            ("call.assessed", second.hash),
        ]
        assert verify(session).ok


def test_a_query_of_the_log_in_the_same_unit_of_work_sees_what_it_recorded(
    engine: Engine,
) -> None:
    with make_sessionmaker(engine)() as session:
        _record(session, "call.created")
        actions = session.scalars(sa.select(AuditEntry.action)).all()
        assert actions == ["call.created"]
        session.rollback()
        assert session.scalars(sa.select(AuditEntry.action)).all() == []


def test_entries_recorded_before_a_rollback_are_not_written_by_a_later_commit(
    engine: Engine,
) -> None:
    with make_sessionmaker(engine)() as session:
        _record(session, "call.created", "lost")
        session.rollback()
        _record(session, "call.created", "kept")
        session.commit()
        ids = session.scalars(sa.select(AuditEntry.entity_id)).all()
    assert ids == ["kept"]


def test_a_transaction_still_working_does_not_hold_up_another_writers_entry(
    engine: Engine,
) -> None:
    sessions = make_sessionmaker(engine)
    slow = sessions()
    try:
        _record(slow, "call.created", "slow")  # recorded, its work not yet committed
        done = threading.Event()
        errors: list[BaseException] = []

        def quick_writer() -> None:
            try:
                with sessions.begin() as session:
                    if engine.dialect.name == "postgresql":
                        session.execute(sa.text("SET LOCAL lock_timeout = '5s'"))
                    _record(session, "call.created", "quick")
                done.set()
            except BaseException as exc:  # reported below, not lost in the thread
                errors.append(exc)

        thread = threading.Thread(target=quick_writer)
        thread.start()
        thread.join(timeout=30)
        assert errors == [] and done.is_set(), errors
        slow.commit()
    finally:
        slow.close()
    with sessions() as session:
        assert session.scalars(sa.select(AuditEntry.entity_id).order_by(AuditEntry.seq)).all() == [
            "quick",
            "slow",
        ]
        assert verify(session).ok
