"""Shared by the call services: who may do what, loading by id, the injected clock, audit.

Permissions: people by role, systems by API-token scope, the system itself (escalation) always.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any, NamedTuple, TypeVar

import sqlalchemy as sa
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified
from sqlalchemy.orm.exc import StaleDataError

from rightcare.audit import record
from rightcare.auth.actor import Actor
from rightcare.auth.models import Role
from rightcare.calls.errors import Conflict, Forbidden, NotFound, RuleViolation
from rightcare.calls.models import Assessment, Call
from rightcare.storage.base import Base

# Who may do what. Admins run the system; they do not handle calls.
HANDLE = frozenset({Role.CALL_HANDLER, Role.SUPERVISOR})
READ = frozenset({Role.CALL_HANDLER, Role.SUPERVISOR, Role.AUDITOR, Role.ADMIN, Role.ANALYST})
SUPERVISE = frozenset({Role.SUPERVISOR})

SCOPE_WRITE = "calls:write"
SCOPE_READ = "calls:read"

_WHAT = {HANDLE: "handle calls", READ: "read calls", SUPERVISE: "supervise calls"}

T = TypeVar("T", bound=Base)


def require(actor: Actor, roles: frozenset[Role], *, scope: str | None = None) -> None:
    """Refuse unless the actor may act: a role for people, a scope for API tokens."""
    if actor.kind == "system":
        return
    if actor.kind == "token":
        scopes = {scope, SCOPE_WRITE} if scope == SCOPE_READ else {scope}
        if scope is not None and not actor.scopes.isdisjoint(scopes):
            return
        raise Forbidden(
            f"this API token does not have the `{scope}` permission"
            if scope
            else "this needs a person signed in, not an API token"
        )
    if actor.has(*roles):
        return
    what = _WHAT.get(roles, "do this")
    raise Forbidden(f"your role does not allow you to {what}")


def load(session: Session, model: type[T], ident: str, *, field: str, what: str) -> T:
    found = session.get(model, ident)
    if found is None:
        raise NotFound(f"no {what} with id {ident}", field=field)
    return found


def load_call(session: Session, call_id: str) -> Call:
    return load(session, Call, call_id, field="call_id", what="call")


def utc(now: dt.datetime) -> dt.datetime:
    """The injected clock, as aware UTC. A naive time is a programming error, not user input."""
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError(f"naive datetime {now.isoformat()}: services take aware UTC times")
    return now.astimezone(dt.UTC)


def user_time(value: dt.datetime, *, field: str, now: dt.datetime) -> dt.datetime:
    """A time someone typed or sent: must carry a zone and must not be in the future."""
    if value.tzinfo is None or value.utcoffset() is None:
        raise RuleViolation(
            "give the time with its time zone (for example 2026-11-28T23:41:00Z)",
            code="naive_time",
            field=field,
        )
    value = value.astimezone(dt.UTC)
    if value > now:
        raise RuleViolation("that time is in the future", code="future_time", field=field)
    return value


def check_version(call: Call, expected_version: int | None) -> None:
    if expected_version is not None and expected_version != call.version:
        raise Conflict(
            f"call {call.reference} was changed by someone else (you had version "
            f"{expected_version}, it is now {call.version}); reload it and try again",
            code="stale_version",
            field="version",
        )


def touch(call: Call, now: dt.datetime) -> None:
    """Mark the call changed, so its version moves on (the API's ETag) even if no column did."""
    call.updated_at = now
    flag_modified(call, "updated_at")


def flush(session: Session, call: Call | None = None) -> None:
    """Flush, turning a lost race on the call's version into a Conflict."""
    try:
        session.flush()
    except StaleDataError as exc:
        raise lost_race(call) from exc


def lost_race(call: Call | None) -> Conflict:
    """Someone else wrote the call between this unit of work reading and writing it."""
    reference = call.reference if call is not None else "this call"
    return Conflict(
        f"{reference} was changed by someone else at the same moment; reload it and try again",
        code="stale_version",
        field="version",
    )


def audit(
    session: Session,
    *,
    actor: Actor,
    action: str,
    call: Call,
    now: dt.datetime,
    details: Mapping[str, Any] | None = None,
) -> None:
    """Every entry about a call is filed under the call, so its timeline is one query."""
    flush(session, call)
    record(
        session,
        actor=actor.name,
        action=action,
        entity="call",
        entity_id=call.id,
        details={"reference": call.reference, **(details or {})},
        at=now,
    )


def after(previous: dt.datetime | None, now: dt.datetime) -> dt.datetime:
    """`now`, nudged a microsecond past `previous` if needed, so rows of one call keep a strict
    order by time even when two arrive in the same instant (tests, or a fast C&C retry)."""
    if previous is not None and now <= previous:
        return previous + dt.timedelta(microseconds=1)
    return now


class Newest(NamedTuple):
    """The few columns of a call's latest snapshot that the next write needs."""

    id: str
    created_at: dt.datetime
    input: dict[str, Any]


def load_call_and_newest(session: Session, call_id: str) -> tuple[Call, Newest | None]:
    """The call and the few columns of its latest snapshot that the next write needs, in one
    query (on PostgreSQL a query is a round trip to the server; assessing or deciding needs
    both before it writes anything). Rows of a call never share a created_at (see `after`)."""
    row = session.execute(_CALL_AND_NEWEST, {"call_id": call_id}).first()
    if row is None:
        raise NotFound(f"no call with id {call_id}", field="call_id")
    call, newest_id, created_at, input_ = row
    return call, None if newest_id is None else Newest(newest_id, created_at, input_)


_ASSESSMENT: sa.Table = Assessment.__table__  # type: ignore[assignment]
_EARLIER = _ASSESSMENT.alias("earlier")
_CALL_AND_NEWEST = (
    sa.select(Call, _ASSESSMENT.c.id, _ASSESSMENT.c.created_at, _ASSESSMENT.c.input)
    .outerjoin(
        _ASSESSMENT,
        _ASSESSMENT.c.id
        == sa.select(_EARLIER.c.id)
        .where(_EARLIER.c.call_id == Call.id)
        .order_by(_EARLIER.c.created_at.desc())
        .limit(1)
        .scalar_subquery(),
    )
    .where(Call.id == sa.bindparam("call_id"))
)
