"""The two families behind heldout10's unsafe errors (read after it was scored once): a goodbye
made by giving away what one will not need, and a knock that went unanswered before someone came
to the door. Beside a plain `no` each must leave a conflict (ask), never a `no`."""

import pytest

from rightcare.engine.vocab import Answer
from tests.narrative.helpers import answer

GOODBYES = [
    "she has given away her cat and says she won't be needing it",
    "son says his dad has given away his bank cards, wont need them any more he said",
    "neighbour says he has been giving away his belongings all week",
]


@pytest.mark.parametrize("text", GOODBYES)
def test_things_given_away_as_not_needed_are_a_risk_to_life(text: str) -> None:
    assert answer(text, "risk_to_life") is Answer.YES


def test_a_goodbye_beside_a_denial_of_suicidal_thoughts_is_not_a_no() -> None:
    text = "denied suicidal thoughts to the nurse, but has given away his dog and his bank cards"
    assert answer(text, "risk_to_life") is not Answer.NO


@pytest.mark.parametrize(
    "text",
    ["he gave her the keys so she can feed the cat", "gave the carer his bank card to do shopping"],
)
def test_handing_things_over_for_an_errand_is_not_a_goodbye(text: str) -> None:
    assert answer(text, "risk_to_life") is not Answer.YES


@pytest.mark.parametrize(
    "text", ["warden knocked, no answer, lights on", "we knocked but no reply"]
)
def test_a_knock_that_went_unanswered_is_no_answer_at_the_door(text: str) -> None:
    assert answer(text, "no_answer_at_door") is Answer.YES


def test_someone_coming_to_the_door_later_does_not_undo_an_unanswered_knock() -> None:
    text = "0100 knocked, no answer. 0110 a woman came to the door and shut it again"
    assert answer(text, "no_answer_at_door") is not Answer.NO
