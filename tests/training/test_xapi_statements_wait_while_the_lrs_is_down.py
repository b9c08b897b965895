"""While the LRS is down statements stay queued, with tries and a reason; once it is back each
is sent, and stored exactly once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine
from typer.testing import CliRunner

from rightcare.cli import app
from rightcare.settings import Settings, get_settings
from rightcare.storage.engine import make_sessionmaker
from rightcare.training.catalogue import Catalogue
from rightcare.training.models import XapiStatement
from rightcare.training.xapi.outbox import FIRST_RETRY, Lrs, backoff, flush, outbox_status
from tests.training.lrs import USERNAME, LrsServer, free_port, ralph_python
from tests.training.xapi_play import NOW, play_falls

__all__ = ["ralph_python"]


def _rows(engine: Engine) -> list[XapiStatement]:
    with make_sessionmaker(engine)() as session:
        return list(session.execute(sa.select(XapiStatement)).scalars())


def test_statements_queue_while_the_lrs_is_down_and_are_sent_once_when_it_is_back(
    engine: Engine, mini: Catalogue, ralph_python: Path, tmp_path: Path
) -> None:
    sessions = make_sessionmaker(engine)
    play_falls(sessions, mini)
    server = LrsServer(ralph_python, tmp_path / "lrs", port=free_port())
    username, password = server.auth
    sender = Lrs(server.endpoint, username, password, timeout=5)
    down_at = NOW + dt.timedelta(hours=1)

    down = flush(sessions, sender, now=down_at)  # nothing listens on the port yet

    assert (down.sent, down.failed, down.remaining) == (0, 6, 6) and down.lrs_down
    assert down.error == "could not reach the LRS (ConnectError)"
    for row in _rows(engine):
        assert row.sent_at is None and row.tries == 1
        assert row.last_error == "could not reach the LRS (ConnectError)"
        assert row.next_try_at == down_at + FIRST_RETRY
    with sessions() as session:
        status = outbox_status(session)
    assert (status.queued, status.failing, status.sent) == (6, 6, 0)
    assert status.oldest_age(down_at) == dt.timedelta(hours=1)  # the attempt, at NOW
    # before the backoff has passed the background sender leaves them alone
    waiting = flush(sessions, sender, now=down_at + dt.timedelta(seconds=1))
    assert (waiting.sent, waiting.failed, waiting.remaining) == (0, 0, 6)

    server.start()
    try:
        requests: list[httpx.Request] = []
        with httpx.Client(
            auth=(username, password),
            headers={"X-Experience-API-Version": "1.0.3"},
            event_hooks={"request": [requests.append]},
        ) as client:
            back = flush(sessions, sender, now=down_at + backoff(1), client=client)
            assert (back.sent, back.failed, back.remaining) == (6, 0, 0)
            sent_requests = len(requests)
            again = flush(sessions, sender, now=down_at + dt.timedelta(hours=1), client=client)
            assert (again.sent, again.remaining) == (0, 0)
            assert len(requests) == sent_requests  # nothing left to send, nothing sent
        rows = _rows(engine)
        for row in rows:
            assert row.tries == 2 and row.sent_at == down_at + backoff(1)
            stored = server.statement(row.id)
            assert stored is not None and stored["verb"] == row.body["verb"]
        held = server.all_statement_ids()
        assert sorted(held) == sorted(row.id for row in rows)  # each exactly once
    finally:
        server.stop()


def test_the_flush_command_fails_while_the_lrs_is_down_and_status_says_why(
    engine: Engine, database_url: str, mini: Catalogue
) -> None:
    play_falls(make_sessionmaker(engine), mini)
    closed = f"http://127.0.0.1:{free_port()}/xAPI"
    settings = Settings(database_url=database_url, xapi_endpoint=closed, xapi_username=USERNAME)
    runner = CliRunner()
    with get_settings.override(settings):
        flushed = runner.invoke(app, ["training", "xapi", "flush"])
        status = runner.invoke(app, ["training", "xapi", "status"])
    assert flushed.exit_code == 1, flushed.output
    assert "sent: 0;" in flushed.output and "still queued: 6" in flushed.output
    assert "could not reach the LRS" in flushed.output
    assert status.exit_code == 0, status.output
    assert "queued: 6" in status.output and "failing: 6" in status.output
    assert f"LRS: {closed}" in status.output


def test_the_flush_command_refuses_to_run_without_an_lrs(database_url: str) -> None:
    with get_settings.override(Settings(database_url=database_url)):
        result = CliRunner().invoke(app, ["training", "xapi", "flush"])
    assert result.exit_code == 2
    assert "RIGHTCARE_XAPI_ENDPOINT" in result.output


@pytest.mark.parametrize(("tries", "wait"), [(1, 5), (2, 10), (3, 20), (10, 2560), (40, 3600)])
def test_retries_back_off_exponentially_up_to_an_hour(tries: int, wait: int) -> None:
    assert backoff(tries) == dt.timedelta(seconds=wait)
