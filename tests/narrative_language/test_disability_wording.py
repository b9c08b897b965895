import pytest

from .helpers import terms_in

HITS = [
    ("Male appears retarded.", "retarded"),
    ("Mentally handicapped adult lives alone.", "retarded"),
    ("Spastic kids were shouted at.", "spastic"),
    ("Woman is wheelchair bound and cannot get up.", "wheelchair_bound"),
    ("She is confined to a wheelchair.", "wheelchair_bound"),
    ("He suffers from autism and is distressed.", "suffers_from"),
    ("Suffering with dementia, found wandering.", "suffers_from"),
    ("Deaf and dumb male at the station.", "deaf_and_dumb"),
    ("He is an epileptic.", "condition_as_label"),
    ("Handicapped man at the door.", "handicapped"),
    ("Hate incident against a dwarf.", "restricted_growth"),
    ("Two able-bodied males seen running.", "able_bodied"),
]


@pytest.mark.parametrize(("text", "term"), HITS)
def test_outdated_or_offensive_disability_terms_are_flagged(text: str, term: str) -> None:
    assert term in terms_in(text)


NON_HITS = [
    "Wheelchair user, lives alone.",
    "Has a learning disability; carer present.",
    "Deaf, uses BSL; interpreter requested.",
    "An epileptic fit lasting 5 minutes.",
    "Suffering from chest pains and shortness of breath.",
    "Disabled person's parking bay blocked.",
    "The blind spot on the junction.",
]


@pytest.mark.parametrize("text", NON_HITS)
def test_neutral_disability_words_are_not_flagged(text: str) -> None:
    assert terms_in(text) == []
