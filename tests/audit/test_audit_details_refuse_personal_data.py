import datetime as dt

import pytest
from sqlalchemy.engine import Engine

from rightcare.audit import AuditDetailsError, record
from rightcare.storage.engine import make_sessionmaker


@pytest.mark.parametrize(
    "details",
    [
        {"caller_name": "Jane Doe"},
        {"changes": {"address": "1 High Street"}},
        {"fields": [{"phone": "07700 900123"}]},
        {"narrative": "neighbour not seen"},
    ],
)
def test_personal_data_is_refused_wherever_it_appears(
    engine: Engine, details: dict[str, object]
) -> None:
    with make_sessionmaker(engine)() as session, pytest.raises(AuditDetailsError, match="personal"):
        record(session, actor="ann", action="edit", entity="call", entity_id="c1", details=details)


def test_details_that_are_not_plain_json_are_refused(engine: Engine) -> None:
    with make_sessionmaker(engine)() as session, pytest.raises(AuditDetailsError, match="JSON"):
        when = {"when": dt.datetime.now(dt.UTC)}
        record(session, actor="ann", action="edit", entity="call", entity_id="c1", details=when)


def test_the_fields_viewed_may_be_named_without_their_values(engine: Engine) -> None:
    with make_sessionmaker(engine).begin() as session:
        entry = record(
            session,
            actor="sam",
            action="call.personal_details_viewed",
            entity="call",
            entity_id="c1",
            details={"fields": ["caller_name", "address"]},
        )
    assert entry.seq == 1
