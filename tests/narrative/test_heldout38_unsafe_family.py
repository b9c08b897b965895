"""The families behind heldout38's two unsafe errors (thirty-ninth round).

h38-0015: a timestamped log where an ex partner "has got in through the back door", the caller
is locked in the bathroom and later "units on scene, forcing entry" was read as an
entry_required `no`: can_get_in's "got in" was taken as a statement that responders can get in,
and "forcing entry" (the present participle) was not read at all. An aggressor or intruder who
got in now says nothing about access (`an_intruder_got_in`), and entry being forced is a `yes`.

h38-0065: a girl who "looks about 11" beside "dad 41" was read as a child `no`: the guess from
looks was not read, so the father's adult age stood alone. A child's age guessed from looks is
now a `yes`, so beside a parent's adult age the question is at worst a conflict, never a
silent `no`. Alone, a carer who got in and an adult's age are still a `no`.
"""

import itertools

import pytest

from rightcare.engine.vocab import Answer
from tests.narrative.helpers import answer

INTRUDERS = [
    "her ex partner has got in through the back door and is smashing the place up",
    "caller says a burglar has got in via the kitchen window",
    "her husband has forced his way in and she has hidden in the loft",
    "a stranger got in through the patio door",
    "he has somehow got in and she is barricaded in the bedroom",
]
FORCING = [
    "units on scene, forcing entry",
    "officers forcing the door now",
    "fire crew are forcing their way in",
    "update: police forcing the front door",
]


@pytest.mark.parametrize(
    ("intruder", "forcing", "order"), list(itertools.product(INTRUDERS, FORCING, (0, 1)))
)
def test_an_intruder_who_got_in_is_never_an_entry_no_beside_entry_forced(
    intruder: str, forcing: str, order: int
) -> None:
    first, second = (intruder, forcing) if order == 0 else (forcing, intruder)
    text = f"2210 {first}. 2221 {second}."
    assert answer(text, "entry_required") is not Answer.NO


@pytest.mark.parametrize("intruder", INTRUDERS)
def test_an_intruder_who_got_in_alone_is_no_statement_about_access(intruder: str) -> None:
    assert answer(intruder, "entry_required") is not Answer.NO


@pytest.mark.parametrize(
    "text",
    [
        "the carer has got in with the key safe and he is on the floor",
        "neighbour has a key and has let us in",
    ],
)
def test_responders_getting_in_is_still_a_no(text: str) -> None:
    assert answer(text, "entry_required") is Answer.NO


CHILDREN = [
    "girl looks about 11",
    "the boy looked approx 9",
    "a lad who looks about 14",
    "the girl appears to be 12",
    "she looks no more than 10",
]
PARENTS = ["dad 41", "her mum, 38,", "his father aged 52", "man is her dad, 45 yrs"]


@pytest.mark.parametrize(
    ("child", "parent", "order"), list(itertools.product(CHILDREN, PARENTS, (0, 1)))
)
def test_a_childs_guessed_age_beside_a_parents_age_is_never_a_child_no(
    child: str, parent: str, order: int
) -> None:
    first, second = (child, parent) if order == 0 else (parent, child)
    text = f"1602 two people stuck on the mudflats. 1604 {first}. 1640 {second} says all ok."
    assert answer(text, "child") is not Answer.NO


@pytest.mark.parametrize("child", CHILDREN)
def test_a_childs_age_guessed_from_looks_is_a_yes(child: str) -> None:
    assert answer(f"caller says {child} and is on her own by the road", "child") is Answer.YES


@pytest.mark.parametrize(
    "text", ["male aged 45 acting strangely in the park", "dad 41 is on the mudflats, stuck"]
)
def test_an_adult_age_alone_is_still_a_child_no(text: str) -> None:
    assert answer(text, "child") is Answer.NO
