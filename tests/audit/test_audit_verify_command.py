from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from typer.testing import CliRunner

from rightcare.audit.cli import audit_app
from rightcare.settings import get_settings
from tests.audit.chain import tamper, write_chain

runner = CliRunner()


@pytest.fixture
def configured(database_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("RIGHTCARE_DATABASE_URL", database_url)
    get_settings.cache_clear()
    yield database_url
    get_settings.cache_clear()


def test_verify_exits_0_on_an_intact_chain(configured: str, engine: Engine) -> None:
    write_chain(engine, 3)
    result = runner.invoke(audit_app, ["verify"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("ok: 3 entries, chain intact")


def test_verify_exits_1_naming_the_first_broken_link(configured: str, engine: Engine) -> None:
    write_chain(engine, 4)
    tamper(engine, "DELETE FROM audit_entry WHERE seq = 2")
    result = runner.invoke(audit_app, ["verify"])
    assert result.exit_code == 1
    assert "broken at entry 2: entry 2 is missing" in result.output


def test_verify_exits_2_with_one_line_when_there_is_no_log(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("RIGHTCARE_DATABASE_URL", f"sqlite:///{tmp_path / 'empty.db'}")
    get_settings.cache_clear()
    try:
        result = runner.invoke(audit_app, ["verify"])
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 2
    assert result.output.startswith("error: cannot read the audit log")
    assert len(result.output.strip().splitlines()) == 1
