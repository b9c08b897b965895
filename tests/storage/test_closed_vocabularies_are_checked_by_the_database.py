import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from rightcare.calls.models import (
    Assessment,
    Call,
    CallStatus,
    Decision,
    DecisionKind,
    OverrideReason,
)
from rightcare.engine.vocab import Agency, PoliceResponse
from rightcare.storage.engine import make_sessionmaker


def _call_with_assessment(engine: Engine) -> None:
    with make_sessionmaker(engine).begin() as session:
        session.add(Call(id="c1", reference="RC-2026-000001", created_by="ann"))
        session.add(
            Assessment(
                id="a1",
                call_id="c1",
                created_by="ann",
                input={"narrative": ""},
                output={"police_response": "attend"},
                pack="national-rcrp",
                pack_version="2026.1",
                overlay=None,
                digest="sha256:abc",
                police_response=PoliceResponse.ATTEND,
                lead_agency=Agency.POLICE,
                disposition="CFW-01",
            )
        )


def test_a_status_outside_the_vocabulary_is_refused(engine: Engine) -> None:
    _call_with_assessment(engine)
    with engine.connect() as connection, pytest.raises(IntegrityError):
        connection.execute(sa.text("UPDATE call SET status = 'lost' WHERE id = 'c1'"))


def test_stored_vocabulary_values_read_back_as_enums(engine: Engine) -> None:
    _call_with_assessment(engine)
    with engine.connect() as connection:
        raw = connection.execute(sa.text("SELECT status FROM call")).scalar_one()
    assert raw == "open"
    with make_sessionmaker(engine)() as session:
        call = session.get(Call, "c1")
        assert call is not None and call.status is CallStatus.OPEN


def test_an_override_without_a_reason_is_refused(engine: Engine) -> None:
    _call_with_assessment(engine)
    with make_sessionmaker(engine)() as session:
        session.add(
            Decision(
                call_id="c1",
                assessment_id="a1",
                decided_by="ann",
                kind=DecisionKind.OVERRIDE,
                police_response=PoliceResponse.DO_NOT_ATTEND,
                reason=None,
            )
        )
        with pytest.raises(IntegrityError):
            session.flush()


def test_a_decision_must_belong_to_an_existing_assessment(engine: Engine) -> None:
    _call_with_assessment(engine)
    with make_sessionmaker(engine)() as session:
        session.add(
            Decision(
                call_id="c1",
                assessment_id="no-such-assessment",
                decided_by="ann",
                kind=DecisionKind.ACCEPT,
                police_response=PoliceResponse.ATTEND,
            )
        )
        with pytest.raises(IntegrityError):
            session.flush()


def test_every_override_reason_has_a_plain_english_label() -> None:
    for reason in OverrideReason:
        assert reason.label and reason.label[0].isupper()
        assert "_" not in reason.label
