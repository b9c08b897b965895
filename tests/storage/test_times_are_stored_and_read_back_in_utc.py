import datetime as dt

import pytest
from sqlalchemy.engine import Engine
from sqlalchemy.exc import StatementError

from rightcare.calls.models import Call
from rightcare.storage.engine import make_sessionmaker

LONDON_SUMMER = dt.timezone(dt.timedelta(hours=1), "BST")


def test_an_aware_time_reads_back_as_the_same_instant_in_utc(engine: Engine) -> None:
    created = dt.datetime(2026, 7, 1, 0, 30, 15, 123456, tzinfo=LONDON_SUMMER)
    with make_sessionmaker(engine).begin() as session:
        session.add(Call(id="c1", reference="RC-2026-000001", created_by="ann", created_at=created))
    with make_sessionmaker(engine)() as session:
        stored = session.get(Call, "c1")
        assert stored is not None
        assert stored.created_at == created
        assert stored.created_at.tzinfo == dt.UTC
        assert stored.created_at.isoformat() == "2026-06-30T23:30:15.123456+00:00"


def test_a_naive_time_is_refused(engine: Engine) -> None:
    with make_sessionmaker(engine)() as session:
        session.add(
            Call(
                id="c2",
                reference="RC-2026-000002",
                created_by="ann",
                created_at=dt.datetime(2026, 7, 1, 0, 30),
            )
        )
        with pytest.raises(StatementError, match="naive datetime"):
            session.flush()
