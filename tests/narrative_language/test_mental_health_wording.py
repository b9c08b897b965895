import pytest

from .helpers import terms_in

HITS = [
    ("Neighbour is a nutter, always shouting.", "nutter"),
    ("Nutters outside the shop again.", "nutter"),
    ("Male acting like a psycho in the street.", "psycho"),
    ("Known locally as a schizo.", "schizo"),
    ("He went mental and smashed the window.", "mental_as_noun"),
    ("He's mental, everyone knows it.", "mental_as_noun"),
    ("Lives with a schizophrenic.", "diagnosis_as_label"),
    ("Woman acting crazy in the road.", "crazy"),
    ("Deranged male at the door.", "crazy"),
    ("Absent from the mental hospital since 2pm.", "mental_hospital"),
    ("Is a mental patient at the unit.", "mental_patient"),
    ("Cuts to arms, staff say attention seeking.", "attention_seeking"),
    ("Previous attention-seeker.", "attention_seeking"),
    ("Lunatic on the roof of the bus station.", "loony"),
    ("Total basket case according to the landlord.", "basket_case"),
]


@pytest.mark.parametrize(("text", "term"), HITS)
def test_derogatory_mental_health_terms_are_flagged(text: str, term: str) -> None:
    assert term in terms_in(text)


NON_HITS = [
    "Mental health crisis team aware, CPN visiting.",
    "Known to mental health services; history of psychosis.",
    "Has a diagnosis of schizophrenia and has stopped his medication.",
    "In mental distress, talking to people who are not there.",
    "Psychotic episode reported by the GP.",
    "Studying psychology at university.",
    "The mental state of the male is deteriorating.",
    "Mental capacity assessment needed.",
]


@pytest.mark.parametrize("text", NON_HITS)
def test_clinical_and_plain_mental_health_words_are_not_flagged(text: str) -> None:
    assert terms_in(text) == []
