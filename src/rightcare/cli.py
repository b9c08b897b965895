"""The rightcare command line: thin over the services the API and tests also use.

Exit codes: 0 success; 1 the command ran but found problems (failing scenarios, invalid lines
in a batch); 2 it could not run (bad input, invalid pack, missing file) - with one clear line.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

from rightcare.audit.cli import audit_app
from rightcare.auth.cli import users_app
from rightcare.cli_pack import pack_app
from rightcare.cli_scenarios import scenarios_app
from rightcare.engine.errors import CallError, PackError
from rightcare.engine.store import PolicySet, load_policy_set
from rightcare.narrative.language_cli import language_app
from rightcare.storage.cli import db_app
from rightcare.training.cli import training_app
from rightcare.web.cli import serve_app

app = typer.Typer(
    name="rightcare",
    help="Right Care Right Person decision support: assess calls, check policy packs, "
    "run the scenario library.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.add_typer(pack_app, name="pack")
app.add_typer(scenarios_app, name="scenarios")
app.add_typer(language_app, name="language")
app.add_typer(db_app, name="db")
app.add_typer(audit_app, name="audit")
app.add_typer(users_app, name="users")
app.add_typer(serve_app, name="serve")
app.add_typer(training_app, name="training")

PackOption = Annotated[
    Path | None, typer.Option("--pack", help="pack folder (default: the bundled national pack)")
]
OverlayOption = Annotated[
    list[Path] | None,
    typer.Option("--overlay", help="force overlay file(s) to load (default: the bundled ones)"),
]


def fail(message: str) -> NoReturn:
    """One clear line on stderr, exit 2."""
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(2)


def load_policies(
    pack: Path | None, overlays: list[Path] | None, force: str | None = None
) -> PolicySet:
    try:
        return load_policy_set(pack, overlays or None, default_force=force)
    except PackError as exc:
        fail(f"policy refused: {exc}")
    except FileNotFoundError as exc:
        fail(str(exc))


def _read_text(source: str) -> str:
    if source == "-":
        return sys.stdin.read()
    path = Path(source)
    if path.is_dir():
        fail(f"{source} is a folder; give a JSON file, or - for standard input")
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        fail(f"{source}: file not found")
    except UnicodeDecodeError:
        fail(f"{source}: not UTF-8 text")


def _json_error(exc: json.JSONDecodeError) -> str:
    return f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"


def _assess_one(policies: PolicySet, data: Any, read_narrative: bool) -> dict[str, Any]:
    from rightcare.calls.assessing import assess_call

    result = assess_call(policies, data, read_narrative=read_narrative)
    return result.model_dump(mode="json")


def _summary_line(n: int, data: Any, result: dict[str, Any]) -> str:
    narrative = data.get("narrative", "") if isinstance(data, dict) else ""
    head = (narrative[:48] + "…") if len(narrative) > 49 else narrative
    asks = len(result["questions_to_ask"])
    return (
        f"{n:>3}  {result['police_response']:<13} {result['lead_agency']:<21} "
        f"{result['disposition']:<15} ask {asks:<2}  {head}"
    )


@app.command()
def assess(
    source: Annotated[str, typer.Argument(help="a JSON file with one call, or - for stdin")],
    jsonl: Annotated[bool, typer.Option("--jsonl", help="JSON Lines in, JSON Lines out")] = False,
    summary: Annotated[
        bool, typer.Option("--summary", help="one readable line per call instead of JSON")
    ] = False,
    force: Annotated[
        str | None, typer.Option("--force", help="overlay id for calls that name no force")
    ] = None,
    no_narrative: Annotated[
        bool, typer.Option("--no-narrative", help="do not read suggestions from the narrative")
    ] = False,
    pack: PackOption = None,
    overlay: OverlayOption = None,
) -> None:
    """Assess calls against the RCRP policy (see shared/spec/assess-contract.md).

    With --jsonl each input line gives one output line, in order; a bad line gives an
    {"error": ...} line and the command exits 1 after finishing the batch.
    """
    policies = load_policies(pack, overlay, force)
    text = _read_text(source)
    read_narrative = not no_narrative
    if not jsonl:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            fail(f"{source}: {_json_error(exc)}")
        try:
            result = _assess_one(policies, data, read_narrative)
        except CallError as exc:
            fail(str(exc))
        typer.echo(_summary_line(1, data, result) if summary else json.dumps(result, indent=2))
        return
    bad = 0
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        record: Any = None
        try:
            record = json.loads(line)
            out = _assess_one(policies, record, read_narrative)
        except json.JSONDecodeError as exc:
            out = {"error": _json_error(exc), "line": n}
        except CallError as exc:
            out = {"error": str(exc), "field": exc.field_path, "line": n}
        if "error" in out:
            bad += 1
            typer.echo(f"{n:>3}  error: {out['error']}" if summary else json.dumps(out))
        else:
            typer.echo(_summary_line(n, record, out) if summary else json.dumps(out))
    if bad:
        typer.echo(f"{bad} line{'s' * (bad > 1)} could not be assessed", err=True)
        raise typer.Exit(1)


@app.command()
def train(
    course: Annotated[str, typer.Option("--course", help="course id")] = "rcrp-national",
    module: Annotated[
        str | None, typer.Option("--module", help="module id (default: choose from a list)")
    ] = None,
    seed: Annotated[
        int | None, typer.Option("--seed", min=0, help="replay the draw of an earlier session")
    ] = None,
    results: Annotated[
        Path | None, typer.Option("--results", help="write a JSON record of the attempt here")
    ] = None,
    limit: Annotated[
        int | None,
        typer.Option(
            "--limit", min=1, help="only the first N scenarios drawn, for short classroom sessions"
        ),
    ] = None,
    courses: Annotated[
        list[Path] | None,
        typer.Option("--courses", help="course files or folders (default: the bundled courses)"),
    ] = None,
) -> None:
    """Take a training module in the terminal: keyboard only, for classrooms without the server.

    Arrow keys (or j/k) and Enter; PgUp/PgDn scroll long feedback; q or Esc quits after asking.
    The seed printed at the end replays the same scenarios in the same order.
    """
    from rightcare.training.tui import train as run_training  # keeps other commands light

    code = run_training(
        course_id=course,
        module_id=module,
        seed=seed,
        results=results,
        limit=limit,
        courses=courses,
    )
    if code:
        raise typer.Exit(code)


def main() -> None:  # pragma: no cover - entry point
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
