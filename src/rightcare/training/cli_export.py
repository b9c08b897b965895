"""`rightcare training export`: a course as a SCORM 1.2 or cmi5 package for a learning platform."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from rightcare.engine.errors import CallError, PackError
from rightcare.training.cli import CoursesOption, catalogue_or_exit, fail, training_app
from rightcare.training.export import Format, export_course

FORMATS = ", ".join(f.value for f in Format)


@training_app.command("export")
def export(
    course_id: Annotated[str, typer.Argument(metavar="COURSE", help="the course id")],
    fmt: Annotated[
        str, typer.Option("--format", "-f", metavar="FORMAT", help=f"one of: {FORMATS}")
    ] = Format.SCORM12.value,
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="the zip to write (default: COURSE-VERSION-FORMAT.zip)"),
    ] = None,
    iri: Annotated[
        str | None,
        typer.Option("--iri", help="cmi5 only: the course's IRI (default: a rightcare URN)"),
    ] = None,
    courses: CoursesOption = None,
) -> None:
    """Write a course as a package a learning platform (such as Moodle) imports and plays.

    SCORM 1.2: one SCO per module, reporting score and passed/failed. cmi5: one assignable unit
    per module, reporting by xAPI. Either plays with no network beyond the platform itself.
    """
    # Checked here rather than by an enum option, so a mistake is one plain line, not a box.
    try:
        chosen = Format(fmt.strip().lower())
    except ValueError:
        fail(f"unknown format `{fmt}` (known: {FORMATS})")
    if iri is not None and chosen is not Format.CMI5:
        fail("--iri is only for --format cmi5")
    catalogue = catalogue_or_exit(courses)
    try:
        course = catalogue.course(course_id)
        policy = catalogue.policy_for(course)
    except KeyError as exc:
        fail(str(exc.args[0]))
    except (PackError, CallError) as exc:
        fail(str(exc))
    target = out or Path(f"{course.id}-{course.version}-{chosen.value}.zip")
    if target.is_dir():
        fail(f"cannot write {target}: it is a folder; give a file name ending .zip")
    try:
        written = export_course(course, policy, chosen, target, course_iri=iri)
    except OSError as exc:
        fail(f"cannot write {target}: {exc.strerror or exc}")
    typer.echo(
        f"wrote {written.path} ({chosen.value}): {course.id} {course.version}, "
        f"{len(written.modules)} modules, {written.scenarios} scenarios, {written.bytes} bytes"
    )
    typer.echo(f"  policy {policy.pack.id} {policy.pack.version} {policy.digest}")
    typer.echo(f"  course digest {course.digest}")
    for module in written.modules:
        drawn = f", {module.drawn} drawn per attempt" if module.drawn < module.scenarios else ""
        typer.echo(f"  - {module.id}: {module.title} ({module.scenarios} scenarios{drawn})")
