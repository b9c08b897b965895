"""Write a course as a package a learning platform imports: SCORM 1.2 or cmi5.

Both formats carry the same player (`player/`: HTML, CSS and JavaScript, no network and no
third-party code) and, per module, a launch page and the module's data. Only the descriptor
(`imsmanifest.xml` or `cmi5.xml`) and the player's reporting mode differ.

Layout inside the zip:
    imsmanifest.xml | cmi5.xml
    <module>.html            the launch page of each module (one SCO or AU each)
    data/<module>.js         the module's scenarios, answers and feedback (see `content`)
    player/*                 the shared player
"""

from __future__ import annotations

import html
import os
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from importlib import resources
from pathlib import Path

from rightcare.engine.policy import Policy
from rightcare.training.course import Course, Module
from rightcare.training.exercise import Exercise, prepare
from rightcare.training.export import cmi5, scorm12
from rightcare.training.export.content import as_script, module_data

PLAYER_FILES = ("scoring.js", "lms.js", "player.js", "player.css")
# A fixed timestamp, so the same course and policy always give byte-identical packages.
ZIP_TIME = (2020, 1, 1, 0, 0, 0)


class Format(StrEnum):
    SCORM12 = "scorm12"
    CMI5 = "cmi5"


@dataclass(frozen=True)
class ModuleWritten:
    id: str
    title: str
    scenarios: int  # in the module's pool
    drawn: int  # presented per attempt


@dataclass(frozen=True)
class Written:
    path: Path
    format: Format
    modules: tuple[ModuleWritten, ...]
    bytes: int

    @property
    def scenarios(self) -> int:
        return sum(m.scenarios for m in self.modules)


def _player_source(name: str) -> bytes:
    return resources.files("rightcare.training.export").joinpath("player", name).read_bytes()


def launch_page(course: Course, module: Module, policy: Policy) -> str:
    """A module's page: static text escaped here, everything else built by the player."""
    e = html.escape
    return f"""<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="rightcare-course" content="{e(course.id)} {e(course.version)}">
<meta name="rightcare-course-digest" content="{e(course.digest)}">
<meta name="rightcare-policy" content="{e(policy.pack.id)} {e(policy.pack.version)}">
<meta name="rightcare-policy-digest" content="{e(policy.digest)}">
<title>{e(module.title)} - {e(course.title)}</title>
<link rel="stylesheet" href="player/player.css">
</head>
<body>
<header>
<p class="course-title">{e(course.title)}</p>
<h1>{e(module.title)}</h1>
</header>
<main id="main" tabindex="-1" data-state="loading">
<noscript><p>This module needs JavaScript. Ask your trainer for help.</p></noscript>
</main>
<footer>
<p>Course {e(course.id)} version {e(course.version)} ({e(course.digest)}).
Answers from policy {e(policy.pack.id)} {e(policy.pack.version)} ({e(policy.digest)}).</p>
</footer>
<script src="data/{e(module.id)}.js"></script>
<script src="player/scoring.js"></script>
<script src="player/lms.js"></script>
<script src="player/player.js"></script>
</body>
</html>
"""


def _write_atomically(path: Path, fill: Callable[[zipfile.ZipFile], None]) -> int:
    """Write the zip beside its target and rename it in place: never a half-written package."""
    directory = path.parent
    handle, temporary = tempfile.mkstemp(prefix=".rightcare-", suffix=".zip", dir=directory)
    try:
        with os.fdopen(handle, "wb") as raw, zipfile.ZipFile(raw, "w") as archive:
            fill(archive)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path.stat().st_size


def _add(archive: zipfile.ZipFile, name: str, data: bytes | str) -> None:
    info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    archive.writestr(info, data)


def export_course(
    course: Course,
    policy: Policy,
    fmt: Format,
    out: Path,
    *,
    course_iri: str | None = None,
    exercises: dict[str, Exercise] | None = None,
) -> Written:
    """Write the package to `out`; OSError if it cannot be written there."""
    found = dict(exercises or {})
    for module in course.modules:
        for scenario in module.scenarios:
            if scenario.id not in found:
                found[scenario.id] = prepare(policy, scenario)
    pages = {m.id: f"{m.id}.html" for m in course.modules}
    module_files = {m.id: [pages[m.id], f"data/{m.id}.js"] for m in course.modules}
    player_files = [f"player/{name}" for name in PLAYER_FILES]

    def fill(archive: zipfile.ZipFile) -> None:
        if fmt is Format.SCORM12:
            _add(
                archive,
                "imsmanifest.xml",
                scorm12.manifest(course, policy, module_files, player_files),
            )
        else:
            iri = course_iri or cmi5.default_iri(course)
            _add(archive, "cmi5.xml", cmi5.course_structure(course, policy, pages, iri))
        for module in course.modules:
            data = module_data(course, module, policy, fmt.value, found)
            _add(archive, pages[module.id], launch_page(course, module, policy))
            _add(archive, f"data/{module.id}.js", as_script(data))
        for name in PLAYER_FILES:
            _add(archive, f"player/{name}", _player_source(name))

    size = _write_atomically(out, fill)
    modules = tuple(ModuleWritten(m.id, m.title, len(m.scenarios), m.size) for m in course.modules)
    return Written(path=out, format=fmt, modules=modules, bytes=size)
