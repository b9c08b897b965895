"""The kinds of miss seen on `heldout47.jsonl` and `heldout48.jsonl`, read as families of wording.

This module covers both parts, spent together in the forty-eighth round. heldout48 had one
unsafe error: a man up a pylon first said he was "not going to jump", and a later log entry had
him say he "will let go if his ex doesnt come down"; the threat with its condition went unread,
so the early denial stood as a suicidal_thoughts `no`. The family: a later present threat, with
its condition after it ("will let go if", "will jump unless", "going to do it if") or before it
("if police come near he will jump"), must stop an earlier denial standing as a `no`; the answer
is `yes`, or unknown or a conflict, never `no`. heldout47's "if police come near he will go
over" on a roof is the same family. Other misses on the critical questions: a threat to step
out in front of traffic, "going to do it tonight" beside the means, not wanting to wake up, "this
is her last video", someone saying they have a bomb, something thrown at a worker named by role
("the barman"), threats to kill oneself "and her", and the denial "hasnt laid a finger on anyone".
Each family here is worded afresh, never copied from the held-back parts.

Lookalikes that must not fire: letting go of a dog's lead, going over the paperwork, "going to do
it tonight" of a chore, a bath bomb and the bomb squad, a ball thrown at the goal, a last text
sent at a time; and the near misses still read: "making threats to kill himself" stays no
violence, while "threats to kill himself and the kids" is a threat at them.
"""

import pytest

from rightcare.engine.vocab import Answer
from rightcare.narrative import read_narrative
from tests.narrative.helpers import answer

LATER_THREAT_AFTER_A_DENIAL = [
    "2200 she is on the car park roof, says she is not going to jump. 2215 update she is now"
    " saying she will let go if her boyfriend does not ring",
    "0100 on the footbridge, tells officers he wont jump. 0120 update he will jump unless his"
    " mum comes",
    "1900 up the crane, says he is not suicidal. 1930 update now he says if anyone climbs up he"
    " will jump",
    "2300 on the ledge, denies wanting to die. 2330 update if the police come closer he will jump",
]

PRESENT = [
    ("suicidal_thoughts", "he is up the phone mast saying he will let go unless his wife comes"),
    ("risk_to_life", "the girl on the bridge is threatening to let go"),
    ("suicidal_thoughts", "on the roof of the car park, six floors up, she says she will go over"),
    ("suicidal_thoughts", "he has the tablets lined up and says he is going to do it tonight"),
    ("risk_to_life", "shouting on the dual carriageway that he will step out in front of a lorry"),
    ("suicidal_thoughts", "took a box of pills and told her dad she doesnt want to wake up"),
    ("suicidal_thoughts", "posting on her story that this is her final post"),
    ("weapon", "a man in the post office says he has got a bomb in his bag"),
    ("risk_to_life", "the passenger claims he is wearing a suicide vest"),
    ("violence", "a drunk hurled a bottle at the doorman outside the club"),
    ("crime", "someone chucked a brick at the driver"),
    ("violence", "her ex keeps sending threats to kill himself and her"),
]

DENIED = [
    ("violence", "the dad at the match is shouting but hasnt laid a finger on anyone"),
]

LOOKALIKES = [
    ("suicidal_thoughts", "he will let go of the dog lead if it pulls"),
    ("suicidal_thoughts", "he will go over the paperwork with her tomorrow"),
    ("suicidal_thoughts", "she is going to do it tonight, the washing, then call back"),
    ("weapon", "the kids made a bath bomb in class"),
    ("weapon", "the bomb squad have cleared the area"),
    ("violence", "the boy threw the ball at the goal"),
    ("suicidal_thoughts", "his last text was at ten last night"),
]

STILL_READ_OR_LEFT = [
    ("violence", "he is making threats to kill himself", Answer.UNKNOWN),
    ("violence", "he has been texting threats to kill himself and the kids", Answer.YES),
]


@pytest.mark.parametrize("text", LATER_THREAT_AFTER_A_DENIAL)
def test_a_later_threat_stops_an_earlier_denial_standing_as_a_no(text: str) -> None:
    for question in ("suicidal_thoughts", "risk_to_life"):
        assert answer(text, question) is not Answer.NO, question


def test_the_later_conditional_threat_is_read_as_yes_in_its_update() -> None:
    text = LATER_THREAT_AFTER_A_DENIAL[0]
    assert answer(text, "suicidal_thoughts") is Answer.YES


def test_a_denial_with_no_threat_after_it_is_still_a_no() -> None:
    text = "2200 on the bench by the river, says he is not going to jump, just wants to talk"
    assert answer(text, "suicidal_thoughts") is Answer.NO


@pytest.mark.parametrize(("question", "text"), PRESENT)
def test_each_family_is_read_as_yes(question: str, text: str) -> None:
    assert answer(text, question) is Answer.YES


@pytest.mark.parametrize(("question", "text"), DENIED)
def test_a_denial_of_blows_is_read_as_no(question: str, text: str) -> None:
    reading = read_narrative(text)
    assert answer(text, question) is Answer.NO or question in reading.conflicts


@pytest.mark.parametrize(("question", "text"), LOOKALIKES)
def test_a_lookalike_is_not_read_as_yes(question: str, text: str) -> None:
    assert answer(text, question) is not Answer.YES


@pytest.mark.parametrize(("question", "text", "value"), STILL_READ_OR_LEFT)
def test_a_near_miss_reads_as_before(question: str, text: str, value: Answer) -> None:
    assert answer(text, question) is value
