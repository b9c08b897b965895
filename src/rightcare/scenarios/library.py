"""Load the scenario library: every `*.yaml` under a folder, refused whole if any is invalid."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from rightcare.engine.errors import PackError, Problem
from rightcare.engine.loader import _parse, _read  # shared YAML-with-lines parsing
from rightcare.engine.store import data_dir
from rightcare.scenarios.models import Scenario, ScenarioFile


def default_scenario_dir() -> Path:
    return data_dir("scenarios")


def load_scenarios(paths: Iterable[Path] | None = None) -> list[Scenario]:
    """Scenarios from the given files or folders (default: the bundled library)."""
    files: list[Path] = []
    for path in paths or [default_scenario_dir()]:
        path = Path(path)
        files.extend(sorted(path.rglob("*.yaml")) if path.is_dir() else [path])
    scenarios: list[Scenario] = []
    problems: list[Problem] = []
    where: dict[str, str] = {}
    for file in files:
        doc = _read(file, str(file))
        try:
            parsed = _parse(ScenarioFile, doc)
        except PackError as exc:
            problems.extend(exc.problems)
            continue
        for n, scenario in enumerate(parsed.scenarios):
            line = doc.line_of(("scenarios", n))
            if scenario.id in where:
                problems.append(
                    Problem(
                        f"scenario {scenario.id} is defined twice (first in {where[scenario.id]})",
                        str(file),
                        line,
                    )
                )
            where[scenario.id] = f"{file}:{line}"
            scenarios.append(scenario)
    if problems:
        raise PackError(problems)
    return scenarios
