import pytest

from rightcare.narrative.language import check_language

from .helpers import only_flag


@pytest.mark.parametrize(
    "text",
    [
        'Neighbour shouting "he\'s a nutter" at the door.',
        "Caller described him as “a total psycho”.",
        "Mum said ‘she’s prostituting herself’ about her 14 year old daughter.",
        "Caller said her son is a nutter and has a knife.",
        "Suspect stated she provoked him.",
        "Informant states the male committed suicide last year.",
        "Landlord, in his own words: the tenant is a loony.",
    ],
)
def test_someone_elses_words_are_still_flagged_but_marked_quoted(text: str) -> None:
    flag = only_flag(text)
    assert flag.quoted is True
    assert "who said them" in flag.advice
    assert flag.better in flag.advice


def test_the_handlers_own_words_are_not_marked_quoted() -> None:
    flag = only_flag("Male is a nutter and has a knife.")
    assert flag.quoted is False
    assert flag.advice.startswith("In the record, use:")


def test_a_speech_marker_only_covers_its_own_sentence() -> None:
    flags = check_language("Caller said he has a knife. Male is a nutter.")
    assert [(f.text, f.quoted) for f in flags] == [("nutter", False)]


def test_an_apostrophe_does_not_open_a_quotation() -> None:
    flags = check_language("The kids' dad is a psycho, that's what we think.")
    assert [(f.text, f.quoted) for f in flags] == [("psycho", False)]


def test_words_after_a_closed_quotation_are_not_quoted() -> None:
    flags = check_language('Caller: "help me". The male is a psycho.')
    assert [(f.text, f.quoted) for f in flags] == [("psycho", False)]
