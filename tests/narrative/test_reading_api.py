"""The public API: one narrative or a batch, all questions or a chosen few."""

from rightcare.narrative import Reading, question_ids, read_narrative, read_narratives

TEXTS = [
    "male on the bridge threatening to jump, no weapons",
    "",
    "took all her tablets, door locked, cant get in",
    "noise complaint from the flat upstairs",
]


def test_a_batch_reads_the_same_as_one_at_a_time() -> None:
    assert read_narratives(TEXTS) == [read_narrative(t) for t in TEXTS]


def test_only_the_asked_questions_are_read() -> None:
    reading = read_narrative(TEXTS[0], question_ids=["weapon"])
    assert set(reading.suggestions) == {"weapon"}


def test_a_question_without_a_pattern_file_is_simply_not_suggested() -> None:
    reading = read_narrative(TEXTS[0], question_ids=["weapon", "pack_only_question"])
    assert "pack_only_question" not in reading.suggestions


def test_asking_for_some_questions_does_not_change_their_answers() -> None:
    full = read_narrative(TEXTS[2])
    some = read_narrative(TEXTS[2], question_ids=["entry_required"])
    assert some.suggestions["entry_required"] == full.suggestions["entry_required"]


def test_empty_text_gives_an_empty_reading() -> None:
    assert read_narrative("") == Reading()


def test_every_core_and_national_pack_question_has_patterns() -> None:
    core = {
        "crime",
        "risk_to_life",
        "serious_harm",
        "weapon",
        "violence",
        "child",
        "location_known",
        "detained_mha",
        "left_healthcare",
        "medical_emergency",
        "health_professional_involved",
        "entry_required",
        "missing",
        "domestic_abuse",
        "s136_handover",
        "transport_request",
    }
    national = {
        "suicidal_thoughts",
        "telecare_alarm",
        "fallen_no_injury",
        "no_answer_at_door",
        "missed_appointment",
        "child_not_in_school",
        "restricted_patient",
        "informal_patient",
    }
    assert core | national <= question_ids()
