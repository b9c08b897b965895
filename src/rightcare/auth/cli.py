"""`rightcare users ...`: local accounts on the configured database (RIGHTCARE_DATABASE_URL).

The first administrator of a new installation is made here: `rightcare db upgrade`, then
`rightcare users add admin --name "..." --role admin`. Every change is audited under
"cli:<operating-system user>".

Passwords: read from the first line of `--password-file`; otherwise asked for twice, hidden,
at a terminal; otherwise (a script with no terminal) a strong one is made up and printed once.
A password typed or read from a file is never printed.

A made-up password is one-time: the person must change it to one of their own when they first
sign in (the operator has seen it). A password typed or read from a file is theirs to keep,
unless `--one-time` says it must be changed too (for one the operator chose for someone else).

Exit codes: 0 done; 2 could not run or was refused (one clear line on stderr).
"""

from __future__ import annotations

import getpass
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, TypeVar

import typer

from rightcare.settings import SettingsError, get_settings

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

# SQLAlchemy, Alembic and argon2 are imported inside the commands, so that every other
# `rightcare` command starts without them.

users_app = typer.Typer(
    help="Local accounts: add the first administrator, set passwords and roles, disable, "
    "enable and unlock accounts.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

T = TypeVar("T")


UsernameArg = Annotated[str, typer.Argument(help="the account's username (its sign-in name)")]
RoleOption = Annotated[
    list[str],
    typer.Option(
        "--role",
        help="a role: call_handler, supervisor, trainer, analyst, auditor or admin "
        "(repeat for several)",
    ),
]
PasswordFileOption = Annotated[
    Path | None,
    typer.Option(
        "--password-file",
        help="read the password from the first line of this file (default: ask at the "
        "terminal, or make one up and print it once when there is no terminal)",
        dir_okay=False,
    ),
]
OneTimeOption = Annotated[
    bool,
    typer.Option(
        "--one-time",
        help="the person must change the password when they first sign in with it (always so "
        "for a made-up password; use this for one you chose for them)",
    ),
]


def _fail(message: str) -> NoReturn:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(2)


def _operator() -> str:
    """Who the audit log names: the operating-system account running the command."""
    try:
        name = getpass.getuser()
    except (KeyError, OSError):  # no login name and no passwd entry (some containers)
        name = "unknown"
    return f"cli:{name}"


@contextmanager
def _unit_of_work() -> Iterator[Session]:
    """One committed transaction on the configured database, at the newest schema; refusals
    and database errors become one `error:` line and exit 2, with nothing changed."""
    from sqlalchemy.exc import SQLAlchemyError

    from rightcare.auth.users import AccountError
    from rightcare.storage.engine import (
        DatabaseUrlError,
        make_engine,
        parse_url,
        session_scope,
    )
    from rightcare.storage.migrate import current_revision, head_revision

    try:
        url = get_settings().database_url
        parse_url(url)
    except (SettingsError, DatabaseUrlError) as exc:
        _fail(str(exc))
    try:
        current = current_revision(url)
    except SQLAlchemyError as exc:
        _fail(_database_error(exc))
    if current != head_revision():
        _fail("the database is not up to date: run `rightcare db upgrade` first")
    engine = make_engine(url)
    try:
        with session_scope(engine) as session:
            yield session
    except AccountError as exc:
        _fail(exc.message)
    except SQLAlchemyError as exc:
        _fail(_database_error(exc))
    finally:
        engine.dispose()


def _database_error(exc: Exception) -> str:
    original = getattr(exc, "orig", None) or exc
    lines = str(original).strip().splitlines()
    return f"database error: {lines[0] if lines else type(exc).__name__}"


def _run(change: Callable[[Session], T]) -> T:
    with _unit_of_work() as session:
        return change(session)


def _new_password(username: str, password_file: Path | None) -> tuple[str, bool]:
    """The password to set, and whether it was made up here (and so must be shown once)."""
    from rightcare.auth.users import AccountError, check_password

    if password_file is not None:
        try:
            with password_file.open(encoding="utf-8") as handle:
                password = handle.readline().rstrip("\r\n")
        except OSError as exc:
            _fail(f"cannot read the password file {password_file}: {exc.strerror or exc}")
        except UnicodeDecodeError:
            _fail(f"the password file {password_file} is not UTF-8 text")
        if not password:
            _fail(f"the first line of {password_file} is empty: put the password there")
        made_up = False
    elif sys.stdin.isatty():
        try:
            password = typer.prompt(
                f"New password for {username}", hide_input=True, confirmation_prompt=True
            )
        except typer.Abort:
            _fail("no password given: nothing was changed")
        made_up = False
    else:
        from rightcare.auth.passwords import make_up_password

        password = make_up_password()
        made_up = True
    try:
        check_password(password, username=username)
    except AccountError as exc:
        _fail(exc.message)
    return password, made_up


def _show_password(username: str, password: str, *, made_up: bool, one_time: bool) -> None:
    """Print a made-up password once (as the last word, for scripts that read it from there),
    or say that a given one must be changed at first sign-in."""
    if made_up:
        typer.echo(
            f"password for {username} (shown once; pass it on securely; they must change it "
            f"when they first sign in): {password}"
        )
    elif one_time:
        typer.echo(f"{username} must change this password when they first sign in")


@users_app.command("add")
def add(
    username: UsernameArg,
    name: Annotated[
        str, typer.Option("--name", help="the person's name, as shown on screen and in lists")
    ],
    role: RoleOption,
    personal: Annotated[
        bool,
        typer.Option("--personal", help="allow seeing callers' personal details (default: masked)"),
    ] = False,
    password_file: PasswordFileOption = None,
    one_time: OneTimeOption = False,
) -> None:
    """Add an account (the first one: `rightcare users add admin --name "..." --role admin`).
    A made-up password must be changed at first sign-in."""
    from rightcare.auth.users import check_username, create_user, parse_roles

    _run(lambda session: None)  # refuse an out-of-date database before asking for a password
    try:
        check_username(username)
        parse_roles(role)
    except ValueError as exc:
        _fail(str(exc))
    password, made_up = _new_password(username, password_file)
    _run(
        lambda session: create_user(
            session,
            actor=_operator(),
            username=username,
            display_name=name,
            roles=role,
            can_see_personal=personal,
            password=password,
            one_time=one_time or made_up,
        )
    )
    typer.echo(f"added {username}")
    _show_password(username, password, made_up=made_up, one_time=one_time)


@users_app.command("list")
def list_command(
    as_json: Annotated[
        bool, typer.Option("--json", help="one JSON array, for scripts, instead of a table")
    ] = False,
) -> None:
    """List every account: roles, personal-details permission, active, locked out, and
    whether the password must be changed at the next sign-in."""
    from rightcare.auth.listing import account_rows, table_lines

    found = _run(account_rows)
    if as_json:
        typer.echo(json.dumps(found, indent=2, ensure_ascii=False))
        return
    if not found:
        typer.echo("no accounts yet: add one with `rightcare users add`")
        return
    for line in table_lines(found):
        typer.echo(line)


@users_app.command("set-password")
def set_password_command(
    username: UsernameArg,
    password_file: PasswordFileOption = None,
    one_time: OneTimeOption = False,
) -> None:
    """Give an account a new password; it is signed out everywhere. A made-up password must be
    changed at first sign-in."""
    from rightcare.auth.users import get_user, set_password

    _run(lambda session: get_user(session, username))  # say "no such account" before asking
    password, made_up = _new_password(username, password_file)
    _run(
        lambda session: set_password(
            session,
            actor=_operator(),
            username=username,
            password=password,
            one_time=one_time or made_up,
        )
    )
    typer.echo(f"new password set for {username}; their sessions have ended")
    _show_password(username, password, made_up=made_up, one_time=one_time)


@users_app.command("roles")
def roles_command(username: UsernameArg, role: RoleOption) -> None:
    """Replace an account's roles with the ones given."""
    from rightcare.auth.users import set_roles

    user = _run(
        lambda session: set_roles(session, actor=_operator(), username=username, roles=role)
    )
    typer.echo(f"{username}: {', '.join(sorted(r.value for r in user.roles))}")


@users_app.command("personal")
def personal_command(
    username: UsernameArg,
    allow: Annotated[
        bool,
        typer.Option(
            "--allow/--deny",
            help="allow or deny seeing callers' personal details (names, numbers, addresses)",
        ),
    ],
) -> None:
    """Allow or deny an account seeing callers' personal details."""
    from rightcare.auth.users import set_personal_access

    _run(
        lambda session: set_personal_access(
            session, actor=_operator(), username=username, allowed=allow
        )
    )
    state = "may now see" if allow else "no longer sees"
    typer.echo(f"{username} {state} callers' personal details")


@users_app.command("disable")
def disable(username: UsernameArg) -> None:
    """Disable an account: it cannot sign in, and its sessions end at once."""
    from rightcare.auth.users import deactivate

    changed = _run(lambda session: deactivate(session, actor=_operator(), username=username))
    typer.echo(f"disabled {username}" if changed else f"{username} was already disabled")


@users_app.command("enable")
def enable(
    username: UsernameArg,
    password_file: PasswordFileOption = None,
    new_password: Annotated[
        bool,
        typer.Option(
            "--new-password",
            help="give it a new password too: asked for at the terminal, or made up and "
            "printed once when there is no terminal (default: keep its password)",
        ),
    ] = False,
    one_time: OneTimeOption = False,
) -> None:
    """Enable a disabled account, keeping its password unless --password-file or --new-password
    gives a new one (a made-up one must be changed at first sign-in); its sessions from before
    it was disabled stay ended."""
    from rightcare.auth.users import get_user, reactivate

    user = _run(lambda session: get_user(session, username))
    if user.active:
        typer.echo(f"{username} is already enabled")
        return
    password: str | None = None
    made_up = False
    if password_file is not None or new_password:
        password, made_up = _new_password(username, password_file)
    elif one_time:
        _fail("--one-time is about a new password: give one with --password-file or --new-password")
    _run(
        lambda session: reactivate(
            session,
            actor=_operator(),
            username=username,
            password=password,
            one_time=one_time or made_up,
        )
    )
    typer.echo(f"enabled {username}")
    _show_password(username, password or "", made_up=made_up, one_time=one_time)


@users_app.command("unlock")
def unlock_command(username: UsernameArg) -> None:
    """Let an account sign in again after it was locked by failed sign-ins."""
    from rightcare.auth.users import unlock

    _run(lambda session: unlock(session, actor=_operator(), username=username))
    typer.echo(f"unlocked {username}")
