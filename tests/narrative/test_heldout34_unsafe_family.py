"""The family behind heldout34's unsafe error (thirty-fifth round).

h34-0052: a man "holding the grinder up at the staff" and saying he will cut them, then a
later "no knives seen on cctv", was read as a weapon `no`: the improvised-object rule of the
thirtieth round (`improvised.py`) knew rulers, bottles and shards but no tool of a trade, so
the denial of knives stood alone. Tools, garden tools and sports gear held out at a person now
count as objects held as weapons, in either order beside a named denial, and after a general
one. Alone, each denial is still a `no`, and a tool held at a thing leaves it standing.
"""

import itertools

import pytest

from rightcare.engine.vocab import Answer
from tests.narrative.helpers import answer

TOOLS = [
    "he is holding the grinder up at the staff",
    "he is pointing a drill at the site manager",
    "holding the strimmer toward the gardener",
    "he is swinging a spade at the neighbour",
    "waving the crowbar at the security guard",
    "he has a putter and is swinging it at the steward",
    "she is jabbing the secateurs at her husband",
    "holding a mallet up at the foreman",
]
DENIALS = ["no knives seen on cctv", "no knife seen", "no gun", "no blade"]


@pytest.mark.parametrize(
    ("tool", "denial", "order"), list(itertools.product(TOOLS, DENIALS, (0, 1)))
)
def test_a_named_weapon_denied_beside_a_tool_held_at_a_person_is_never_a_weapon_no(
    tool: str, denial: str, order: int
) -> None:
    first, second = (f"{denial}.", f"update: {tool}.") if order == 0 else (f"{tool}.", denial)
    text = f"staff report two males by the bike racks. {first} {second}"
    assert answer(text, "weapon") is not Answer.NO


@pytest.mark.parametrize("tool", TOOLS)
def test_a_general_denial_before_a_tool_held_at_a_person_is_never_a_weapon_no(
    tool: str,
) -> None:
    text = f"1802 no weapons seen, males arguing. 1806 update: {tool}"
    assert answer(text, "weapon") is not Answer.NO


@pytest.mark.parametrize(
    "text",
    [
        "no knives seen, he is holding the grinder up to the lock",
        "no knife seen, he is pointing the drill at the wall",
        "no gun, he is holding the torch up at the hedge to see",
    ],
)
def test_a_tool_held_at_a_thing_leaves_the_denial_standing(text: str) -> None:
    assert answer(text, "weapon") is Answer.NO
