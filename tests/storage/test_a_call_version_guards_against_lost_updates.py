import pytest
from sqlalchemy.engine import Engine
from sqlalchemy.orm.exc import StaleDataError

from rightcare.calls.models import Call, CallStatus
from rightcare.storage.engine import make_sessionmaker


def test_the_second_of_two_concurrent_edits_is_refused_as_stale(engine: Engine) -> None:
    sessions = make_sessionmaker(engine)
    with sessions.begin() as session:
        session.add(Call(id="c1", reference="RC-2026-000001", created_by="ann"))

    first, second = sessions(), sessions()
    mine, theirs = first.get(Call, "c1"), second.get(Call, "c1")
    assert mine is not None and theirs is not None
    assert mine.version == theirs.version == 1

    mine.narrative = "caller says neighbour not seen for two days"
    first.commit()
    theirs.status = CallStatus.CLOSED
    with pytest.raises(StaleDataError):
        second.commit()
    second.rollback()
    first.close()
    second.close()

    with sessions() as session:
        stored = session.get(Call, "c1")
        assert stored is not None
        assert stored.version == 2
        assert stored.status is CallStatus.OPEN
