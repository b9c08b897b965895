"""The xAPI outbox: statements queue in the caller's transaction; a sender delivers them.

Queueing happens in the same transaction as the attempt or answer a statement describes, so an
answer the learner saw acknowledged always has its statements, and a rolled-back answer has
none. The sender posts queued statements, oldest first and in batches, to
`{endpoint}/statements`; each statement keeps its own UUID, so a statement sent twice (a crash
between the LRS's reply and our commit) is stored once.

What a reply means:
- 200/204: stored. 409 for one statement: the LRS already holds that id; treated as stored.
- 400/422 (or 409) for a batch: one statement spoils it, so the batch is sent one by one; a
  statement the LRS refuses on its own is flagged ("rejected by the LRS"), kept queued and
  retried only daily, and no longer holds up the rest.
- no connection, a timeout, 401/403, 5xx: the LRS is down or misconfigured; everything stays
  queued with `tries` + 1, an exponential backoff and a short `last_error` (our own words,
  never the reply's body, which may quote the learner), and this run stops.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import httpx
import sqlalchemy as sa
from sqlalchemy.orm import Session, sessionmaker

from rightcare.settings import Settings
from rightcare.training.models import XapiStatement
from rightcare.training.xapi.statements import XAPI_VERSION
from rightcare.training.xapi.validate import validate_statement

REJECTED = "rejected by the LRS"  # last_error prefix that flags a statement the LRS refused
FIRST_RETRY = dt.timedelta(seconds=5)
LONGEST_RETRY = dt.timedelta(hours=1)
REJECTED_RETRY = dt.timedelta(days=1)  # in case the LRS is fixed or upgraded
BATCH_SIZE = 50
INVALID = (400, 422)  # the spec says 400; FastAPI-based LRSs (ralph) answer 422
MAX_BATCHES = 200  # one run sends at most this many batches; the next run goes on


@dataclass(frozen=True)
class Lrs:
    """Where statements go. None from `from_settings` when no endpoint is configured."""

    endpoint: str
    username: str | None = None
    password: str | None = None
    timeout: float = 10.0

    @classmethod
    def from_settings(cls, settings: Settings) -> Lrs | None:
        if not settings.xapi_endpoint:
            return None
        password = settings.xapi_password
        return cls(
            endpoint=settings.xapi_endpoint.rstrip("/"),
            username=settings.xapi_username,
            password=password.get_secret_value() if password else None,
        )

    def client(self) -> httpx.Client:
        auth = (self.username, self.password or "") if self.username else None
        return httpx.Client(
            auth=auth,
            timeout=self.timeout,
            headers={"X-Experience-API-Version": XAPI_VERSION},
        )


def queue(
    session: Session, statements: Iterable[Mapping[str, Any]], *, now: dt.datetime
) -> list[XapiStatement]:
    """Validate and add statements to the outbox in the caller's transaction (no commit).

    Each is queued strictly after the one before it in this session, so an answer and the
    completion it causes (built at the same instant) are sent in the order they happened.
    """
    rows = []
    for body in statements:
        validate_statement(body)
        last: dt.datetime | None = session.info.get(_LAST_QUEUED)
        at = now if last is None or now > last else last + dt.timedelta(microseconds=1)
        session.info[_LAST_QUEUED] = at
        row = XapiStatement(id=body["id"], body=dict(body), queued_at=at, tries=0, next_try_at=now)
        session.add(row)
        rows.append(row)
    return rows


_LAST_QUEUED = "rightcare.xapi.last_queued_at"


class Outcome(enum.Enum):
    STORED = "stored"
    ALREADY_STORED = "already stored"
    REJECTED = "rejected"
    DOWN = "down"


@dataclass
class FlushReport:
    sent: int = 0
    already_stored: int = 0
    rejected: int = 0
    failed: int = 0  # left queued because the LRS could not be reached or refused us
    remaining: int = 0  # queued after this run, due or not
    error: str | None = None  # why the LRS could not take them, for the operator

    @property
    def lrs_down(self) -> bool:
        return self.failed > 0


def backoff(tries: int) -> dt.timedelta:
    """5 s, 10 s, 20 s ... up to an hour: quick while a blip passes, then gentle."""
    delay: dt.timedelta = FIRST_RETRY * 2 ** max(0, min(tries - 1, 20))
    return min(delay, LONGEST_RETRY)


def flush(
    sessions: sessionmaker[Session],
    lrs: Lrs,
    *,
    now: dt.datetime,
    due_only: bool = True,
    retry_rejected: bool = False,
    batch_size: int = BATCH_SIZE,
    client: httpx.Client | None = None,
) -> FlushReport:
    """Send queued statements until none are left, the LRS fails, or MAX_BATCHES are sent.

    Each batch is its own transaction, committed as soon as the LRS has answered, so a crash
    loses at most one batch's marks (those statements are sent again and stored once).
    `due_only=False` ignores the backoff (the operator asked to send now).
    """
    report = FlushReport()
    seen: set[str] = set()
    own_client = client is None
    http = lrs.client() if client is None else client
    try:
        for _ in range(MAX_BATCHES):
            with sessions() as session, session.begin():
                rows = _next_batch(session, now, due_only, retry_rejected, batch_size, seen)
                if not rows:
                    break
                seen.update(row.id for row in rows)
                outcomes, error = _send(http, lrs, rows)
                _apply(rows, outcomes, now, error, report)
            if report.failed:
                break
        with sessions() as session:
            report.remaining = (
                session.scalar(
                    sa.select(sa.func.count())
                    .select_from(XapiStatement)
                    .where(XapiStatement.sent_at.is_(None))
                )
                or 0
            )
    finally:
        if own_client:
            http.close()
    return report


def _next_batch(
    session: Session,
    now: dt.datetime,
    due_only: bool,
    retry_rejected: bool,
    size: int,
    seen: set[str],
) -> list[XapiStatement]:
    query = sa.select(XapiStatement).where(XapiStatement.sent_at.is_(None))
    if due_only:
        query = query.where(XapiStatement.next_try_at <= now)
    if not retry_rejected:
        query = query.where(
            sa.or_(
                XapiStatement.last_error.is_(None), ~XapiStatement.last_error.startswith(REJECTED)
            )
        )
    if seen:
        query = query.where(XapiStatement.id.not_in(seen))
    # SKIP LOCKED: two web workers flushing at once take different statements (PostgreSQL;
    # SQLite serialises writers anyway). The same statement twice would still be stored once.
    query = (
        query.order_by(XapiStatement.queued_at, XapiStatement.id)
        .limit(size)
        .with_for_update(skip_locked=True)
    )
    return list(session.execute(query).scalars())


def _post(http: httpx.Client, lrs: Lrs, rows: Sequence[XapiStatement]) -> httpx.Response:
    return http.post(f"{lrs.endpoint}/statements", json=[row.body for row in rows])


def _send(
    http: httpx.Client, lrs: Lrs, rows: Sequence[XapiStatement]
) -> tuple[dict[str, Outcome], str | None]:
    """Each statement's outcome, and the reason when the LRS could not take them."""
    try:
        reply = _post(http, lrs, rows)
    except httpx.TimeoutException:
        return _all(rows, Outcome.DOWN), f"the LRS did not answer within {lrs.timeout:g} s"
    except httpx.HTTPError as exc:
        return _all(rows, Outcome.DOWN), f"could not reach the LRS ({type(exc).__name__})"
    code = reply.status_code
    if code in (200, 204):
        return _all(rows, Outcome.STORED), None
    if code in (*INVALID, 409, 413) and len(rows) > 1:
        return _one_by_one(http, lrs, rows)
    if code == 409:
        return _all(rows, Outcome.ALREADY_STORED), None
    if code in INVALID:
        return _all(rows, Outcome.REJECTED), None
    if code in (401, 403):
        reason = f"the LRS refused our credentials (HTTP {code}): check RIGHTCARE_XAPI_USERNAME"
        return _all(rows, Outcome.DOWN), reason
    return _all(rows, Outcome.DOWN), f"the LRS answered HTTP {code}"


def _one_by_one(
    http: httpx.Client, lrs: Lrs, rows: Sequence[XapiStatement]
) -> tuple[dict[str, Outcome], str | None]:
    outcomes: dict[str, Outcome] = {}
    for n, row in enumerate(rows):
        single, error = _send(http, lrs, [row])
        outcomes.update(single)
        if error is not None:  # down now: leave the rest for the next run
            outcomes.update(_all(rows[n + 1 :], Outcome.DOWN))
            return outcomes, error
    return outcomes, None


def _all(rows: Sequence[XapiStatement], outcome: Outcome) -> dict[str, Outcome]:
    return {row.id: outcome for row in rows}


def _apply(
    rows: Sequence[XapiStatement],
    outcomes: Mapping[str, Outcome],
    now: dt.datetime,
    error: str | None,
    report: FlushReport,
) -> None:
    for row in rows:
        outcome = outcomes[row.id]
        row.tries += 1
        if outcome is Outcome.STORED:
            row.sent_at, row.last_error = now, None
            report.sent += 1
        elif outcome is Outcome.ALREADY_STORED:
            row.sent_at = now
            row.last_error = "the LRS already held a statement with this id (HTTP 409)"
            report.already_stored += 1
        elif outcome is Outcome.REJECTED:
            row.last_error = f"{REJECTED} as invalid; retried daily"
            row.next_try_at = now + REJECTED_RETRY
            report.rejected += 1
        else:
            row.last_error = (error or "the LRS could not take it")[:200]
            row.next_try_at = now + backoff(row.tries)
            report.failed += 1
            report.error = error


@dataclass(frozen=True)
class OutboxStatus:
    queued: int
    sent: int
    failing: int  # queued, and at least one try failed
    rejected: int  # queued, flagged as refused by the LRS
    oldest_queued_at: dt.datetime | None

    def oldest_age(self, now: dt.datetime) -> dt.timedelta | None:
        return None if self.oldest_queued_at is None else now - self.oldest_queued_at


def outbox_status(session: Session) -> OutboxStatus:
    unsent = XapiStatement.sent_at.is_(None)
    rejected = XapiStatement.last_error.startswith(REJECTED)
    row = session.execute(
        sa.select(
            sa.func.count().filter(unsent),
            sa.func.count().filter(XapiStatement.sent_at.is_not(None)),
            sa.func.count().filter(unsent, XapiStatement.tries > 0),
            sa.func.count().filter(unsent, rejected),
            sa.func.min(XapiStatement.queued_at).filter(unsent),
        )
    ).one()
    return OutboxStatus(
        queued=row[0],
        sent=row[1],
        failing=row[2],
        rejected=row[3],
        oldest_queued_at=row[4],
    )
