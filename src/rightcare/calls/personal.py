"""Correcting a call's personal details (caller name and phone, subject name, address): a
handler who misheard a name, a supervisor fixing an address.

Only someone who may change a call and may also see personal details may correct them: nobody
corrects what they cannot read. The audit entry names the fields that changed, never their old
or new values, and no refusal repeats a value either (a refusal names the field and the rule).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError
from sqlalchemy.orm import Session

from rightcare.auth.actor import Actor
from rightcare.calls.access import (
    HANDLE,
    SCOPE_WRITE,
    audit,
    check_version,
    load_call,
    require,
    touch,
    utc,
)
from rightcare.calls.errors import Forbidden, RuleViolation
from rightcare.calls.models import PERSONAL_FIELDS, Call
from rightcare.calls.schemas import PERSONAL_LIMITS, CallUpdate
from rightcare.engine.errors import did_you_mean

ACTION = "call.personal_details_corrected"
SCOPE_PERSONAL = "personal:read"  # a token's personal-details permission (web.permissions.Scope)


def correct_personal_details(
    session: Session,
    *,
    actor: Actor,
    call_id: str,
    changes: Mapping[str, Any],
    expected_version: int | None = None,
    now: dt.datetime,
) -> Call:
    """Set the personal details named in `changes` (None clears one; those not named stay).

    Refused: an actor who may not change calls or may not see personal details (Forbidden), an
    unknown field or a value too long to store (RuleViolation naming the field), a stale
    `expected_version` (Conflict). A correction that changes nothing (every value as recorded,
    or no field named) is a no-op: it succeeds without a new version or audit entry. Otherwise
    the call's version moves on and one `call.personal_details_corrected` entry lists the
    fields that changed."""
    _require_personal(actor)
    wanted = _parse(changes)
    call = load_call(session, call_id)
    check_version(call, expected_version)
    changed = [
        name for name in PERSONAL_FIELDS if name in wanted and wanted[name] != getattr(call, name)
    ]
    if not changed:
        return call
    now = utc(now)
    for name in changed:
        setattr(call, name, wanted[name])
    touch(call, now)
    audit(session, actor=actor, action=ACTION, call=call, now=now, details={"fields": changed})
    return call


def _require_personal(actor: Actor) -> None:
    require(actor, HANDLE, scope=SCOPE_WRITE)
    if actor.can_see_personal:
        return
    if actor.kind == "token":
        raise Forbidden(f"this API token does not have the `{SCOPE_PERSONAL}` permission")
    if actor.kind == "system":
        raise Forbidden("personal details are corrected by a person, not by the system")
    raise Forbidden("you do not have permission to see or correct personal details")


def _parse(changes: Mapping[str, Any]) -> dict[str, str | None]:
    """The named fields, checked as at creation. Messages never quote a value."""
    for name in changes:
        if name not in PERSONAL_FIELDS:
            shown = str(name)[:60]
            raise RuleViolation(
                f"`{shown}` is not a personal detail that can be corrected"
                f"{did_you_mean(shown, PERSONAL_FIELDS)}",
                code="unknown_field",
                field=shown,
            )
    try:
        parsed = CallUpdate.model_validate(dict(changes))
    except ValidationError as exc:
        error = exc.errors(include_url=False, include_input=False)[0]
        field = str(error["loc"][0]) if error["loc"] else "body"
        raise RuleViolation(_plain(field, error["type"]), code="invalid", field=field) from None
    return {name: getattr(parsed, name) for name in changes}


def _plain(field: str, kind: str) -> str:
    if kind == "string_too_long":
        return f"`{field}` must be {PERSONAL_LIMITS[field]:,} characters or fewer"
    if kind == "string_type":
        return f"`{field}` must be text, or null to clear it"
    if kind == "value_error":  # the only one CallUpdate raises: a NUL character
        return f"`{field}` contains a character that cannot be stored"
    return f"`{field}` is not valid"
