"""A handler who may see personal details corrects a misheard name: the call shows the new name
to someone allowed and a mask to someone not, its version moves on, and one audit entry names
the fields that changed, never their old or new values (nor does any log record)."""

from __future__ import annotations

import logging

import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session

from rightcare.audit.models import AuditEntry
from rightcare.auth.actor import Actor
from rightcare.auth.models import Role
from rightcare.calls.schemas import MASK
from rightcare.calls.service import call_timeline, correct_personal_details, get_call
from rightcare.engine.store import PolicySet
from tests.calls.helpers import AWOL_AT_HOME, HANDLER, NIGHT, SUPERVISOR, open_call

TRUSTED_HANDLER = Actor(
    name="hal.handler", roles=frozenset({Role.CALL_HANDLER}), can_see_personal=True
)
PERSONAL = {"caller_name": "Jane Kallerton", "address": "1 Misheard Lane"}
CORRECTED = "Jayne Callerton"
ACTION = "call.personal_details_corrected"


def _audit_text(session: Session) -> str:
    """Every column of every audit row, as one string to search."""
    rows = session.execute(sa.select(AuditEntry).order_by(AuditEntry.seq)).scalars()
    return "\n".join(
        repr((row.seq, row.at, row.actor, row.action, row.entity, row.entity_id, row.details))
        + row.prev_hash
        + row.hash
        for row in rows
    )


def _corrections(session: Session) -> list[AuditEntry]:
    return list(session.execute(sa.select(AuditEntry).where(AuditEntry.action == ACTION)).scalars())


def test_the_corrected_name_is_shown_to_the_allowed_masked_to_others_and_audited_by_field(
    session: Session, policies: PolicySet, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    call, _ = open_call(session, policies, AWOL_AT_HOME, personal=PERSONAL)
    before = call.version

    corrected = correct_personal_details(
        session,
        actor=TRUSTED_HANDLER,
        call_id=call.id,
        changes={"caller_name": CORRECTED},
        expected_version=before,
        now=NIGHT,
    )

    assert corrected.version == before + 1
    shown = get_call(session, actor=SUPERVISOR, call_id=call.id, now=NIGHT)
    assert shown.caller_name == CORRECTED and shown.address == PERSONAL["address"]
    masked = get_call(session, actor=HANDLER, call_id=call.id, now=NIGHT)
    assert masked.caller_name == MASK and masked.personal_masked is True
    [entry] = _corrections(session)
    assert entry.actor == TRUSTED_HANDLER.name
    assert entry.details == {"reference": call.reference, "fields": ["caller_name"]}
    stored = _audit_text(session)
    for value in (PERSONAL["caller_name"], CORRECTED, "Kallerton", "Callerton"):
        assert value not in stored
        for record in caplog.records:
            assert value not in record.getMessage()
    timeline = call_timeline(session, actor=SUPERVISOR, call_id=call.id)
    assert timeline[-2].summary == "Personal details corrected"  # then the supervisor's view


def test_null_clears_a_detail_and_a_missing_one_can_be_added(
    session: Session, policies: PolicySet
) -> None:
    call, _ = open_call(session, policies, AWOL_AT_HOME, personal=PERSONAL)
    correct_personal_details(
        session,
        actor=SUPERVISOR,
        call_id=call.id,
        changes={"address": None, "subject_name": "Sam Subject"},
        now=NIGHT,
    )
    assert (call.caller_name, call.address, call.subject_name) == (
        PERSONAL["caller_name"],
        None,
        "Sam Subject",
    )
    [entry] = _corrections(session)
    assert entry.details["fields"] == ["subject_name", "address"]


@pytest.mark.parametrize(
    "changes", [{}, {"caller_name": PERSONAL["caller_name"]}, {"subject_name": None}]
)
def test_a_correction_that_changes_nothing_is_a_quiet_success(
    session: Session, policies: PolicySet, changes: dict[str, str | None]
) -> None:
    call, _ = open_call(session, policies, AWOL_AT_HOME, personal=PERSONAL)
    before = call.version
    same = correct_personal_details(
        session,
        actor=TRUSTED_HANDLER,
        call_id=call.id,
        changes=changes,
        expected_version=before,
        now=NIGHT,
    )
    session.flush()
    assert same.version == before
    assert _corrections(session) == []
