"""`rightcare assess` as the contract describes: one object, or a JSON Lines batch."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from rightcare.cli import app

runner = CliRunner()
EXAMPLES = Path(__file__).parents[2] / "examples"
OUTPUT_FIELDS = {
    "contract", "police_response", "lead_agency", "threshold", "grade", "disposition",
    "rationale", "questions_to_ask", "suggested_answers", "needs_confirmation", "safeguarding",
    "policy",
}  # fmt: skip
RESPONSES = {"attend", "do_not_attend", "discretion", "undetermined"}
AGENCIES = {
    "police", "ambulance", "mental_health", "adult_social_care", "childrens_social_care",
    "health_setting", "nhs_111", "gp", "fire_rescue", "other",
}  # fmt: skip


def check_contract(out: dict) -> None:  # type: ignore[type-arg]
    assert set(out) >= OUTPUT_FIELDS
    assert out["contract"] == "1"
    assert out["police_response"] in RESPONSES
    assert out["lead_agency"] in AGENCIES
    assert out["threshold"] in {"crime", "risk_to_life", "serious_harm", "none", "unknown"}
    assert out["grade"] in {"emergency", "priority", "scheduled", "resolution", None}
    assert all(set(r) == {"rule", "text", "basis"} for r in out["rationale"])
    assert all(set(q) == {"id", "text", "why"} for q in out["questions_to_ask"])
    assert all({"flag", "action"} == set(s) for s in out["safeguarding"])
    assert set(out["policy"]) == {"pack", "version", "overlay", "digest"}
    assert out["policy"]["digest"].startswith("sha256:")
    if out["police_response"] == "undetermined":
        assert out["questions_to_ask"]


def test_one_call_in_gives_one_assessment_out_with_the_contract_fields() -> None:
    result = runner.invoke(app, ["assess", str(EXAMPLES / "awol-resistance.json")])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    check_contract(out)
    assert out["police_response"] == "attend"
    assert out["lead_agency"] == "health_setting"
    assert out["policy"]["pack"] == "national-rcrp"


def test_a_call_read_from_standard_input_is_assessed() -> None:
    call = {"answers": {"risk_to_life": "yes"}}
    result = runner.invoke(app, ["assess", "-", "--no-narrative"], input=json.dumps(call))
    assert result.exit_code == 0
    assert json.loads(result.stdout)["disposition"] == "THR-LIFE"


def test_jsonl_gives_one_line_per_input_line_in_order_with_an_error_line_for_a_bad_one() -> None:
    lines = [
        json.dumps({"answers": {"risk_to_life": "yes"}}),
        '{"answers": {"risk_to_life": ',
        json.dumps({"answers": {"risk_to_life": "maybe"}}),
        json.dumps({"answers": {"crime": "yes"}}),
    ]
    result = runner.invoke(app, ["assess", "--jsonl", "-", "--no-narrative"],
                           input="\n".join(lines))  # fmt: skip
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(out) == 4
    check_contract(out[0])
    assert out[0]["disposition"] == "THR-LIFE"
    assert out[1]["line"] == 2 and out[1]["error"].startswith("not valid JSON")
    assert out[2] == {"error": "answers.risk_to_life: an answer must be yes, no or unknown",
                      "field": "answers.risk_to_life", "line": 3}  # fmt: skip
    assert out[3]["disposition"] == "CRIME-01"
    assert result.exit_code == 1  # the batch finished, but some lines could not be assessed


def test_the_example_batch_assesses_every_call_cleanly() -> None:
    result = runner.invoke(app, ["assess", "--jsonl", str(EXAMPLES / "calls.jsonl")])
    assert result.exit_code == 0, result.output
    for line in result.stdout.splitlines():
        check_contract(json.loads(line))


def test_an_unknown_question_is_one_clear_line_with_the_near_miss_and_exit_2() -> None:
    call = json.dumps({"answers": {"risk_to_lfe": "yes"}})
    result = runner.invoke(app, ["assess", "-"], input=call)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "error: answers.risk_to_lfe: unknown question; did you mean `risk_to_life`?\n"
    )


def test_an_unknown_field_names_the_field_and_exits_2() -> None:
    result = runner.invoke(app, ["assess", "-"], input=json.dumps({"narative": "x"}))
    assert result.exit_code == 2
    assert result.stderr == "error: narative: unknown field; did you mean `narrative`?\n"


def test_a_wrong_type_names_the_field_and_exits_2() -> None:
    result = runner.invoke(app, ["assess", "-"], input=json.dumps({"answers": ["yes"]}))
    assert result.exit_code == 2
    assert result.stderr.startswith("error: answers: ")
    assert "Traceback" not in result.output


def test_an_overlong_narrative_is_refused_with_its_limit() -> None:
    result = runner.invoke(app, ["assess", "-"], input=json.dumps({"narrative": "x" * 20_001}))
    assert result.exit_code == 2
    assert result.stderr == "error: narrative: narrative is longer than 20000 characters\n"


def test_invalid_json_and_a_missing_file_are_one_line_and_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{oops", encoding="utf-8")
    result = runner.invoke(app, ["assess", str(bad)])
    assert result.exit_code == 2
    assert "not valid JSON (line 1, column 2" in result.stderr
    missing = runner.invoke(app, ["assess", str(tmp_path / "nope.json")])
    assert missing.exit_code == 2
    assert missing.stderr.endswith("nope.json: file not found\n")


def test_an_unknown_force_is_refused_with_the_loaded_ones() -> None:
    call = json.dumps({"context": {"force": "example-forse"}})
    result = runner.invoke(app, ["assess", "-"], input=call)
    assert result.exit_code == 2
    assert "unknown force overlay `example-forse`; did you mean `example-force`?" in result.stderr


def test_a_call_naming_the_example_force_is_assessed_under_its_overlay() -> None:
    below_threshold = dict.fromkeys(
        ["crime", "risk_to_life", "serious_harm", "weapon", "violence", "domestic_abuse"], "no"
    )
    call = {"answers": below_threshold | {"child": "yes", "location_known": "yes"},
            "context": {"force": "example-force"}}  # fmt: skip
    result = runner.invoke(app, ["assess", "-", "--no-narrative"], input=json.dumps(call))
    out = json.loads(result.stdout)
    assert out["policy"]["overlay"] == "example-force"
    assert out["disposition"] == "EXF-CHILD"
    national = runner.invoke(app, ["assess", "-", "--no-narrative"],
                             input=json.dumps(call | {"context": {}}))  # fmt: skip
    assert json.loads(national.stdout)["disposition"] == "CHILD-01"
