import json
from pathlib import Path

from typer.testing import CliRunner

from rightcare.narrative.language_cli import language_app

runner = CliRunner()


def test_clean_text_exits_zero_with_an_empty_list(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("Caller reports male on the bridge; ambulance requested.", encoding="utf-8")
    result = runner.invoke(language_app, ["check", str(path)])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {"count": 0, "flags": []}


def test_flagged_text_exits_one_and_prints_the_flags_as_json(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("He committed suicide.", encoding="utf-8")
    result = runner.invoke(language_app, ["check", str(path)])
    assert result.exit_code == 1
    payload = json.loads(result.stdout)
    assert payload["count"] == 1
    flag = payload["flags"][0]
    assert flag["term"] == "committed_suicide"
    assert (flag["start"], flag["end"], flag["text"]) == (3, 20, "committed suicide")


def test_a_dash_reads_standard_input() -> None:
    result = runner.invoke(language_app, ["check", "-"], input="Neighbour is a nutter.")
    assert result.exit_code == 1
    assert json.loads(result.stdout)["flags"][0]["term"] == "nutter"


def test_text_format_gives_a_readable_list_with_line_numbers() -> None:
    result = runner.invoke(
        language_app, ["check", "-", "--format", "text"], input="Fine.\nHe's a psycho."
    )
    assert result.exit_code == 1
    assert 'line 2, column 8: "psycho"' in result.stdout
    assert "Why:" in result.stdout and "Source:" in result.stdout


def test_text_format_says_so_when_nothing_is_flagged() -> None:
    result = runner.invoke(language_app, ["check", "-", "--format", "text"], input="All fine.")
    assert result.exit_code == 0
    assert "No wording flagged." in result.stdout


def test_a_missing_file_exits_two_with_one_clear_line(tmp_path: Path) -> None:
    result = runner.invoke(language_app, ["check", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "no such file" in lines[0]


def test_a_folder_exits_two(tmp_path: Path) -> None:
    result = runner.invoke(language_app, ["check", str(tmp_path)])
    assert result.exit_code == 2
    assert "folder" in result.stderr


def test_a_file_that_is_not_text_exits_two(tmp_path: Path) -> None:
    path = tmp_path / "image.bin"
    path.write_bytes(b"\xff\xfe\x00\x81\x9f")
    result = runner.invoke(language_app, ["check", str(path)])
    assert result.exit_code == 2
    assert "not UTF-8" in result.stderr


def test_an_unknown_format_is_a_usage_error() -> None:
    result = runner.invoke(language_app, ["check", "-", "--format", "xml"], input="x")
    assert result.exit_code == 2
