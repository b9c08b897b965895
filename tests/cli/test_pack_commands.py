"""`rightcare pack validate | explain | schema`: checking and reading packs from the terminal."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from rightcare.cli import app

runner = CliRunner()
ROOT = Path(__file__).parents[2]


def test_validate_reports_the_national_pack_and_its_digest() -> None:
    result = runner.invoke(app, ["pack", "validate", str(ROOT / "packs" / "national")])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("ok: national-rcrp 2026.1: ")
    assert "sha256:" in result.stdout


def test_validate_checks_an_overlay_against_the_national_pack() -> None:
    path = ROOT / "packs" / "overlays" / "example-force.yaml"
    result = runner.invoke(app, ["pack", "validate", str(path)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("ok: overlay example-force on national-rcrp 2026.1")


def test_validate_lists_every_problem_one_per_line_and_exits_2() -> None:
    path = ROOT / "tests" / "data" / "packs" / "invalid" / "overlay_lowers.yaml"
    result = runner.invoke(app, ["pack", "validate", str(path)])
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) >= 2
    assert lines[0].startswith("error: overlay lowers national rule THR-R01")
    assert all(line.startswith("error: ") for line in lines)


def test_validate_of_a_missing_path_is_one_line() -> None:
    result = runner.invoke(app, ["pack", "validate", "no/such/pack"])
    assert result.exit_code == 2
    assert result.stderr == "error: no/such/pack: not found\n"


def test_explain_a_question_says_what_to_ask_and_which_rules_use_it() -> None:
    result = runner.invoke(app, ["pack", "explain", "risk_to_life"])
    assert result.exit_code == 0
    assert "Question `risk_to_life` (critical" in result.stdout
    assert "Ask: Is there a real and immediate risk to someone's life?" in result.stdout
    assert "THR-R02" in result.stdout


def test_explain_a_rule_reads_its_conditions_in_words() -> None:
    result = runner.invoke(app, ["pack", "explain", "THR-R09"])
    assert result.exit_code == 0
    assert "When: location_known is no or unknown, and missing is yes" in result.stdout
    assert "Then: MISS-01" in result.stdout
    assert "Source: https://" in result.stdout


def test_explain_a_disposition_gives_the_basis_and_what_to_tell_the_caller() -> None:
    result = runner.invoke(app, ["pack", "explain", "WALK-01"])
    assert result.exit_code == 0
    assert "Police response: do_not_attend; lead agency: health_setting" in result.stdout
    assert "Tell the caller: Police will not attend." in result.stdout
    assert "Reached by: WALK-R01" in result.stdout


def test_explain_an_overlay_rule_says_which_overlay_added_it() -> None:
    overlay = ROOT / "packs" / "overlays" / "example-force.yaml"
    result = runner.invoke(app, ["pack", "explain", "EXF-R01", "--overlay", str(overlay)])
    assert result.exit_code == 0
    assert "Added or changed by overlay `example-force`" in result.stdout


def test_explain_an_unknown_id_suggests_the_near_miss() -> None:
    result = runner.invoke(app, ["pack", "explain", "risk_to_lfe"])
    assert result.exit_code == 2
    assert result.stderr == (
        "error: `risk_to_lfe` is not a question, rule, disposition or table; "
        "did you mean `risk_to_life`?\n"
    )


def test_schema_is_a_json_schema_that_names_the_table_fields() -> None:
    result = runner.invoke(app, ["pack", "schema", "tables"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["$schema"].startswith("https://json-schema.org/")
    rule = schema["$defs"]["Rule"]["properties"]
    assert {"id", "when", "then"} <= set(rule)
    hit_policies = schema["$defs"]["HitPolicy"]["enum"]
    assert hit_policies == ["first", "priority", "collect"]


def test_schema_out_writes_one_file_per_kind(tmp_path: Path) -> None:
    result = runner.invoke(app, ["pack", "schema", "--out", str(tmp_path)])
    assert result.exit_code == 0
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == [
        f"rightcare-{k}.schema.json" for k in ("course", "overlay", "pack", "scenarios", "tables")
    ]
