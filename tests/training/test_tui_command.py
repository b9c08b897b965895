"""`rightcare train` refuses clearly what it cannot run: exit 2 and one line saying why."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from rightcare.cli import app
from tests.training.conftest import MINI_COURSE

runner = CliRunner()


def test_an_unknown_module_is_refused_with_the_modules_the_course_has() -> None:
    result = runner.invoke(app, ["train", "--module", "conveyence"])
    assert result.exit_code == 2
    assert "no module `conveyence`" in result.output
    assert "conveyance" in result.output and "welfare" in result.output


def test_an_unknown_course_is_refused_with_the_courses_there_are() -> None:
    result = runner.invoke(app, ["train", "--course", "rcrp-local"])
    assert result.exit_code == 2
    assert "no course `rcrp-local` (known: rcrp-national)" in result.output


def test_without_a_terminal_it_says_it_needs_one_and_exits_2() -> None:
    result = runner.invoke(app, ["train", "--module", "conveyance", "--seed", "1"], input="")
    assert result.exit_code == 2
    assert "interactive and needs a terminal" in result.output


def test_a_results_file_in_a_missing_folder_is_refused_before_the_session(tmp_path: Path) -> None:
    result = runner.invoke(app, ["train", "--results", str(tmp_path / "nope" / "r.json")])
    assert result.exit_code == 2
    assert "cannot write the results" in result.output


def test_a_course_file_can_be_given_and_its_modules_are_checked() -> None:
    result = runner.invoke(app, ["train", "--courses", str(MINI_COURSE), "--course", "mini"])
    assert result.exit_code == 2
    assert "interactive" in result.output  # the course and module resolved; only the tty is missing
    result = runner.invoke(
        app, ["train", "--courses", str(MINI_COURSE), "--course", "mini", "--module", "x"]
    )
    assert "it has: falls, awol" in result.output


def test_help_documents_the_short_session_option_and_the_keys() -> None:
    result = runner.invoke(app, ["train", "--help"], env={"COLUMNS": "120"})
    assert result.exit_code == 0
    assert "--limit" in result.output and "short classroom sessions" in result.output
    assert "--results" in result.output and "--seed" in result.output
    assert "q or Esc" in result.output
