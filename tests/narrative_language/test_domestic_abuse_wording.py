import pytest

from .helpers import terms_in

HITS = [
    ("Suspect states she provoked him.", "provoked"),
    ("Victim provoked him by going out.", "provoked"),
    ("Officer notes she was asking for it.", "asked_for_it"),
    ("Brought it on herself according to the neighbour.", "asked_for_it"),
    ("Described as a crime of passion.", "crime_of_passion"),
    ("He just snapped.", "lost_control"),
    ("Attacked her in a jealous rage.", "lost_control"),
    ("Only a lovers' tiff, no further action.", "tiff"),
    ("Volatile relationship, police called weekly.", "volatile_relationship"),
    ("She is in an abusive relationship.", "volatile_relationship"),
    ("Just a domestic, no injuries.", "just_a_domestic"),
    ("Neighbours report a domestic dispute next door.", "just_a_domestic"),
    ("Children witnessed the assault.", "children_witnessed"),
]


@pytest.mark.parametrize(("text", "term"), HITS)
def test_victim_blaming_domestic_abuse_wording_is_flagged(text: str, term: str) -> None:
    assert term in terms_in(text)


NON_HITS = [
    "Domestic abuse incident; DASH completed, high risk.",
    "He assaulted her after an argument; history of controlling behaviour.",
    "Domestic incident at number 4; children present and exposed to the abuse.",
    "The branch snapped and fell on the car.",
    "Behaviour is out of character, family very worried.",
]


@pytest.mark.parametrize("text", NON_HITS)
def test_plain_domestic_abuse_wording_is_not_flagged(text: str) -> None:
    assert terms_in(text) == []
