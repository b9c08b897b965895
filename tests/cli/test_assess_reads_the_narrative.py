"""`rightcare assess` with only a narrative: suggested answers with evidence, the full contract."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from rightcare.cli import app
from tests.cli.test_assess_command_follows_the_contract import check_contract

runner = CliRunner()


def assess(call: dict) -> dict:  # type: ignore[type-arg]
    result = runner.invoke(app, ["assess", "-"], input=json.dumps(call))
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_a_narrative_alone_gives_the_full_contract_with_evidence() -> None:
    text = "caller says her son has got a knife and is threatening to stab his dad"
    out = assess({"narrative": text})
    check_contract(out)
    weapon = out["suggested_answers"]["weapon"]
    assert weapon["value"] == "yes"
    assert text[weapon["start"] : weapon["end"]] == weapon["evidence"]
    assert out["police_response"] == "attend"
    assert out["needs_confirmation"]  # nobody has confirmed what the notes suggest


def test_an_explicit_answer_wins_over_the_narrative() -> None:
    out = assess({"narrative": "he has a knife", "answers": {"weapon": "no"}})
    assert "weapon" not in out["suggested_answers"]


def test_a_suggested_no_that_a_decline_rests_on_must_be_confirmed() -> None:
    answers = dict.fromkeys(
        ["crime", "risk_to_life", "serious_harm", "violence", "domestic_abuse"], "no"
    )
    answers |= {"location_known": "yes", "child": "no", "telecare_alarm": "yes"}
    out = assess({"narrative": "carer says no weapons in the flat", "answers": answers})
    assert out["suggested_answers"]["weapon"]["value"] == "no"
    assert out["police_response"] == "do_not_attend"
    assert "weapon" in out["needs_confirmation"]


def test_nothing_in_the_notes_means_unknown_never_no() -> None:
    out = assess({"narrative": "caller worried about her dad, he sounded low on the phone"})
    assert all(s["value"] != "no" for s in out["suggested_answers"].values())
    assert out["police_response"] == "undetermined"


def test_stigmatising_wording_in_the_narrative_is_flagged_in_the_assessment() -> None:
    out = assess({"narrative": "brother committed suicide last year, caller says he is a nutter"})
    terms = {note["term"] for note in out["language"]}
    assert {"committed_suicide", "nutter"} <= terms


def test_no_narrative_reading_with_the_flag() -> None:
    result = runner.invoke(
        app, ["assess", "-", "--no-narrative"], input=json.dumps({"narrative": "he has a knife"})
    )
    out = json.loads(result.stdout)
    assert out["suggested_answers"] == {}
    assert out["language"] == []
