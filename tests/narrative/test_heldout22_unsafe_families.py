"""The families behind heldout22's three unsafe errors (twenty-third round).

- A denial of injury ("not hurt", "no injuries", "unhurt") speaks to a physical injury, not to
  sexual harm, exploitation or grooming: beside sexual touching, grooming or luring into a car
  it is dropped, so serious_harm is never `no` there (`denials.speaks_of_sexual_harm`).
- A third party's report of past talk ("never said anything about ending it") does not deny a
  present act or words of intent ("this is it", in front of a bus, on a parapet): there it is
  no suicidal_thoughts or risk_to_life `no` (`denials.acts_now`).
- A caller who gives an age under 18 ("caller, 17,") is a child, and a possessive before an
  adult's age ("her boyfriend, 22,") is never a name, so it is no child `no`.
Alone, each denial is still a `no`.
"""

import itertools

import pytest

from rightcare.engine.vocab import Answer
from rightcare.narrative import denials
from rightcare.narrative.tokenregex import token_string
from tests.narrative.helpers import answer

SEXUAL = [
    "the man touched her leg on the tram",
    "he groped her on the stairs",
    "a man keeps trying to get the girls into his car",
    "she thinks shes being groomed by an older man online",
    "a male exposed himself to her by the swings",
    "staff have CSE concerns about him",
    "the lodger has been touching her bum when mum is out",
    "he was offering the kids lifts in his van",
]
INJURY_DENIALS = [
    "not hurt",
    "no injuries",
    "unhurt",
    "nobody hurt",
    "not injured",
    "no one injured",
]
WHO = ["girl, 14", "lad, 15", "woman, 30", "my daughter"]


@pytest.mark.parametrize(
    ("sexual", "denial", "who", "order"),
    [
        (s, d, w, o)
        for (s, d), w, o in itertools.product(
            itertools.product(SEXUAL, INJURY_DENIALS), WHO[:2], (0, 1)
        )
    ][:192],
)
def test_a_denial_of_injury_beside_sexual_harm_is_never_a_serious_harm_no(
    sexual: str, denial: str, who: str, order: int
) -> None:
    first, second = (sexual, denial) if order == 0 else (denial, sexual)
    text = f"caller says the {who}, is home now, {first}, {second}, mum with her"
    assert answer(text, "serious_harm") is not Answer.NO


@pytest.mark.parametrize("denial", INJURY_DENIALS)
def test_a_denial_of_injury_alone_is_still_a_serious_harm_no(denial: str) -> None:
    text = f"lad came off his scooter by the shops, {denial}, mum collecting him"
    assert answer(text, "serious_harm") is Answer.NO


@pytest.mark.parametrize(
    "text",
    [
        "dog groomer says the spaniel nipped her, not hurt, it bites anyone who touches its paws",
        "a man touched his bike outside the shop, lad not hurt, bike fine",
        "nobody touched her, she is not hurt, just shaken after the row",
        "the groom's uncle fell on the dance floor, not hurt",
    ],
)
def test_a_touch_or_a_groom_that_is_no_sexual_harm_leaves_the_denial_standing(text: str) -> None:
    assert answer(text, "serious_harm") is Answer.NO


def test_the_sexual_harm_word_test_reads_luring_into_a_car() -> None:
    import spacy

    nlp = spacy.blank("en")
    assert denials.speaks_of_sexual_harm(
        token_string(nlp("he keeps trying to get them in his car"))
    )
    assert not denials.speaks_of_sexual_harm(token_string(nlp("he went to get his car keys")))


ACTS = [
    "shouted 'this is it' and stepped off the kerb",
    "walked out in front of a lorry",
    "was stood on the parapet of the bridge",
    "has taken an overdose",
    "was sat on the ledge of the car park",
]
PAST_TALK = [
    "never said anything about ending it",
    "never mentioned suicide",
    "has never talked about suicide",
]


@pytest.mark.parametrize(("act", "talk"), list(itertools.product(ACTS, PAST_TALK)))
def test_a_report_of_past_talk_beside_a_present_act_is_never_a_suicidal_no(
    act: str, talk: str
) -> None:
    text = f"passer by says a man {act}. his wife says hes been low, {talk}"
    assert answer(text, "suicidal_thoughts") is not Answer.NO
    assert answer(text, "risk_to_life") is not Answer.NO


def test_a_report_of_past_talk_alone_is_still_a_suicidal_no() -> None:
    text = "son says his dad is low but never mentioned suicide, at home watching the football"
    assert answer(text, "suicidal_thoughts") is Answer.NO


@pytest.mark.parametrize("age", ["13", "15", "16", "17"])
def test_a_caller_under_18_beside_an_adults_age_is_never_a_child_no(age: str) -> None:
    text = f"caller, {age}, from a bedsit: her boyfriend, 22, has had her by the throat"
    assert answer(text, "child") is Answer.YES


def test_an_adult_caller_is_still_a_child_no() -> None:
    text = "caller, 38, says her partner, 40, is shouting in the garden"
    assert answer(text, "child") is Answer.NO
