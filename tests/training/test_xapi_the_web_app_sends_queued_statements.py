"""While the web app runs with an LRS configured, queued statements reach it within seconds."""

from __future__ import annotations

import datetime as dt
import secrets
import time
from pathlib import Path

import sqlalchemy as sa
from fastapi.testclient import TestClient
from pydantic import SecretStr

from rightcare.settings import Settings
from rightcare.storage.engine import engine_for, make_sessionmaker
from rightcare.training.catalogue import Catalogue
from rightcare.training.models import XapiStatement
from rightcare.web.app import create_app
from tests.training.lrs import LrsServer, lrs, ralph_python
from tests.training.xapi_play import NOW, play_falls

__all__ = ["lrs", "ralph_python"]
WAIT = 20.0


def _unsent(url: str) -> int:
    with make_sessionmaker(engine_for(url))() as session:
        return (
            session.scalar(
                sa.select(sa.func.count())
                .select_from(XapiStatement)
                .where(XapiStatement.sent_at.is_(None))
            )
            or 0
        )


def test_the_web_app_sends_what_learners_queue_while_it_runs(
    database_url: str, tmp_path: Path, mini: Catalogue, lrs: LrsServer
) -> None:
    username, password = lrs.auth
    settings = Settings(
        data_dir=tmp_path,
        database_url=database_url,
        secret_key=SecretStr(secrets.token_urlsafe(48)),
        xapi_endpoint=lrs.endpoint,
        xapi_username=username,
        xapi_password=SecretStr(password),
        xapi_flush_seconds=0.2,
    )
    app = create_app(settings, clock=lambda: NOW + dt.timedelta(days=1))
    with TestClient(app):
        play_falls(make_sessionmaker(engine_for(database_url)), mini)
        deadline = time.monotonic() + WAIT
        while _unsent(database_url) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert _unsent(database_url) == 0, f"still queued after {WAIT:g} s"
    with make_sessionmaker(engine_for(database_url))() as session:
        ids = list(session.execute(sa.select(XapiStatement.id)).scalars())
    assert len(ids) == 6
    for statement_id in ids:
        assert lrs.statement(statement_id) is not None


def test_without_an_lrs_the_web_app_leaves_statements_queued(
    database_url: str, tmp_path: Path, mini: Catalogue
) -> None:
    settings = Settings(
        data_dir=tmp_path,
        database_url=database_url,
        secret_key=SecretStr(secrets.token_urlsafe(48)),
        xapi_flush_seconds=0.1,
    )
    with TestClient(create_app(settings)):
        play_falls(make_sessionmaker(engine_for(database_url)), mini)
        time.sleep(0.5)
    assert _unsent(database_url) == 6
