"""The course format: modules of scenarios, a pass mark, the order, and how many tries.

A course is data (`courses/*.yaml`). It names scenarios by id or by tag, so a course follows the
scenario library: a scenario added with a module's tag joins the module. Only scenarios marked
`training: true` are ever used. The course is loaded and resolved against a scenario library;
anything that does not resolve (an unknown id, an empty module) refuses the whole course with
the file and line, like a pack.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, model_validator

from rightcare.engine.errors import PackError, Problem
from rightcare.engine.loader import _parse, _read  # shared YAML-with-lines parsing
from rightcare.engine.store import data_dir
from rightcare.scenarios.models import Scenario, Tag

Slug = Annotated[str, Field(pattern=r"^[a-z][a-z0-9-]*$", max_length=64)]


class Order(StrEnum):
    FIXED = "fixed"
    RANDOM = "random"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ModuleSpec(_Strict):
    id: Slug
    title: str = Field(min_length=3)
    summary: str = Field(default="", description="what the module teaches, for the learner")
    tags: list[Tag] = Field(default_factory=list, description="take training scenarios with any")
    scenarios: list[str] = Field(default_factory=list, description="scenario ids, in this order")
    exclude: list[str] = Field(default_factory=list, description="scenario ids to leave out")
    draw: int | None = Field(
        default=None, ge=1, description="how many to draw per attempt (default: all)"
    )

    @model_validator(mode="after")
    def _has_source(self) -> ModuleSpec:
        if not self.tags and not self.scenarios:
            raise ValueError("a module needs `tags` or `scenarios`")
        return self


class CourseSpec(_Strict):
    id: Slug
    version: str = Field(pattern=r"^\d{4}\.\d+(\.\d+)?$", description="YYYY.N, e.g. 2026.1")
    title: str = Field(min_length=5)
    summary: str = ""
    pack: Slug = Field(
        default="national-rcrp", description="id of the pack whose answers are taught"
    )
    overlay: Slug | None = Field(default=None, description="a force overlay for a local course")
    pass_mark: int = Field(ge=1, le=100, description="module score (0-100) needed to pass")
    order: Order = Order.FIXED
    scenario_retries: int = Field(
        default=1, ge=0, le=5, description="tries after a wrong answer, per scenario"
    )
    module_attempts: int | None = Field(
        default=None, ge=1, description="attempts allowed per module (default: unlimited)"
    )
    fail_on_unsafe: bool = Field(
        default=True,
        description="a module is not passed while any final answer sends police less often "
        "than policy says (a wrong 'do not attend')",
    )
    modules: list[ModuleSpec] = Field(min_length=1)


class CourseFile(_Strict):
    course: CourseSpec


@dataclass(frozen=True)
class Module:
    id: str
    title: str
    summary: str
    scenarios: tuple[Scenario, ...]
    draw: int | None

    @property
    def size(self) -> int:
        """How many scenarios one attempt of the module presents."""
        return min(self.draw, len(self.scenarios)) if self.draw else len(self.scenarios)


@dataclass(frozen=True)
class Course:
    """A course resolved against a scenario library: ready to teach."""

    spec: CourseSpec
    modules: tuple[Module, ...]
    digest: str  # of the spec and every scenario it uses: what a certificate names

    @property
    def id(self) -> str:
        return self.spec.id

    @property
    def version(self) -> str:
        return self.spec.version

    @property
    def title(self) -> str:
        return self.spec.title

    def module(self, module_id: str) -> Module:
        for module in self.modules:
            if module.id == module_id:
                return module
        known = ", ".join(m.id for m in self.modules)
        raise KeyError(f"course {self.id} has no module `{module_id}` (it has: {known})")

    def scenario(self, scenario_id: str) -> Scenario:
        for module in self.modules:
            for scenario in module.scenarios:
                if scenario.id == scenario_id:
                    return scenario
        raise KeyError(f"course {self.id} has no scenario `{scenario_id}`")

    @property
    def scenario_count(self) -> int:
        return len({s.id for m in self.modules for s in m.scenarios})


def default_course_dir() -> Path:
    return data_dir("courses")


def _digest(spec: CourseSpec, modules: Sequence[Module]) -> str:
    body = {
        "course": spec.model_dump(mode="json"),
        "scenarios": {s.id: s.model_dump(mode="json") for m in modules for s in m.scenarios},
    }
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(canonical.encode()).hexdigest()


def resolve_course(
    spec: CourseSpec,
    scenarios: Iterable[Scenario],
    where: str = "",
    module_lines: Sequence[int | None] = (),
) -> Course:
    """Pick each module's training scenarios; refuse unknown ids and empty modules."""
    library = {s.id: s for s in scenarios}
    problems: list[Problem] = []
    modules: list[Module] = []
    for n, spec_module in enumerate(spec.modules):
        line = module_lines[n] if n < len(module_lines) else None
        chosen: list[Scenario] = []
        for scenario_id in (*spec_module.scenarios, *spec_module.exclude):
            if scenario_id not in library:
                problems.append(
                    Problem(
                        f"module {spec_module.id}: unknown scenario `{scenario_id}`", where, line
                    )
                )
            elif not library[scenario_id].training:
                problems.append(
                    Problem(
                        f"module {spec_module.id}: scenario {scenario_id} is not marked for "
                        "training",
                        where,
                        line,
                    )
                )
        taken = set(spec_module.exclude)
        for scenario_id in spec_module.scenarios:
            if scenario_id in library and scenario_id not in taken:
                chosen.append(library[scenario_id])
                taken.add(scenario_id)
        wanted = set(spec_module.tags)
        for scenario in library.values():
            if scenario.training and scenario.id not in taken and wanted & set(scenario.tags):
                chosen.append(scenario)
                taken.add(scenario.id)
        if not chosen:
            message = f"module {spec_module.id} has no training scenarios"
            problems.append(Problem(message, where, line))
        modules.append(
            Module(
                id=spec_module.id,
                title=spec_module.title,
                summary=spec_module.summary,
                scenarios=tuple(chosen),
                draw=spec_module.draw,
            )
        )
    ids = [m.id for m in spec.modules]
    for module_id in {m for m in ids if ids.count(m) > 1}:
        problems.append(Problem(f"module id `{module_id}` is used twice", where))
    if problems:
        raise PackError(problems)
    return Course(spec=spec, modules=tuple(modules), digest=_digest(spec, modules))


def load_course(path: Path, scenarios: Sequence[Scenario]) -> Course:
    """One course file, resolved against the scenarios; PackError names file and line."""
    doc = _read(path, str(path))
    spec = _parse(CourseFile, doc).course
    lines = [doc.line_of(("course", "modules", n)) for n in range(len(spec.modules))]
    return resolve_course(spec, scenarios, str(path), lines)


def load_courses(
    scenarios: Sequence[Scenario], paths: Iterable[Path] | None = None
) -> dict[str, Course]:
    """Every course in the given files or folders (default: the bundled `courses/`)."""
    files: list[Path] = []
    for path in paths or [default_course_dir()]:
        path = Path(path)
        files.extend(sorted(path.glob("*.yaml")) if path.is_dir() else [path])
    courses: dict[str, Course] = {}
    problems: list[Problem] = []
    for file in files:
        try:
            course = load_course(file, scenarios)
        except PackError as exc:
            problems.extend(exc.problems)
            continue
        if course.id in courses:
            problems.append(Problem(f"course {course.id} is defined twice", str(file)))
        courses[course.id] = course
    if problems:
        raise PackError(problems)
    return courses
