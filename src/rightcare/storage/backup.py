"""Back up and restore the database.

SQLite uses the online backup API (safe while the server runs); PostgreSQL uses pg_dump and
pg_restore in their custom format. A restore must be confirmed by retyping the target, and on
SQLite the database being replaced is first saved beside itself.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from sqlalchemy.engine import URL

from rightcare.storage.engine import dispose_engines, parse_url, sqlite_path


class BackupError(RuntimeError):
    """A backup or restore could not be done; the message says why, in one line."""


def restore_target(url: str | URL) -> str:
    """What the operator must retype to restore over this database: its file or its name."""
    parsed = parse_url(url)
    if parsed.get_backend_name() == "sqlite":
        path = sqlite_path(parsed)
        if path is None:
            raise BackupError("an in-memory SQLite database cannot be backed up or restored")
        return str(path)
    if not parsed.database:
        raise BackupError("the PostgreSQL URL names no database")
    return parsed.database


def confirmation_matches(url: str | URL, typed: str) -> bool:
    target = restore_target(url)
    typed = typed.strip()
    if typed == target:
        return True
    path = sqlite_path(url)
    return path is not None and bool(typed) and Path(typed).resolve() == path.resolve()


def _libpq(url: str | URL) -> tuple[str, dict[str, str]]:
    """A libpq URL for the PostgreSQL tools, with the password moved into the environment."""
    parsed = parse_url(url)
    env = dict(os.environ)
    if parsed.password is not None:
        env["PGPASSWORD"] = str(parsed.password)
    plain = parsed.set(drivername="postgresql", password=None)
    return plain.render_as_string(hide_password=False), env


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise BackupError(
            f"{name} is not on PATH: install the PostgreSQL client tools "
            "(apt-get install postgresql-client) matching the server's version"
        )
    return found


def _run(command: list[str], env: dict[str, str]) -> None:
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        lines = (result.stderr or result.stdout).strip().splitlines()
        raise BackupError(f"{Path(command[0]).name} failed: {lines[0] if lines else 'no output'}")


def _check_sqlite_file(path: Path) -> None:
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
            status = connection.execute("PRAGMA quick_check").fetchone()
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        connection.close()
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"{path} is not a SQLite database ({exc})") from exc
    if status is None or status[0] != "ok":
        raise BackupError(f"{path} is damaged: {status[0] if status else 'no answer'}")
    if "alembic_version" not in tables:
        raise BackupError(f"{path} is not a rightcare database (it has no schema version)")


def _copy_sqlite(source: Path, destination: Path) -> None:
    src = sqlite3.connect(source)
    dst = sqlite3.connect(destination)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


def backup(url: str | URL, destination: Path) -> Path:
    """Write a backup of the database to `destination` (never overwriting a file)."""
    destination = Path(destination)
    if destination.exists():
        raise BackupError(f"{destination} already exists: choose a new file name")
    if not destination.parent.is_dir():
        raise BackupError(f"folder {destination.parent} does not exist")
    parsed = parse_url(url)
    if parsed.get_backend_name() == "sqlite":
        source = Path(restore_target(parsed))
        if not source.is_file():
            raise BackupError(f"no database at {source}")
        partial = destination.with_name(destination.name + ".partial")
        partial.unlink(missing_ok=True)
        try:
            _copy_sqlite(source, partial)
            _check_sqlite_file(partial)
            partial.rename(destination)
        finally:
            partial.unlink(missing_ok=True)
        return destination
    pg_dump = _tool("pg_dump")
    dsn, env = _libpq(parsed)
    _run([pg_dump, "--format=custom", "--no-owner", f"--file={destination}", dsn], env)
    return destination


def restore(url: str | URL, source: Path, *, confirm: str) -> Path | None:
    """Replace the database with the backup at `source`, if `confirm` names the target.

    Returns where the replaced SQLite database was saved (None on PostgreSQL).
    """
    source = Path(source)
    target = restore_target(url)
    if not confirmation_matches(url, confirm):
        raise BackupError(
            f"confirmation {confirm.strip()!r} does not match {target!r}: nothing was changed"
        )
    if not source.is_file():
        raise BackupError(f"no backup file at {source}")
    parsed = parse_url(url)
    dispose_engines()  # this process must not hold connections to what is being replaced
    if parsed.get_backend_name() == "sqlite":
        _check_sqlite_file(source)
        target_path = Path(target)
        saved: Path | None = None
        if target_path.is_file():
            stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
            saved = target_path.with_name(f"{target_path.name}.before-restore-{stamp}")
            _copy_sqlite(target_path, saved)
        target_path.parent.mkdir(parents=True, exist_ok=True)
        _copy_sqlite(source, target_path)
        return saved
    pg_restore = _tool("pg_restore")
    dsn, env = _libpq(parsed)
    _run(
        [
            pg_restore,
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            f"--dbname={dsn}",
            str(source),
        ],
        env,
    )
    return None
