"""A batch shared between processes reads exactly as one narrative at a time, in order."""

from rightcare.narrative import read_narrative, read_narratives

TEXTS = [
    "male on the bridge threatening to jump, no weapons",
    "",
    "took all her tablets, door locked, cant get in",
    "he said if she leaves him he will kill her",
    "noise complaint from the flat upstairs",
    "poss has a knife, whereabouts unknown",
] * 5


def test_two_processes_give_the_same_readings_in_the_same_order() -> None:
    assert read_narratives(TEXTS, n_process=2) == [read_narrative(t) for t in TEXTS]


def test_two_processes_respect_the_chosen_questions() -> None:
    readings = read_narratives(TEXTS, ["weapon", "location_known"], n_process=2)
    expected = [read_narrative(t, ["weapon", "location_known"]) for t in TEXTS]
    assert readings == expected


def test_more_processes_than_narratives_is_fine() -> None:
    assert read_narratives(TEXTS[:1], n_process=4) == [read_narrative(TEXTS[0])]
    assert read_narratives([], n_process=2) == []
