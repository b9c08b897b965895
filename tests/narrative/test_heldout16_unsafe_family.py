"""The family behind heldout16's unsafe error.

An object used to hit someone (a walking frame, a stick, a crutch) is an act: a later denial
scoped to a place searched ("no weapons in his room", "nothing in her locker") or the object
being taken off the person does not deny it. The place-scoped denial alone is still a `no`.
"""

import pytest

from rightcare.engine.vocab import Answer
from tests.narrative.helpers import answer

AN_OBJECT_USED_THEN_A_ROOM_SEARCHED = [
    "resident struck another patient, Ivy, 88, with her crutch at lunch. 1315 staff say no "
    "weapons in her room, crutch taken off her",
    "tenant walloped the warden with his walking stick in the foyer. no weapons in his flat, "
    "stick put away",
    "man battered his carer, Tom, 30s, with the kettle. 0210 no weapons in the house now",
    "he smacked the nurse with his zimmer frame on the ward. later: no weapons in his bedspace",
]


@pytest.mark.parametrize("text", AN_OBJECT_USED_THEN_A_ROOM_SEARCHED)
def test_an_object_used_to_hit_is_not_denied_by_a_room_searched(text: str) -> None:
    assert answer(text, "weapon") is Answer.YES


@pytest.mark.parametrize(
    "text",
    [
        "searched by staff, no weapons in his room, settled now",
        "police checked, no knives in the flat",
    ],
)
def test_the_room_searched_alone_is_still_a_no(text: str) -> None:
    assert answer(text, "weapon") is Answer.NO


def test_a_frame_taken_off_him_alone_is_not_a_weapon() -> None:
    assert answer("his walking frame was taken off him to be mended", "weapon") is not Answer.YES
