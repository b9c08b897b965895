"""`rightcare training xapi status|flush`: the xAPI outbox, from the terminal.

Exit codes: 0 done (nothing left that the LRS could have taken); 1 statements remain queued
because the LRS is down, refused our credentials or refused a statement; 2 could not run.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from rightcare.settings import SettingsError, get_settings
from rightcare.training.cli import training_app

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

# The outbox (SQLAlchemy, httpx, the xAPI validator) is imported inside the commands, so every
# other `rightcare` command starts without it.

xapi_app = typer.Typer(
    help="xAPI statements waiting for, or sent to, the Learning Record Store.",
    no_args_is_help=True,
)
training_app.add_typer(xapi_app, name="xapi")


def _fail(message: str) -> NoReturn:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(2)


@contextmanager
def _sessions() -> Iterator[sessionmaker[Session]]:
    from sqlalchemy.exc import SQLAlchemyError

    from rightcare.storage.engine import DatabaseUrlError, make_engine, make_sessionmaker

    try:
        engine = make_engine(get_settings().database_url)
    except (SettingsError, DatabaseUrlError) as exc:
        _fail(str(exc))
    try:
        yield make_sessionmaker(engine)
    except SQLAlchemyError as exc:
        original = getattr(exc, "orig", None) or exc
        lines = str(original).strip().splitlines()
        _fail(f"cannot read the xAPI outbox: {lines[0] if lines else type(exc).__name__}")
    finally:
        engine.dispose()


def _age(delta: dt.timedelta | None) -> str:
    if delta is None:
        return "none waiting"
    seconds = max(0, int(delta.total_seconds()))
    if seconds < 120:
        return f"{seconds} s"
    if seconds < 7200:
        return f"{seconds // 60} min"
    return f"{seconds // 3600} h {seconds % 3600 // 60} min"


@xapi_app.command("status")
def status() -> None:
    """Statements queued, sent, failing and refused, and how long the oldest has waited."""
    from rightcare.training.xapi.outbox import Lrs, outbox_status

    now = dt.datetime.now(dt.UTC)
    with _sessions() as sessions, sessions() as session:
        found = outbox_status(session)
    lrs = Lrs.from_settings(get_settings())
    typer.echo(
        f"LRS: {lrs.endpoint if lrs else 'none configured (statements queue, none are sent)'}"
    )
    typer.echo(f"queued: {found.queued}")
    typer.echo(f"sent: {found.sent}")
    typer.echo(f"failing: {found.failing} (queued after a failed try)")
    typer.echo(f"rejected: {found.rejected} (refused by the LRS as invalid; retried daily)")
    typer.echo(f"oldest queued: {_age(found.oldest_age(now))}")


@xapi_app.command("flush")
def flush_now(
    retry_rejected: Annotated[
        bool, typer.Option("--retry-rejected", help="also resend statements the LRS refused")
    ] = False,
) -> None:
    """Send every queued statement now, ignoring the retry wait."""
    from rightcare.training.xapi.outbox import Lrs, flush

    lrs = Lrs.from_settings(get_settings())
    if lrs is None:
        _fail("no LRS configured: set RIGHTCARE_XAPI_ENDPOINT (statements stay queued meanwhile)")
    with _sessions() as sessions:
        report = flush(
            sessions,
            lrs,
            now=dt.datetime.now(dt.UTC),
            due_only=False,
            retry_rejected=retry_rejected,
        )
    typer.echo(
        f"sent: {report.sent}; already stored: {report.already_stored}; "
        f"rejected: {report.rejected}; failed: {report.failed}; still queued: {report.remaining}"
    )
    if report.lrs_down:
        typer.echo(f"the LRS did not take them: {report.error}; they stay queued", err=True)
        raise typer.Exit(1)
    if report.rejected:
        typer.echo("the LRS refused some statements as invalid; they stay queued", err=True)
        raise typer.Exit(1)
