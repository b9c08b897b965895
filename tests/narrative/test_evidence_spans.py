"""Each suggestion shows the exact words it came from, at the right place."""

from rightcare.narrative import read_narrative


def test_the_evidence_is_the_matched_words_at_their_offsets() -> None:
    text = "Caller says her son is on the bridge. He's got a KNIFE."
    reading = read_narrative(text)
    weapon = reading.suggestions["weapon"]
    assert weapon.evidence == "KNIFE"
    assert text[weapon.start : weapon.end] == "KNIFE"
    assert reading.suggestions["risk_to_life"].evidence == "on the bridge"


def test_a_negated_answer_shows_the_negation_and_the_cue() -> None:
    text = "male calm, no weapons seen"
    weapon = read_narrative(text).suggestions["weapon"]
    assert weapon.evidence == "no weapons"
    assert weapon.context == ("negated",)


def test_a_backward_negation_is_part_of_the_evidence() -> None:
    weapon = read_narrative("knife - no").suggestions["weapon"]
    assert weapon.evidence == "knife - no"
    assert weapon.value == "no"


def test_the_pattern_id_names_the_question_file_and_pattern() -> None:
    weapon = read_narrative("hes got a blade").suggestions["weapon"]
    assert weapon.pattern == "weapon/bladed"


def test_offsets_survive_unicode_and_line_breaks() -> None:
    text = "café owner says\n\nmale — threatening staff with a machete"
    weapon = read_narrative(text).suggestions["weapon"]
    assert text[weapon.start : weapon.end] == "machete"
