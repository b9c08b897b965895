"""`rightcare audit verify`: check the audit log's hash chain.

Exit codes: 0 the chain is intact; 1 a link is broken (named); 2 could not run.
"""

from __future__ import annotations

from typing import NoReturn

import typer

from rightcare.settings import SettingsError, get_settings

audit_app = typer.Typer(
    help="The audit log: check that no entry was changed or removed.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@audit_app.callback()
def _audit() -> None:
    """The audit log: check that no entry was changed or removed."""


def _fail(message: str) -> NoReturn:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(2)


@audit_app.command()
def verify() -> None:
    """Walk the hash chain from the first entry; name the first broken link if any."""
    # Imported here so other commands do not pay for SQLAlchemy at start-up.
    from sqlalchemy.exc import SQLAlchemyError

    from rightcare.audit.service import verify as verify_chain
    from rightcare.storage.engine import DatabaseUrlError, make_engine, make_sessionmaker

    try:
        engine = make_engine(get_settings().database_url)
    except (SettingsError, DatabaseUrlError) as exc:
        _fail(str(exc))
    try:
        with make_sessionmaker(engine)() as session:
            result = verify_chain(session)
    except SQLAlchemyError as exc:
        original = getattr(exc, "orig", None) or exc
        lines = str(original).strip().splitlines()
        _fail(f"cannot read the audit log: {lines[0] if lines else type(exc).__name__}")
    finally:
        engine.dispose()
    if result.ok:
        typer.echo(result.message)
        return
    typer.echo(result.message, err=True)
    raise typer.Exit(1)
