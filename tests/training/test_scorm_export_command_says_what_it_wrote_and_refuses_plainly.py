"""`rightcare training export`: what it prints, and one plain line and exit 2 for each mistake."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rightcare.cli import app
from tests.training.conftest import MINI_COURSE

runner = CliRunner()


def _export(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, ["training", "export", *args, "--courses", str(MINI_COURSE)])


def test_export_writes_the_zip_and_says_where_with_modules_scenarios_and_bytes(
    tmp_path: Path,
) -> None:
    out = tmp_path / "mini.zip"
    result = _export("mini", "--format", "scorm12", "--out", str(out))
    assert result.exit_code == 0, result.stderr
    first = result.stdout.splitlines()[0]
    assert first == (
        f"wrote {out} (scorm12): mini 2026.1, 2 modules, 3 scenarios, {out.stat().st_size} bytes"
    )
    assert "  - falls: Falls (2 scenarios)" in result.stdout
    assert "  - awol: AWOL (1 scenarios)" in result.stdout
    assert zipfile.is_zipfile(out)


def test_without_out_the_package_is_named_for_course_version_and_format(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = _export("mini", "--format", "cmi5")
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "mini-2026.1-cmi5.zip").is_file()


def test_an_unknown_course_lists_the_known_ones(tmp_path: Path) -> None:
    result = _export("minni", "--out", str(tmp_path / "x.zip"))
    assert result.exit_code == 2
    assert result.stderr == "error: no course `minni` (known: mini)\n"
    assert not (tmp_path / "x.zip").exists()


def test_an_unknown_format_names_the_known_ones(tmp_path: Path) -> None:
    result = _export("mini", "--format", "scorm2004", "--out", str(tmp_path / "x.zip"))
    assert result.exit_code == 2
    assert result.stderr == "error: unknown format `scorm2004` (known: scorm12, cmi5)\n"


def test_an_output_path_that_cannot_be_written_is_one_line_and_leaves_nothing_behind(
    tmp_path: Path,
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    result = _export("mini", "--out", str(blocker / "mini.zip"))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: cannot write {blocker / 'mini.zip'}: ")
    assert result.stderr.count("\n") == 1
    missing = _export("mini", "--out", str(tmp_path / "no-such-folder" / "mini.zip"))
    assert missing.exit_code == 2
    assert missing.stderr.count("\n") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file"]


def test_a_folder_as_output_path_is_refused(tmp_path: Path) -> None:
    result = _export("mini", "--out", str(tmp_path))
    assert result.exit_code == 2
    assert (
        result.stderr
        == f"error: cannot write {tmp_path}: it is a folder; give a file name ending .zip\n"
    )


def test_an_iri_is_refused_for_scorm(tmp_path: Path) -> None:
    result = _export("mini", "--iri", "https://example.org/c", "--out", str(tmp_path / "x.zip"))
    assert result.exit_code == 2
    assert result.stderr == "error: --iri is only for --format cmi5\n"
