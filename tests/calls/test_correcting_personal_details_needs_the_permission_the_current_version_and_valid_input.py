"""Correcting personal details is refused, and nothing changes, for anyone who may not change
calls or may not see personal details (a token: without `personal:read`), on a stale version,
and for an unknown field or a value that cannot be stored; no refusal repeats a value."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session

from rightcare.audit.models import AuditEntry
from rightcare.auth.actor import SYSTEM, Actor
from rightcare.auth.models import Role
from rightcare.calls.errors import Conflict, Forbidden, RuleViolation
from rightcare.calls.models import Call
from rightcare.calls.service import correct_personal_details
from rightcare.engine.store import PolicySet
from tests.calls.helpers import ANALYST, AWOL_AT_HOME, HANDLER, NIGHT, OUTSIDER, open_call

PERSONAL = {"caller_name": "Jane Kallerton", "caller_phone": "07700 900123"}
WANTED = "Jayne Callerton"
AUDITOR_WHO_SEES = Actor(name="aude", roles=frozenset({Role.AUDITOR}), can_see_personal=True)
ADMIN_WHO_SEES = Actor(name="adam", roles=frozenset({Role.ADMIN}), can_see_personal=True)
TRUSTED_HANDLER = Actor(name="hal", roles=frozenset({Role.CALL_HANDLER}), can_see_personal=True)


def _token(*scopes: str) -> Actor:
    return Actor(
        name="token:cad",
        roles=frozenset(),
        can_see_personal="personal:read" in scopes,
        kind="token",
        scopes=frozenset(scopes),
    )


def _unchanged(session: Session, call: Call, version: int) -> None:
    session.flush()
    assert call.version == version
    assert call.caller_name == PERSONAL["caller_name"]
    corrections = session.execute(
        sa.select(AuditEntry).where(AuditEntry.action == "call.personal_details_corrected")
    ).all()
    assert corrections == []


@pytest.mark.parametrize(
    "actor",
    [
        HANDLER,
        ANALYST,
        OUTSIDER,
        AUDITOR_WHO_SEES,
        ADMIN_WHO_SEES,
        SYSTEM,
        _token("calls:write"),
        _token("calls:read", "personal:read"),
        _token("personal:read"),
    ],
    ids=lambda a: f"{a.name}{sorted(a.scopes)}",
)
def test_only_those_who_handle_calls_and_see_personal_details_may_correct_them(
    session: Session, policies: PolicySet, actor: Actor
) -> None:
    call, _ = open_call(session, policies, AWOL_AT_HOME, personal=PERSONAL)
    before = call.version
    with pytest.raises(Forbidden) as refused:
        correct_personal_details(
            session, actor=actor, call_id=call.id, changes={"caller_name": WANTED}, now=NIGHT
        )
    assert WANTED not in refused.value.message
    _unchanged(session, call, before)


def test_a_token_with_calls_write_and_personal_read_may(
    session: Session, policies: PolicySet
) -> None:
    call, _ = open_call(session, policies, AWOL_AT_HOME, personal=PERSONAL)
    correct_personal_details(
        session,
        actor=_token("calls:write", "personal:read"),
        call_id=call.id,
        changes={"caller_name": WANTED},
        now=NIGHT,
    )
    assert call.caller_name == WANTED


def test_a_stale_version_is_a_conflict_and_changes_nothing(
    session: Session, policies: PolicySet
) -> None:
    call, _ = open_call(session, policies, AWOL_AT_HOME, personal=PERSONAL)
    before = call.version
    with pytest.raises(Conflict) as stale:
        correct_personal_details(
            session,
            actor=TRUSTED_HANDLER,
            call_id=call.id,
            changes={"caller_name": WANTED},
            expected_version=before - 1,
            now=NIGHT,
        )
    assert stale.value.code == "stale_version" and stale.value.field == "version"
    _unchanged(session, call, before)


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"caller_name": "x" * 201}, "caller_name", "200 characters or fewer"),
        ({"caller_phone": "0" * 65}, "caller_phone", "64 characters or fewer"),
        ({"address": "1 Any St\x00"}, "address", "cannot be stored"),
        ({"caller_name": 7}, "caller_name", "must be text"),
        ({"caller_nmae": WANTED}, "caller_nmae", "did you mean `caller_name`?"),
        ({"caller_name": WANTED, "narrative": "x"}, "narrative", "not a personal detail"),
    ],
)
def test_bad_input_is_refused_naming_the_field_and_never_the_value(
    session: Session, policies: PolicySet, changes: dict[str, object], field: str, words: str
) -> None:
    call, _ = open_call(session, policies, AWOL_AT_HOME, personal=PERSONAL)
    before = call.version
    with pytest.raises(RuleViolation) as refused:
        correct_personal_details(
            session,
            actor=TRUSTED_HANDLER,
            call_id=call.id,
            changes=changes,
            expected_version=before,
            now=NIGHT,
        )
    assert refused.value.field == field
    assert words in refused.value.message
    for value in changes.values():
        if isinstance(value, str) and len(value) > 3:
            assert value not in refused.value.message
            assert value not in repr(refused.value)
    _unchanged(session, call, before)
