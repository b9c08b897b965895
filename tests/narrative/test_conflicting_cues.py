"""A yes and a no for one question give no suggestion and the question in `conflicts`."""

from rightcare.narrative import read_narrative


def test_a_yes_and_a_no_for_one_question_is_a_conflict() -> None:
    reading = read_narrative("caller says no weapons but can see a knife in his hand")
    assert "weapon" not in reading.suggestions
    assert "weapon" in reading.conflicts


def test_an_overdose_after_denying_suicidal_thoughts_conflicts_on_risk_to_life() -> None:
    reading = read_narrative("not suicidal but took 20 tablets an hour ago")
    assert "risk_to_life" in reading.conflicts
    assert reading.suggestions["medical_emergency"].value == "yes"


def test_agreeing_cues_are_not_a_conflict() -> None:
    reading = read_narrative("no weapons. not armed")
    assert reading.conflicts == ()
    assert reading.suggestions["weapon"].value == "no"
