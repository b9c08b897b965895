"""The outbox's sender delivers statements to a real LRS (ralph), which stores them as sent."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from rightcare.storage.engine import make_sessionmaker
from rightcare.training.catalogue import Catalogue
from rightcare.training.models import XapiStatement
from rightcare.training.xapi.outbox import REJECTED, Lrs, flush, outbox_status
from tests.training.lrs import LrsServer, lrs, ralph_python
from tests.training.xapi_play import NOW, play_falls

__all__ = ["lrs", "ralph_python"]

LATER = NOW + dt.timedelta(hours=1)


def _sender(server: LrsServer) -> Lrs:
    username, password = server.auth
    return Lrs(server.endpoint, username, password, timeout=10)


def _rows(engine: Engine) -> list[XapiStatement]:
    with make_sessionmaker(engine)() as session:
        return list(
            session.execute(sa.select(XapiStatement).order_by(XapiStatement.queued_at)).scalars()
        )


def _same(sent: dict[str, Any], stored: dict[str, Any]) -> None:
    """What we sent survived: actor, verb, object, result, context and time, as sent."""
    for part in ("id", "actor", "verb", "object", "result", "context", "timestamp"):
        assert stored.get(part) == sent.get(part), part


def test_a_module_attempts_statements_are_stored_in_the_lrs_and_read_back(
    engine: Engine, mini: Catalogue, lrs: LrsServer
) -> None:
    sessions = make_sessionmaker(engine)
    attempt_id = play_falls(sessions, mini)
    queued = _rows(engine)
    verbs = [row.body["verb"]["display"]["en-GB"] for row in queued]
    assert verbs == ["attempted", "answered", "answered", "answered", "completed", "passed"]

    report = flush(sessions, _sender(lrs), now=LATER, batch_size=4)

    assert (report.sent, report.failed, report.rejected, report.remaining) == (6, 0, 0, 0)
    for row in _rows(engine):
        assert row.sent_at == LATER and row.tries == 1 and row.last_error is None
        stored = lrs.statement(row.id)
        assert stored is not None, f"the LRS has no statement {row.id}"
        _same(row.body, stored)
        assert stored["context"]["registration"] == attempt_id
        assert stored["actor"]["account"] == {
            "homePage": "https://rightcare.invalid",
            "name": "lee.learner",
        }
    with sessions() as session:
        status = outbox_status(session)
    assert (status.queued, status.sent, status.failing, status.oldest_queued_at) == (0, 6, 0, None)


def test_a_statement_the_lrs_refuses_is_flagged_and_does_not_hold_up_the_rest(
    engine: Engine, mini: Catalogue, lrs: LrsServer
) -> None:
    sessions = make_sessionmaker(engine)
    with sessions() as session, session.begin():
        # queued oldest, straight into the table: the validator would never let it through
        bad = str(uuid.uuid4())
        body = {
            "id": bad,
            "actor": {"account": {"homePage": "https://rightcare.invalid", "name": "x"}},
        }
        old = NOW - dt.timedelta(days=1)
        session.add(XapiStatement(id=bad, body=body, queued_at=old, next_try_at=old))
    play_falls(sessions, mini)

    report = flush(sessions, _sender(lrs), now=LATER)

    assert (report.sent, report.rejected, report.failed, report.remaining) == (6, 1, 0, 1)
    rows = {row.id: row for row in _rows(engine)}
    assert rows[bad].sent_at is None and rows[bad].tries == 1
    assert rows[bad].last_error is not None and rows[bad].last_error.startswith(REJECTED)
    assert "x" not in rows[bad].last_error.split()  # our words, not the reply's
    assert lrs.statement(bad) is None
    with sessions() as session:
        status = outbox_status(session)
    assert (status.queued, status.rejected, status.sent) == (1, 1, 6)
    # flushed again at once (the operator's "send now"), the flagged one is left alone
    again = flush(sessions, _sender(lrs), now=LATER, due_only=False)
    assert (again.sent, again.rejected, again.remaining) == (0, 0, 1)


def test_a_statement_the_lrs_already_holds_under_its_id_counts_as_stored(
    engine: Engine, mini: Catalogue, lrs: LrsServer
) -> None:
    sessions = make_sessionmaker(engine)
    play_falls(sessions, mini)
    first = _rows(engine)[0]
    differing = {**first.body, "verb": {"id": "http://adlnet.gov/expapi/verbs/experienced"}}
    with lrs.client() as http:
        assert http.post(f"{lrs.endpoint}/statements", json=[differing]).status_code == 200

    report = flush(sessions, _sender(lrs), now=LATER)

    assert (report.sent, report.already_stored, report.failed) == (5, 1, 0)
    row = next(r for r in _rows(engine) if r.id == first.id)
    assert row.sent_at == LATER and row.last_error and "409" in row.last_error
