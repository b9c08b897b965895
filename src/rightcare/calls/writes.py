"""The hot writes of a call (a new call, a stored assessment, a decision) as single statements.

The ORM's unit of work costs more than the rows it writes on these paths: a flush that inserts
one snapshot and moves the call's version on spent a millisecond reconciling state, more than
the engine and the narrative reader together (bench/store_path.py). These write the same rows
with one Core statement each and leave the ORM objects as if they had been loaded from the
database, so the caller (the API, the screens, the CLI) reads them as before and a later ORM
change to them in the same unit of work is written as usual.

Only the call services use this, and only for rows they build whole. The version check is the
ORM's own rule (`version_id_col`) written out: an UPDATE that finds another version changes
nothing and becomes the same `Conflict` (`access.lost_race`) as a `StaleDataError` does in
`access.flush`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session, make_transient_to_detached
from sqlalchemy.orm.attributes import set_committed_value

from rightcare.calls.access import lost_race
from rightcare.calls.models import Call
from rightcare.storage.base import Base

_CALL: sa.Table = Call.__table__  # type: ignore[assignment]
# Per model: its INSERT, its columns, and those left NULL when unset (nullable, no default).
_INSERTS: dict[type[Base], tuple[sa.Insert, tuple[str, ...], frozenset[str]]] = {}


def _insert_for(model: type[Base]) -> tuple[sa.Insert, tuple[str, ...], frozenset[str]]:
    found = _INSERTS.get(model)
    if found is None:
        table: sa.Table = model.__table__  # type: ignore[assignment]
        nullable = frozenset(
            c.key
            for c in table.columns
            if c.nullable and c.default is None and c.server_default is None
        )
        found = (table.insert(), tuple(c.key for c in table.columns), nullable)
        _INSERTS[model] = found
    return found


def insert_whole(session: Session, *rows: Base) -> None:
    """INSERT each new object (in the order given: parents first) and attach it to the session
    as persistent and unchanged, as if just loaded. Every column with a default must already be
    set on the object (ids, times and defaults included: nothing is generated here); a nullable
    column left unset is NULL, on the object too, so reading it back needs no query."""
    plans = [_insert_for(type(row)) for row in rows]
    for row, (_, columns, nullable) in zip(rows, plans, strict=True):  # all checked, then written
        for key in columns:
            if key not in row.__dict__:
                if key not in nullable:
                    raise ValueError(f"{type(row).__name__}.{key} must be set before insert")
                setattr(row, key, None)
    connection = session.connection()
    for row, (statement, columns, _) in zip(rows, plans, strict=True):
        connection.execute(statement, {key: row.__dict__[key] for key in columns})
    # All given identities before any is added: adding a parent cascades to the children
    # already linked to it, which must then attach as persistent, not pending.
    for row in rows:
        make_transient_to_detached(row)
    session.add_all(rows)


# One UPDATE per set of columns changed, built once: building the statement and its cache key
# afresh on every write cost as much as executing it.
_UPDATES: dict[frozenset[str], sa.Update] = {}


def _update_for(keys: frozenset[str]) -> sa.Update:
    found = _UPDATES.get(keys)
    if found is None:
        found = (
            _CALL.update()
            .where(
                _CALL.c.id == sa.bindparam("match_id"),
                _CALL.c.version == sa.bindparam("match_version"),
            )
            .values({key: sa.bindparam(key) for key in sorted(keys)})
        )
        _UPDATES[keys] = found
    return found


def bump_call(session: Session, call: Call, *, now: dt.datetime, **values: Any) -> None:
    """Move the call's version on (the API's ETag) and set `values` on it, in one UPDATE that
    only matches the version this unit of work read; the ORM object is left showing the new
    row. A lost race (someone else wrote the call first) is a `Conflict` and changes nothing."""
    read = call.version
    changes = {"version": read + 1, "updated_at": now, **values}
    statement = _update_for(frozenset(changes))
    result = session.connection().execute(
        statement, {"match_id": call.id, "match_version": read, **changes}
    )
    if result.rowcount != 1:
        raise lost_race(call)
    for key, value in changes.items():
        set_committed_value(call, key, value)


def link(owner: Base, collection: str, row: Base) -> None:
    """Add a row just inserted to `owner`'s collection if this unit of work loaded it, as a
    committed value: no change for the flush to reconcile, and a collection never loaded is not
    loaded (with every row in it) only to append one."""
    if collection in owner.__dict__:
        set_committed_value(owner, collection, [*getattr(owner, collection), row])
