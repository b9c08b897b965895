import sqlalchemy as sa
from sqlalchemy.orm import Session

from rightcare.audit.models import AuditEntry
from rightcare.calls.schemas import MASK
from rightcare.calls.service import get_call, list_calls
from rightcare.engine.store import PolicySet
from tests.calls.helpers import AWOL_AT_HOME, HANDLER, NIGHT, SUPERVISOR, open_call

PERSONAL = {"caller_name": "Jane Caller", "caller_phone": "07700 900123", "address": "1 Any St"}


def views(session: Session) -> list[tuple[str, dict[str, object]]]:
    rows = session.execute(
        sa.select(AuditEntry.actor, AuditEntry.details).where(
            AuditEntry.action == "personal.viewed"
        )
    )
    return [(actor, details) for actor, details in rows]


def test_a_handler_without_the_permission_sees_them_masked(
    session: Session, policies: PolicySet
) -> None:
    call, _ = open_call(session, policies, AWOL_AT_HOME, personal=PERSONAL)
    shown = get_call(session, actor=HANDLER, call_id=call.id, now=NIGHT)
    assert shown.personal_masked is True
    assert (shown.caller_name, shown.caller_phone, shown.address) == (MASK, MASK, MASK)
    assert shown.subject_name is None  # nothing recorded, nothing to hide
    assert "Jane" not in shown.model_dump_json()
    assert views(session) == []


def test_someone_with_the_permission_sees_them_and_the_view_is_audited(
    session: Session, policies: PolicySet
) -> None:
    call, _ = open_call(session, policies, AWOL_AT_HOME, personal=PERSONAL)
    shown = get_call(session, actor=SUPERVISOR, call_id=call.id, now=NIGHT)
    assert shown.personal_masked is False
    assert shown.caller_name == "Jane Caller" and shown.address == "1 Any St"
    assert views(session) == [
        (
            SUPERVISOR.name,
            {"reference": call.reference, "fields": ["caller_name", "caller_phone", "address"]},
        )
    ]


def test_a_call_with_no_personal_details_writes_no_view(
    session: Session, policies: PolicySet
) -> None:
    call, _ = open_call(session, policies, AWOL_AT_HOME)
    shown = get_call(session, actor=SUPERVISOR, call_id=call.id, now=NIGHT)
    assert shown.personal_masked is False
    assert views(session) == []


def test_the_call_history_never_carries_them(session: Session, policies: PolicySet) -> None:
    open_call(session, policies, AWOL_AT_HOME, personal=PERSONAL)
    [row] = list_calls(session, actor=SUPERVISOR)
    dumped = row.model_dump_json()
    assert all(value not in dumped for value in PERSONAL.values())
    assert views(session) == []
