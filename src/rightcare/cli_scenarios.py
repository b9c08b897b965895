"""`rightcare scenarios ...`: run the scenario library against a pack, and count it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from rightcare.engine.errors import PackError
from rightcare.engine.store import load_policy
from rightcare.scenarios.library import load_scenarios
from rightcare.scenarios.runner import library_stats, run_scenarios

scenarios_app = typer.Typer(help="Run and count the scenario library.", no_args_is_help=True)
FolderOption = Annotated[
    list[Path] | None,
    typer.Option("--scenarios", help="scenario files or folders (default: the bundled library)"),
]


def _load(paths: list[Path] | None):  # type: ignore[no-untyped-def]
    try:
        return load_scenarios(paths or None)
    except PackError as exc:
        for problem in exc.problems:
            typer.echo(f"error: {problem}", err=True)
        raise typer.Exit(2) from exc


@scenarios_app.command("test")
def test_scenarios(
    pack: Annotated[Path | None, typer.Option("--pack", help="pack folder")] = None,
    overlay: Annotated[Path | None, typer.Option("--overlay", help="overlay file")] = None,
    scenarios: FolderOption = None,
) -> None:
    """Assess every scenario; print a table of failures and exit 1 if there are any."""
    try:
        policy = load_policy(pack, overlay)
    except PackError as exc:
        typer.echo(f"error: policy refused: {exc}", err=True)
        raise typer.Exit(2) from exc
    library = _load(scenarios)
    failures = run_scenarios(policy, library)
    label = f"{policy.pack.id} {policy.pack.version}" + (
        f" + {policy.overlay.id}" if policy.overlay else ""
    )
    if failures:
        width = max(len(f.scenario) for f in failures)
        typer.echo(f"{'scenario':<{width}}  {'field':<28} {'expected':<22} got")
        for f in failures:
            typer.echo(f"{f.scenario:<{width}}  {f.field:<28} {f.expected:<22} {f.got}")
        failed = len({f.scenario for f in failures})
        typer.echo(f"{failed} of {len(library)} scenarios failed on {label}", err=True)
        raise typer.Exit(1)
    typer.echo(f"all {len(library)} scenarios pass on {label}")


@scenarios_app.command("stats")
def stats(scenarios: FolderOption = None) -> None:
    """Count the library by NPA phase and outcome, with the share that has a published source."""
    library = _load(scenarios)
    figures = library_stats(library)
    total = int(str(figures["total"])) or 1
    figures["published_share"] = round(int(str(figures["published_source"])) / total, 3)
    figures["borderline_share"] = round(int(str(figures["borderline"])) / total, 3)
    typer.echo(json.dumps(figures, indent=2))


@scenarios_app.command("similar")
def similar(
    text: Annotated[str, typer.Argument(help="a narrative, or - to read it from stdin")],
    k: Annotated[int, typer.Option("-k", min=1, max=20, help="how many scenarios")] = 3,
    scenarios: FolderOption = None,
) -> None:
    """The scenarios closest in meaning to a narrative, with their expected outcomes.

    Needs the optional extra: pip install 'rightcare[similar]'.
    """
    import sys

    from rightcare.narrative.similar import (
        ScenarioText,
        SimilarIndex,
        SimilarUnavailable,
        unavailable_reason,
    )

    reason = unavailable_reason()
    if reason is not None:
        typer.echo(f"error: similar scenarios are not installed: {reason}", err=True)
        raise typer.Exit(2)
    narrative = sys.stdin.read() if text == "-" else text
    library = _load(scenarios)
    items = [
        ScenarioText(
            id=s.id,
            narrative=s.narrative,
            expected=s.expect.model_dump(mode="json", exclude_none=True),
        )
        for s in library
    ]
    try:
        matches = SimilarIndex.build(items).nearest(narrative, k=k)
    except SimilarUnavailable as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    by_id = {s.id: s for s in library}
    for match in matches:
        expected = match.expected
        typer.echo(
            f"{match.score:.2f}  {match.id:<10} {expected['police_response']:<13} "
            f"{expected['lead_agency']:<21} {by_id[match.id].title}"
        )
