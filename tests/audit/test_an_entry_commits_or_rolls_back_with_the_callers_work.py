import pytest
from sqlalchemy.engine import Engine

from rightcare.audit import record, verify
from rightcare.calls.models import Call
from rightcare.storage.engine import make_sessionmaker, session_scope


def test_a_rolled_back_unit_of_work_leaves_no_entry(engine: Engine) -> None:
    with pytest.raises(RuntimeError), session_scope(engine) as session:
        session.add(Call(id="c1", reference="RC-2026-000001", created_by="ann"))
        record(session, actor="ann", action="call.created", entity="call", entity_id="c1")
        raise RuntimeError("the handler's request failed")
    with make_sessionmaker(engine)() as session:
        assert session.get(Call, "c1") is None
        assert verify(session).entries == 0


def test_record_does_not_commit(engine: Engine) -> None:
    sessions = make_sessionmaker(engine)
    with sessions() as session:
        record(session, actor="ann", action="call.viewed", entity="call", entity_id="c1")
        session.rollback()
    with sessions() as session:
        assert verify(session).entries == 0


def test_the_change_and_its_entry_commit_together(engine: Engine) -> None:
    with session_scope(engine) as session:
        session.add(Call(id="c1", reference="RC-2026-000001", created_by="ann"))
        record(session, actor="ann", action="call.created", entity="call", entity_id="c1")
        record(session, actor="ann", action="call.assessed", entity="call", entity_id="c1")
    with make_sessionmaker(engine)() as session:
        assert session.get(Call, "c1") is not None
        result = verify(session)
        assert result.ok and result.entries == 2
