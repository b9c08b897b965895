import pytest
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from rightcare.calls.errors import Conflict
from rightcare.calls.models import Call
from rightcare.calls.service import assess, record_caller_advice, record_decision
from rightcare.engine.store import PolicySet
from rightcare.engine.vocab import Answer
from rightcare.storage.engine import make_sessionmaker
from tests.calls.helpers import AWOL_AT_HOME, HANDLER, NIGHT, SUPERVISOR, open_call, without


def test_assessing_moves_the_version_on_and_an_old_version_is_refused(
    session: Session, policies: PolicySet
) -> None:
    call, _ = open_call(session, policies, without(AWOL_AT_HOME, "crime"))
    seen = call.version
    assess(
        session,
        actor=HANDLER,
        call_id=call.id,
        policies=policies,
        answers={"crime": Answer.NO},
        expected_version=seen,
        now=NIGHT,
    )
    assert call.version == seen + 1
    with pytest.raises(Conflict) as stale:
        assess(
            session,
            actor=HANDLER,
            call_id=call.id,
            policies=policies,
            answers={"crime": Answer.YES},
            expected_version=seen,
            now=NIGHT,
        )
    assert stale.value.code == "stale_version" and stale.value.field == "version"
    with pytest.raises(Conflict):
        record_caller_advice(
            session,
            actor=HANDLER,
            call_id=call.id,
            text="help is coming",
            police_attending=True,
            expected_version=seen,
            now=NIGHT,
        )


def test_a_decision_on_a_superseded_assessment_is_a_conflict(
    session: Session, policies: PolicySet
) -> None:
    call, first = open_call(session, policies, AWOL_AT_HOME)
    assess(
        session,
        actor=HANDLER,
        call_id=call.id,
        policies=policies,
        answers={"violence": Answer.YES},
        now=NIGHT,
    )
    with pytest.raises(Conflict) as stale:
        record_decision(
            session, actor=HANDLER, call_id=call.id, assessment_id=first.id, accept=True, now=NIGHT
        )
    assert stale.value.code == "assessment_superseded"


def test_two_handlers_racing_one_is_told_to_reload(engine: Engine, policies: PolicySet) -> None:
    sessions = make_sessionmaker(engine)
    with sessions.begin() as session:
        call, _ = open_call(session, policies, without(AWOL_AT_HOME, "crime"))
        call_id, version = call.id, call.version
    first, second = sessions(), sessions()
    try:
        # The second handler has the call open at `version` while the first saves an answer.
        assert second.get(Call, call_id) is not None
        assess(
            first,
            actor=HANDLER,
            call_id=call_id,
            policies=policies,
            answers={"crime": Answer.NO},
            expected_version=version,
            now=NIGHT,
        )
        first.commit()
        with pytest.raises(Conflict) as stale:
            assess(
                second,
                actor=SUPERVISOR,
                call_id=call_id,
                policies=policies,
                answers={"weapon": Answer.YES},
                expected_version=version,
                now=NIGHT,
            )
        assert stale.value.code == "stale_version"
        second.rollback()
    finally:
        first.close()
        second.close()
    with sessions() as session:
        stored = session.get(Call, call_id)
        assert stored is not None and stored.version == version + 1
        assert len(stored.assessments) == 2
