"""`rightcare users ...` on a SQLite file, through typer's CliRunner (no terminal: a password not
given in a file is made up and printed once)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from typer.testing import CliRunner, Result

from rightcare.audit.models import AuditEntry
from rightcare.auth.models import User
from rightcare.auth.passwords import verify_password
from rightcare.cli import app
from rightcare.settings import Settings, get_settings
from rightcare.storage.engine import dispose_engines, make_engine, make_sessionmaker
from rightcare.storage.migrate import upgrade

runner = CliRunner()
SECRET = "correct horse battery staple"


@pytest.fixture
def url(tmp_path: Path) -> Iterator[str]:
    url = f"sqlite:///{tmp_path / 'rightcare.db'}"
    upgrade(url)
    with get_settings.override(Settings(database_url=url)):
        yield url
    dispose_engines()


@pytest.fixture
def password_file(tmp_path: Path) -> Path:
    path = tmp_path / "password.txt"
    path.write_text(SECRET + "\nsecond line is ignored\n", encoding="utf-8")
    return path


def users(*args: str | Path) -> Result:
    return runner.invoke(app, ["users", *map(str, args)])


def stored(url: str, username: str) -> User:
    engine = make_engine(url)
    try:
        with make_sessionmaker(engine)() as session:
            user = session.scalar(sa.select(User).where(User.username == username))
            assert user is not None
            return user
    finally:
        engine.dispose()


def audit_text(url: str) -> str:
    engine = make_engine(url)
    try:
        with make_sessionmaker(engine)() as session:
            rows = session.scalars(sa.select(AuditEntry).order_by(AuditEntry.seq))
            return "\n".join(
                json.dumps([e.actor, e.action, e.entity_id, e.details, e.hash]) for e in rows
            )
    finally:
        engine.dispose()


def listed(url: str) -> dict[str, dict[str, object]]:
    result = users("list", "--json")
    assert result.exit_code == 0, result.output
    return {row["username"]: row for row in json.loads(result.stdout)}


def test_the_first_admin_is_added_with_a_password_from_a_file(
    url: str, password_file: Path
) -> None:
    result = users(
        "add", "admin", "--name", "Ada Admin", "--role", "admin", "--password-file", password_file
    )
    assert result.exit_code == 0, result.output
    assert SECRET not in result.output
    assert verify_password(stored(url, "admin").password_hash, SECRET)
    assert listed(url) == {
        "admin": {
            "username": "admin",
            "name": "Ada Admin",
            "roles": ["admin"],
            "personal": False,
            "active": True,
            "locked": False,
            "must_change_password": False,  # a password from a file is theirs to keep
        }
    }
    log = audit_text(url)
    assert "user.created" in log and "cli:" in log
    assert SECRET not in log and "Ada Admin" not in log


def test_without_a_terminal_or_file_a_password_is_made_up_and_shown_once(url: str) -> None:
    result = users("add", "hal", "--name", "Hal", "--role", "call_handler", "--personal")
    assert result.exit_code == 0, result.output
    made_up = result.stdout.strip().splitlines()[-1].rsplit(" ", 1)[-1]
    assert len(made_up) >= 20
    assert result.output.count(made_up) == 1
    assert verify_password(stored(url, "hal").password_hash, made_up)
    assert listed(url)["hal"]["personal"] is True
    assert made_up not in audit_text(url)


def test_a_new_password_from_a_file_is_set_and_never_shown(url: str, password_file: Path) -> None:
    assert users("add", "hal", "--name", "Hal", "--role", "call_handler").exit_code == 0
    result = users("set-password", "hal", "--password-file", password_file)
    assert result.exit_code == 0, result.output
    assert SECRET not in result.output
    assert verify_password(stored(url, "hal").password_hash, SECRET)
    assert SECRET not in audit_text(url)


def test_an_account_is_disabled_enabled_with_a_new_password_and_its_roles_changed(
    url: str, password_file: Path
) -> None:
    assert users("add", "admin", "--name", "A", "--role", "admin").exit_code == 0
    assert users("add", "hal", "--name", "Hal", "--role", "call_handler").exit_code == 0
    assert users("disable", "hal").exit_code == 0
    assert listed(url)["hal"]["active"] is False
    assert "already disabled" in users("disable", "hal").output
    assert users("enable", "hal", "--password-file", password_file).exit_code == 0
    assert listed(url)["hal"]["active"] is True
    assert users("roles", "hal", "--role", "supervisor", "--role", "trainer").exit_code == 0
    assert listed(url)["hal"]["roles"] == ["supervisor", "trainer"]
    assert users("personal", "hal", "--allow").exit_code == 0
    assert listed(url)["hal"]["personal"] is True
    assert users("unlock", "hal").exit_code == 0
    table = users("list")
    assert table.exit_code == 0 and "hal" in table.stdout and "USERNAME" in table.stdout


def test_a_wrong_role_exits_2_naming_the_role_and_the_near_miss(url: str) -> None:
    result = users("add", "sam", "--name", "Sam", "--role", "supervsor")
    assert result.exit_code == 2
    assert "error: unknown role 'supervsor'; did you mean 'supervisor'?" in result.stderr
    assert listed(url) == {}


def test_the_last_admin_cannot_be_disabled_from_the_command_line(url: str) -> None:
    assert users("add", "admin", "--name", "A", "--role", "admin").exit_code == 0
    result = users("disable", "admin")
    assert result.exit_code == 2
    assert "last active administrator" in result.stderr
    assert listed(url)["admin"]["active"] is True


def test_an_unknown_username_exits_2(url: str) -> None:
    result = users("unlock", "nobody")
    assert result.exit_code == 2
    assert "error: there is no account called 'nobody'" in result.stderr


def test_a_short_password_in_the_file_is_refused(url: str, tmp_path: Path) -> None:
    short = tmp_path / "short.txt"
    short.write_text("tooshort\n", encoding="utf-8")
    result = users("add", "sam", "--name", "Sam", "--role", "admin", "--password-file", short)
    assert result.exit_code == 2
    assert "at least 12 characters" in result.stderr
    assert "tooshort" not in result.output
    assert listed(url) == {}


def test_a_database_not_at_the_newest_schema_is_refused(tmp_path: Path) -> None:
    with get_settings.override(Settings(database_url=f"sqlite:///{tmp_path / 'new.db'}")):
        result = users("add", "admin", "--name", "A", "--role", "admin")
    assert result.exit_code == 2
    assert "run `rightcare db upgrade` first" in result.stderr
