from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from rightcare.engine.store import PolicySet
from rightcare.settings import get_settings
from rightcare.storage.engine import dispose_engines
from rightcare.web.cli import serve_app
from rightcare.web.demo import DEMO_USERS


@pytest.fixture
def started(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[str, dict[str, Any]]]:
    import uvicorn

    ran: dict[str, Any] = {}

    def fake_run(app: Any, **kwargs: Any) -> None:
        ran["app"] = app
        ran.update(kwargs)

    monkeypatch.setattr(uvicorn, "run", fake_run)
    for name in ("RIGHTCARE_DEMO", "RIGHTCARE_DATA_DIR", "RIGHTCARE_DATABASE_URL"):
        monkeypatch.delenv(name, raising=False)
    before = dict(os.environ)
    result = CliRunner().invoke(
        serve_app, ["--demo", "--demo-dir", str(tmp_path / "demo"), "--port", "8123"]
    )
    # serve --demo exports the demo settings for its workers; undo that for other tests
    for name in ("RIGHTCARE_DEMO", "RIGHTCARE_DATA_DIR", "RIGHTCARE_DATABASE_URL"):
        if name not in before:
            monkeypatch.delenv(name, raising=False)
    get_settings.cache_clear()
    assert result.exit_code == 0, result.output
    yield result.output, ran
    dispose_engines()


def test_serve_demo_prints_the_address_and_a_password_for_each_role(
    started: tuple[str, dict[str, Any]],
) -> None:
    output, ran = started
    assert "http://127.0.0.1:8123" in output
    assert "SYNTHETIC" in output
    for username, _display, _role, _personal in DEMO_USERS:
        assert re.search(rf"^\s+{username}\s+\S+\s+\(", output, re.MULTILINE), username
    assert ran["host"] == "127.0.0.1"
    assert ran["port"] == 8123


def test_the_printed_password_signs_in_and_synthetic_calls_are_there(
    started: tuple[str, dict[str, Any]],
) -> None:
    output, ran = started
    password = re.search(r"^\s+supervisor\s+(\S+)\s", output, re.MULTILINE)
    assert password is not None
    client = TestClient(ran["app"], base_url="http://127.0.0.1:8123")
    reply = client.post(
        "/api/v1/auth/login", json={"username": "supervisor", "password": password.group(1)}
    )
    assert reply.status_code == 200, reply.text
    assert "secure" not in reply.headers["set-cookie"].lower()  # plain HTTP demo
    calls = client.get("/api/v1/calls").json()
    assert len(calls) == 3
    assert all(call["synthetic"] for call in calls)
    assert all(call["excerpt"].startswith("SYNTHETIC") for call in calls)


def test_a_second_start_keeps_the_calls_and_changes_the_passwords(
    tmp_path: Path, policies: PolicySet
) -> None:
    from rightcare.web.demo import prepare_demo

    first = prepare_demo(policies, data_dir=tmp_path / "demo")
    second = prepare_demo(policies, data_dir=tmp_path / "demo")
    assert first.calls_created == 3
    assert second.calls_created == 0
    assert first.passwords["handler"] != second.passwords["handler"]
    dispose_engines()
