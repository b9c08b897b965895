"""Back up, change the database, restore: the backup's contents come back, and only when the
operator has retyped the target correctly."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rightcare.calls.models import Call
from rightcare.settings import get_settings
from rightcare.storage.backup import BackupError, backup, restore, restore_target
from rightcare.storage.cli import db_app
from rightcare.storage.engine import make_engine, make_sessionmaker

runner = CliRunner()


def _references(url: str) -> list[str]:
    engine = make_engine(url)
    try:
        with make_sessionmaker(engine)() as session:
            return sorted(call.reference for call in session.query(Call))
    finally:
        engine.dispose()


def _add_call(url: str, reference: str) -> None:
    engine = make_engine(url)
    try:
        with make_sessionmaker(engine).begin() as session:
            session.add(Call(reference=reference, created_by="ann"))
    finally:
        engine.dispose()


def _need_pg_dump(url: str) -> None:
    if url.startswith("postgresql") and shutil.which("pg_dump") is None:
        pytest.skip("pg_dump is not installed (apt-get install postgresql-client)")


@pytest.fixture
def configured(database_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The CLI reads the database from the environment, like the server does."""
    monkeypatch.setenv("RIGHTCARE_DATABASE_URL", database_url)
    monkeypatch.delenv("RIGHTCARE_SECRET_KEY", raising=False)
    get_settings.cache_clear()
    yield database_url
    get_settings.cache_clear()


def test_a_restore_brings_back_what_was_backed_up(database_url: str, tmp_path: Path) -> None:
    _need_pg_dump(database_url)
    _add_call(database_url, "RC-2026-000001")
    saved = backup(database_url, tmp_path / "before.backup")
    _add_call(database_url, "RC-2026-000002")

    restore(database_url, saved, confirm=restore_target(database_url))

    assert _references(database_url) == ["RC-2026-000001"]


def test_a_wrong_confirmation_changes_nothing(database_url: str, tmp_path: Path) -> None:
    _need_pg_dump(database_url)
    _add_call(database_url, "RC-2026-000001")
    saved = backup(database_url, tmp_path / "before.backup")
    _add_call(database_url, "RC-2026-000002")

    with pytest.raises(BackupError, match="does not match"):
        restore(database_url, saved, confirm="production")

    assert _references(database_url) == ["RC-2026-000001", "RC-2026-000002"]


def test_a_backup_never_overwrites_an_existing_file(database_url: str, tmp_path: Path) -> None:
    existing = tmp_path / "taken.backup"
    existing.write_text("keep me")
    with pytest.raises(BackupError, match="already exists"):
        backup(database_url, existing)
    assert existing.read_text() == "keep me"


def test_the_cli_restore_asks_for_the_target_and_refuses_a_wrong_name(
    configured: str, tmp_path: Path
) -> None:
    _need_pg_dump(configured)
    _add_call(configured, "RC-2026-000001")
    backup_file = tmp_path / "nightly.db"
    result = runner.invoke(db_app, ["backup", str(backup_file)])
    assert result.exit_code == 0, result.output
    _add_call(configured, "RC-2026-000002")

    refused = runner.invoke(db_app, ["restore", str(backup_file)], input="rightcare.db\n")
    assert refused.exit_code == 2
    assert "does not match" in refused.output
    assert _references(configured) == ["RC-2026-000001", "RC-2026-000002"]

    target = restore_target(configured)
    accepted = runner.invoke(db_app, ["restore", str(backup_file)], input=f"{target}\n")
    assert accepted.exit_code == 0, accepted.output
    assert _references(configured) == ["RC-2026-000001"]
    if configured.startswith("sqlite"):  # SQLite also keeps the database it replaced
        replaced = list(Path(target).parent.glob("rightcare.db.before-restore-*"))
        assert len(replaced) == 1
        assert _references(f"sqlite:///{replaced[0]}") == ["RC-2026-000001", "RC-2026-000002"]


def test_the_cli_restore_for_scripts_must_name_the_target(configured: str, tmp_path: Path) -> None:
    _need_pg_dump(configured)
    backup_file = tmp_path / "nightly.db"
    assert runner.invoke(db_app, ["backup", str(backup_file)]).exit_code == 0

    wrong = runner.invoke(db_app, ["restore", str(backup_file), "--yes-i-am-sure", "other.db"])
    assert wrong.exit_code == 2
    right = runner.invoke(
        db_app, ["restore", str(backup_file), "--yes-i-am-sure", restore_target(configured)]
    )
    assert right.exit_code == 0, right.output


def test_restoring_a_file_that_is_not_a_backup_is_refused(configured: str, tmp_path: Path) -> None:
    _need_pg_dump(configured)
    junk = tmp_path / "notes.txt"
    junk.write_text("not a database")
    result = runner.invoke(
        db_app, ["restore", str(junk), "--yes-i-am-sure", restore_target(configured)]
    )
    assert result.exit_code == 2
    assert "not a SQLite database" in result.output or "pg_restore failed" in result.output


def test_the_cli_upgrade_reports_the_revision(configured: str) -> None:
    result = runner.invoke(db_app, ["upgrade"])
    assert result.exit_code == 0, result.output
    assert "at revision" in result.output
    assert runner.invoke(db_app, ["current"]).exit_code == 0
