"""`rightcare training ...`: list the courses, and (in cli_export) package them for an LMS."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, NoReturn

import typer

from rightcare.engine.errors import CallError, PackError
from rightcare.training.catalogue import Catalogue, load_catalogue

training_app = typer.Typer(
    help="Training courses built from the scenario library.", no_args_is_help=True
)
CoursesOption = Annotated[
    list[Path] | None,
    typer.Option("--courses", help="course files or folders (default: the bundled courses)"),
]


def fail(message: str) -> NoReturn:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(2)


def catalogue_or_exit(courses: list[Path] | None = None) -> Catalogue:
    """The catalogue, or every problem on stderr and exit 2."""
    try:
        return load_catalogue(courses or None)
    except PackError as exc:
        for problem in exc.problems:
            typer.echo(f"error: {problem}", err=True)
        raise typer.Exit(2) from exc
    except FileNotFoundError as exc:
        fail(str(exc))


@training_app.command("courses")
def list_courses(courses: CoursesOption = None) -> None:
    """Each course with its version, pass mark and modules (scenarios each, and drawn)."""
    catalogue = catalogue_or_exit(courses)
    for course in catalogue.courses.values():
        try:
            policy = catalogue.policy_for(course)
        except (PackError, CallError) as exc:
            fail(str(exc))
        typer.echo(
            f"{course.id} {course.version}: {course.title}\n"
            f"  policy {policy.pack.id} {policy.pack.version} {policy.digest[:19]}; "
            f"pass mark {course.spec.pass_mark}; order {course.spec.order.value}; "
            f"{course.scenario_count} scenarios"
        )
        for module in course.modules:
            drawn = f", {module.size} drawn" if module.size < len(module.scenarios) else ""
            typer.echo(
                f"  - {module.id}: {module.title} ({len(module.scenarios)} scenarios{drawn})"
            )


# The sub-commands register themselves on `training_app` when imported.
from rightcare.training import cli_export, cli_xapi  # noqa: E402, F401
