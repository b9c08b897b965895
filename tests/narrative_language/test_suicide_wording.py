import pytest

from .helpers import only_flag, terms_in

HITS = [
    ("Her brother committed suicide in 2019.", "committed_suicide"),
    ("Threatening to commit suicide tonight.", "committed_suicide"),
    ("Male commits suicide at the crossing.", "committed_suicide"),
    ("Previous successful suicide in the family.", "successful_suicide"),
    ("History of a failed suicide attempt.", "failed_suicide"),
    ("One unsuccessful attempt last month.", "failed_suicide"),
    ("Tabloid calls it a suicide bid.", "suicide_bid"),
    ("Next of kin of a suicide victim.", "suicide_victim"),
    ("Staff fear a suicide epidemic at the school.", "suicide_epidemic"),
    ("Crew think it is just a cry for help.", "cry_for_help"),
]


@pytest.mark.parametrize(("text", "term"), HITS)
def test_suicide_wording_to_avoid_is_flagged(text: str, term: str) -> None:
    assert term in terms_in(text)


NON_HITS = [
    "Her brother died by suicide in 2019.",
    "Suicide risk: high. Threatening suicide from the bridge.",
    "Attempted suicide last year by overdose.",
    "Took his own life in 2020.",
    "Has made a suicide attempt before.",
    "Suicidal, on the bridge, said he would jump.",
]


@pytest.mark.parametrize("text", NON_HITS)
def test_plain_words_about_suicide_are_not_flagged(text: str) -> None:
    assert terms_in(text) == []


def test_committed_suicide_suggests_died_by_suicide() -> None:
    flag = only_flag("He committed suicide.")
    assert "died by suicide" in flag.better
    assert flag.source == "samaritans_media_guidelines"
