"""A course file that does not resolve against the scenario library is refused, located."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rightcare.cli import app
from rightcare.engine.errors import PackError
from rightcare.scenarios.library import load_scenarios
from rightcare.training.course import load_courses

GOOD_HEAD = """course:
  id: broken
  version: "2026.1"
  title: A course with mistakes
  pass_mark: 80
  modules:
"""


def _write(tmp_path: Path, modules: str) -> Path:
    path = tmp_path / "broken.yaml"
    path.write_text(GOOD_HEAD + modules)
    return path


def test_an_unknown_scenario_id_is_named_with_its_file_and_line(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "    - id: one\n      title: One\n      scenarios: [CFW-001]\n"
        "    - id: two\n      title: Two\n      scenarios: [CFW-999]\n",
    )
    with pytest.raises(PackError) as refused:
        load_courses(load_scenarios(), [path])
    message = str(refused.value.problems[0])
    assert "unknown scenario `CFW-999`" in message
    assert f"{path}:10" in message


def test_a_module_without_scenarios_and_a_repeated_module_id_are_refused(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "    - id: one\n      title: One\n      scenarios: [CFW-001]\n      exclude: [CFW-001]\n"
        "    - id: one\n      title: Again\n      tags: [children]\n",
    )
    with pytest.raises(PackError) as refused:
        load_courses(load_scenarios(), [path])
    messages = " | ".join(str(p) for p in refused.value.problems)
    assert "module one has no training scenarios" in messages
    assert "module id `one` is used twice" in messages


def test_a_field_the_format_does_not_have_is_refused_by_name(tmp_path: Path) -> None:
    path = _write(
        tmp_path, "    - id: one\n      title: One\n      tags: [children]\n      pass: 3\n"
    )
    with pytest.raises(PackError, match="pass"):
        load_courses(load_scenarios(), [path])


def test_the_bundled_course_covers_every_phase_and_uses_only_training_scenarios() -> None:
    scenarios = load_scenarios()
    course = load_courses(scenarios)["rcrp-national"]
    assert [m.id for m in course.modules] == [
        "welfare",
        "walkouts",
        "awol",
        "conveyance",
        "s136",
        "medical",
        "crime",
        "domestic-abuse",
        "children",
    ]
    assert all(s.training for m in course.modules for s in m.scenarios)
    assert course.scenario_count == sum(s.training for s in scenarios)


def test_the_courses_command_lists_modules_and_refuses_a_broken_file(tmp_path: Path) -> None:
    runner = CliRunner()
    listed = runner.invoke(app, ["training", "courses"])
    assert listed.exit_code == 0, listed.output
    assert "rcrp-national 2026.1" in listed.output
    assert re.search(
        r"welfare: Phase 1: concern for welfare \(\d+ scenarios, 12 drawn\)", listed.output
    )
    broken = _write(tmp_path, "    - id: one\n      title: One\n      scenarios: [NOPE-001]\n")
    refused = runner.invoke(app, ["training", "courses", "--courses", str(broken)])
    assert refused.exit_code == 2
    assert "unknown scenario `NOPE-001`" in refused.output
