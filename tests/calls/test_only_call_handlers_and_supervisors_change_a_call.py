import pytest
from sqlalchemy.orm import Session

from rightcare.auth.actor import Actor
from rightcare.calls.errors import Forbidden
from rightcare.calls.schemas import CallCreate
from rightcare.calls.service import create_call, get_call, list_calls
from rightcare.engine.store import PolicySet
from tests.calls.helpers import ANALYST, AWOL_AT_HOME, NIGHT, OUTSIDER, SUPERVISOR, open_call

CAD = Actor(
    name="token:cad",
    roles=frozenset(),
    can_see_personal=False,
    kind="token",
    scopes=frozenset({"calls:write"}),
)
REPORTS = Actor(
    name="token:reports",
    roles=frozenset(),
    can_see_personal=False,
    kind="token",
    scopes=frozenset({"assess"}),
)


@pytest.mark.parametrize("actor", [ANALYST, OUTSIDER, REPORTS], ids=lambda a: a.name)
def test_others_cannot_open_a_call(session: Session, actor: Actor) -> None:
    with pytest.raises(Forbidden):
        create_call(session, actor=actor, data=CallCreate(), now=NIGHT)


def test_a_cad_token_with_the_scope_can(session: Session) -> None:
    call = create_call(session, actor=CAD, data=CallCreate(), now=NIGHT)
    assert call.created_by == "token:cad"


def test_an_analyst_reads_the_history_but_a_trainer_does_not(
    session: Session, policies: PolicySet
) -> None:
    call, _ = open_call(session, policies, AWOL_AT_HOME)
    assert [row.id for row in list_calls(session, actor=ANALYST)] == [call.id]
    assert get_call(session, actor=SUPERVISOR, call_id=call.id, now=NIGHT).id == call.id
    with pytest.raises(Forbidden):
        list_calls(session, actor=OUTSIDER)
