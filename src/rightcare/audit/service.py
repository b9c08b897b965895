"""Write and check the hash-chained audit log.

`record` adds an entry to the caller's unit of work: the entry and the change it describes
commit together or not at all. Entries are chained (each holds the hash of the one before), so
writers are serialised while they pick the next link: on PostgreSQL by a transaction-scoped
advisory lock, on SQLite by the database write lock. Entries are linked and written together
just before the session commits (`write_pending`, run by the session's `before_commit` event),
so that lock is taken as late as possible and held only for one read of the chain's head, one
INSERT and the commit, however many entries the unit of work made (on PostgreSQL the lock and
the head read go to the server together, in one round trip). Until then an entry has no
`seq`, `prev_hash` or `hash`; they are filled in on the same object when it is written.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

import sqlalchemy as sa
from sqlalchemy.orm import ORMExecuteState, Session

from rightcare.audit.models import GENESIS_HASH, AuditEntry
from rightcare.storage.base import utcnow

# "RCAUDIT" as a signed 64-bit key: one advisory lock for the whole chain.
ADVISORY_LOCK_KEY = int.from_bytes(b"RCAUDIT\x00", "big", signed=True)

# Details must never carry personal data: these keys are refused wherever they appear.
PERSONAL_KEYS = frozenset(
    {
        "address",
        "caller_name",
        "caller_phone",
        "date_of_birth",
        "dob",
        "email",
        "name",
        "narrative",
        "password",
        "password_hash",
        "phone",
        "secret",
        "subject_name",
        "token",
    }
)


class AuditDetailsError(ValueError):
    """The details of an audit entry are not plain JSON, or carry personal data."""


def canonical_json(value: Any) -> str:
    """One spelling per value: sorted keys, no spaces, UTF-8 kept as is."""
    return json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    )


def format_at(at: dt.datetime) -> str:
    return at.astimezone(dt.UTC).isoformat(timespec="microseconds")


def entry_hash(
    *,
    seq: int,
    at: dt.datetime,
    actor: str,
    action: str,
    entity: str,
    entity_id: str,
    details: Mapping[str, Any],
    prev_hash: str,
) -> str:
    document = {
        "seq": seq,
        "at": format_at(at),
        "actor": actor,
        "action": action,
        "entity": entity,
        "entity_id": entity_id,
        "details": details,
        "prev_hash": prev_hash,
    }
    return hashlib.sha256(canonical_json(document).encode("utf-8")).hexdigest()


def hash_of(entry: AuditEntry) -> str:
    """The hash `entry` should carry, recomputed from its stored columns."""
    return entry_hash(
        seq=entry.seq,
        at=entry.at,
        actor=entry.actor,
        action=entry.action,
        entity=entry.entity,
        entity_id=entry.entity_id,
        details=entry.details,
        prev_hash=entry.prev_hash,
    )


def _check_details(value: Any, path: str = "details") -> None:
    if isinstance(value, Mapping):
        for key, item in value.items():
            if not isinstance(key, str):
                raise AuditDetailsError(f"{path}: keys must be text, not {key!r}")
            if key.lower() in PERSONAL_KEYS:
                raise AuditDetailsError(
                    f"{path}.{key}: personal data must not go in the audit log; record the "
                    "entity id (the call) instead"
                )
            _check_details(item, f"{path}.{key}")
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            _check_details(item, f"{path}[{index}]")


def _normalise_details(details: Mapping[str, Any] | None) -> dict[str, Any]:
    """Plain JSON, as it will read back from the database (so the hash verifies later)."""
    if details is None:
        return {}
    _check_details(details)
    try:
        loaded: dict[str, Any] = json.loads(canonical_json(dict(details)))
    except (TypeError, ValueError) as exc:
        raise AuditDetailsError(f"details must be plain JSON: {exc}") from exc
    return loaded


class _Head(NamedTuple):
    """The newest entry's link: the next entry follows it."""

    seq: int
    hash: str


def _locked_head(session: Session) -> _Head | None:
    """Take the chain's writer lock (held until the transaction ends), then read the chain's
    head: on PostgreSQL an advisory lock, both in one round trip (`_locked_head_postgresql`);
    on SQLite the database's write lock, which this transaction usually holds already."""
    connection = session.connection()  # Core, not ORM: nothing here needs the identity map
    if connection.dialect.name == "postgresql":
        return _locked_head_postgresql(connection)
    if not _sqlite_writing(session):
        # A write that touches no row still takes SQLite's write lock, which then serialises
        # every other writer until this transaction ends; the triggers fire per row, so none.
        connection.execute(sa.text("UPDATE audit_entry SET seq = seq WHERE 1 = 0"))
    row = connection.execute(_LAST).first()
    return None if row is None else _Head(row.seq, row.hash)


def _sqlite_writing(session: Session) -> bool:
    """Whether this transaction already holds SQLite's write lock. The sqlite3 module opens a
    transaction only before a data-changing statement (reads run outside one), and that
    statement took the lock, which is then held to the end: asking for it again is wasted work
    on the busiest path (every assessment)."""
    dbapi = session.connection().connection.dbapi_connection
    return bool(getattr(dbapi, "in_transaction", False))


def record(
    session: Session,
    *,
    actor: str,
    action: str,
    entity: str,
    entity_id: str,
    details: Mapping[str, Any] | None = None,
    at: dt.datetime | None = None,
) -> AuditEntry:
    """Add one entry to the caller's unit of work; it is written just before the session
    commits and dropped if it rolls back. Refuses personal data in `details` here, at once.

    The returned object carries the entry's columns (`seq` and the hashes once it is written);
    it is not attached to the session (query the table to read entries back)."""
    entry = AuditEntry(
        at=(at or utcnow()).astimezone(dt.UTC),
        actor=actor,
        action=action,
        entity=entity,
        entity_id=str(entity_id),
        details=_normalise_details(details),
    )
    session.connection()  # begins the transaction (if none), whose end drops what is pending
    session.info.setdefault(_PENDING, []).append(entry)
    return entry


def write_pending(session: Session) -> int:
    """Link and write the entries recorded in this unit of work (in the order recorded), in
    the caller's transaction; return how many. Runs before every commit; call it directly only
    to read the entries back before committing."""
    pending: list[AuditEntry] | None = session.info.pop(_PENDING, None)
    if not pending:
        return 0
    session.flush()  # the changes the entries describe go first
    last = _locked_head(session)
    seq = 1 if last is None else last.seq + 1
    prev_hash = GENESIS_HASH if last is None else last.hash
    rows = []
    for entry in pending:
        entry.seq, entry.prev_hash = seq, prev_hash
        entry.hash = prev_hash = hash_of(entry)
        seq += 1
        rows.append({column: getattr(entry, column) for column in _COLUMNS})
    session.connection().execute(_INSERT, rows)
    return len(rows)


def _locked_head_postgresql(connection: sa.Connection) -> _Head | None:
    """Take the chain's advisory lock, then read its head, in one round trip to the server.

    The two are separate statements, sent together: under READ COMMITTED each statement reads
    from a snapshot taken when it starts, so the head is read after the lock is granted and
    sees whatever the previous holder committed (one statement doing both would read from a
    snapshot taken before it waited). The lock and the head read are the start of the part
    of a write that no other writer may overlap, so a round trip saved here is saved for all.
    """
    cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(_LOCK_THEN_HEAD)  # no parameters: sent as one simple query
        cursor.nextset()  # past the lock's empty result, to the head's
        row = cursor.fetchone()
    finally:
        cursor.close()
    return None if row is None else _Head(int(row[0]), str(row[1]))


_PENDING = "rightcare.audit.pending"  # in Session.info: entries recorded, not yet written


@sa.event.listens_for(Session, "before_commit")
def _write_before_commit(session: Session) -> None:
    write_pending(session)


@sa.event.listens_for(Session, "do_orm_execute")
def _write_before_reading(state: ORMExecuteState) -> None:
    # Like autoflush: a query of the log in the same unit of work sees what it recorded.
    if (
        _PENDING in state.session.info
        and state.is_select
        and any(mapper.class_ is AuditEntry for mapper in state.all_mappers)
    ):
        write_pending(state.session)


@sa.event.listens_for(Session, "after_transaction_end")
def _forget_on_end(session: Session, transaction: Any) -> None:
    # A rollback (or a commit that failed) drops what was recorded with the work it described.
    if transaction.parent is None:
        session.info.pop(_PENDING, None)


_TABLE: sa.Table = AuditEntry.__table__  # type: ignore[assignment]
_COLUMNS = tuple(column.key for column in _TABLE.columns)
_LAST = sa.select(_TABLE.c.seq, _TABLE.c.hash).order_by(_TABLE.c.seq.desc()).limit(1)
_INSERT = _TABLE.insert()
# Literal SQL (the key is a constant, the table ours), so the driver sends both in one message.
_LOCK_THEN_HEAD = (
    f"SELECT pg_advisory_xact_lock({ADVISORY_LOCK_KEY}); "
    f"SELECT seq, hash FROM {_TABLE.name} ORDER BY seq DESC LIMIT 1"
)


@dataclass(frozen=True)
class VerifyResult:
    """What `verify` found: the number of entries read, and the first broken link if any."""

    entries: int
    head_hash: str
    broken_at: int | None = None
    problem: str | None = None

    @property
    def ok(self) -> bool:
        return self.broken_at is None

    @property
    def message(self) -> str:
        if self.ok:
            return f"ok: {self.entries} entries, chain intact (last hash {self.head_hash})"
        return f"broken at entry {self.broken_at}: {self.problem}"


def verify(session: Session, *, batch: int = 1000) -> VerifyResult:
    """Walk the chain from entry 1 and report the first link that does not hold.

    An edited entry no longer matches its own hash; an edited entry whose hash was also
    rewritten breaks the next entry's link; a deleted entry leaves a gap in the sequence.
    (Deleting the newest entries leaves a shorter, intact chain: compare the last hash with
    one noted earlier to catch that.)
    """
    expected_seq = 1
    prev_hash = GENESIS_HASH
    count = 0
    rows = session.execute(
        sa.select(AuditEntry).order_by(AuditEntry.seq).execution_options(yield_per=batch)
    ).scalars()
    for entry in rows:
        if entry.seq != expected_seq:
            missing = (
                f"entry {expected_seq} is missing"
                if entry.seq == expected_seq + 1
                else f"entries {expected_seq} to {entry.seq - 1} are missing"
            )
            return VerifyResult(
                count,
                prev_hash,
                expected_seq,
                f"{missing} (the log jumps from {expected_seq - 1} to {entry.seq})",
            )
        if entry.prev_hash != prev_hash:
            return VerifyResult(
                count,
                prev_hash,
                entry.seq,
                f"entry {entry.seq} does not follow entry {entry.seq - 1}: one of them was "
                "altered or replaced",
            )
        if hash_of(entry) != entry.hash:
            return VerifyResult(
                count,
                prev_hash,
                entry.seq,
                f"entry {entry.seq} was changed after it was written (its contents no longer "
                "match its hash)",
            )
        prev_hash = entry.hash
        expected_seq += 1
        count += 1
        session.expunge(entry)  # keep memory flat on long logs
    return VerifyResult(count, prev_hash)
