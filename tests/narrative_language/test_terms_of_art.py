import pytest

from .helpers import terms_in


@pytest.mark.parametrize(
    "text",
    [
        "Detained under s136 of the Mental Health Act.",
        "Appears to be suffering from mental disorder and in immediate need of care.",
        "Suspect charged with sexual activity with a child.",
        "Offence: causing or inciting a child to engage in sexual activity.",
        "Offence of paying for the sexual services of a child.",
        "Risk of sexual exploitation of children at the hotel.",
        "Mental Capacity Act assessment by the mental health team.",
        "Suicide risk assessed; MH nurse on scene; s136 considered.",
    ],
)
def test_legal_and_clinical_terms_of_art_are_not_flagged(text: str) -> None:
    assert terms_in(text) == []


def test_a_term_of_art_does_not_hide_wording_elsewhere_in_the_text() -> None:
    text = "Detained under the Mental Health Act. Staff call him a nutter."
    assert terms_in(text) == ["nutter"]
