"""`rightcare db ...`: migrate, back up and restore the configured database.

Exit codes: 0 done; 2 could not run (one clear line on stderr).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from rightcare.settings import SettingsError, get_settings

if TYPE_CHECKING:
    from sqlalchemy.exc import SQLAlchemyError

# SQLAlchemy, Alembic and the backup code are imported inside the commands, so that every
# other `rightcare` command starts without them.

db_app = typer.Typer(
    help="The database: bring it up to date, back it up, restore a backup.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _fail(message: str) -> NoReturn:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(2)


def _database_error(exc: SQLAlchemyError) -> str:
    original = getattr(exc, "orig", None) or exc
    lines = str(original).strip().splitlines()
    return f"database error: {lines[0] if lines else type(exc).__name__}"


@contextmanager
def _database_errors() -> Iterator[None]:
    from sqlalchemy.exc import SQLAlchemyError

    try:
        yield
    except SQLAlchemyError as exc:
        _fail(_database_error(exc))


def _url() -> str:
    from rightcare.storage.engine import DatabaseUrlError, parse_url

    try:
        url = get_settings().database_url
        parse_url(url)
    except (SettingsError, DatabaseUrlError) as exc:
        _fail(str(exc))
    return url


def _shown(url: str) -> str:
    from rightcare.storage.engine import parse_url

    return parse_url(url).render_as_string(hide_password=True)


@db_app.command()
def upgrade(
    revision: Annotated[str, typer.Argument(help="target revision")] = "head",
) -> None:
    """Bring the database schema up to date (creates the tables in a new database)."""
    from rightcare.storage import migrate

    url = _url()
    with _database_errors():
        migrate.upgrade(url, revision)
        now = migrate.current_revision(url)
    typer.echo(f"{_shown(url)}: at revision {now} (newest: {migrate.head_revision()})")


@db_app.command()
def current() -> None:
    """Show the database's schema revision and the newest one this version knows."""
    from rightcare.storage import migrate

    url = _url()
    with _database_errors():
        now = migrate.current_revision(url)
    head = migrate.head_revision()
    state = "up to date" if now == head else "needs `rightcare db upgrade`"
    typer.echo(f"{_shown(url)}: at revision {now or 'none'} (newest: {head}): {state}")


@db_app.command("backup")
def backup_command(
    path: Annotated[Path, typer.Argument(help="new file to write the backup to")],
) -> None:
    """Back up the database to a new file (SQLite: online copy; PostgreSQL: pg_dump)."""
    from rightcare.storage.backup import BackupError, backup

    url = _url()
    with _database_errors():
        try:
            written = backup(url, path)
        except (BackupError, OSError) as exc:
            _fail(str(exc))
    typer.echo(f"backed up {_shown(url)} to {written}")


@db_app.command("restore")
def restore_command(
    path: Annotated[Path, typer.Argument(help="backup file written by `rightcare db backup`")],
    yes_i_am_sure: Annotated[
        str | None,
        typer.Option(
            "--yes-i-am-sure",
            metavar="TARGET",
            help="for scripts: the target database (file or name), retyped",
        ),
    ] = None,
) -> None:
    """Replace the database with a backup. Asks you to retype the target first."""
    from rightcare.storage.backup import BackupError, restore, restore_target

    url = _url()
    try:
        target = restore_target(url)
    except BackupError as exc:
        _fail(str(exc))
    typed = yes_i_am_sure
    if typed is None:
        typer.echo(f"This replaces everything in {target} with the backup {path}.", err=True)
        try:
            typed = typer.prompt(f"To go ahead, type {target}", default="", show_default=False)
        except typer.Abort:
            _fail("no confirmation given: nothing was changed")
    with _database_errors():
        try:
            saved = restore(url, path, confirm=typed)
        except (BackupError, OSError) as exc:
            _fail(str(exc))
    if saved is not None:
        typer.echo(f"the database it replaced is saved at {saved}")
    typer.echo(f"restored {_shown(url)} from {path}")
