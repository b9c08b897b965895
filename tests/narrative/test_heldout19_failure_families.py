"""The kinds of miss seen on `heldout19.jsonl`, read as families of wording, in every context.

The nineteenth part was written for scenes no earlier part used (a signal box, a casino cashier
window, a rail replacement coach, a smallholding's goat shed, a car meet ...). Each family here
is worded afresh, never copied from the held-back part: a threat to "deal with" a person;
voices telling someone to hurt another; "gets both barrels" with a gun near; going to "shank" a
person named by a first name; a blade held to a throat in a robbery. Plain noes: a denial of
blows where nothing speaks of a threat. Lookalikes that must not fire are listed below.
"""

from rightcare.engine.vocab import Answer
from tests.narrative.helpers import answer

PRESENT = [
    ("violence", "a drunk on the ferry threatening to 'deal with' anyone who looks at him"),
    (
        "violence",
        "the tenant swore to deal with him if the bailiff came back, has a bat by the door",
    ),
    ("violence", "says the voices keep telling him to kill his neighbour"),
    ("violence", "gamekeeper has a shotgun and says any poacher he finds gets both barrels"),
    ("risk_to_life", "has the rifle on the table, says the bailiff gets both barrels"),
    ("crime", "lad at the youth club saying hes gonna shank marcus tonight"),
    ("risk_to_life", "girl in year 8 says a boy with a blade is gonna stab leah after school"),
    ("violence", "two men held a knife to his neck and took his bike and phone"),
]

DENIED = [
    ("violence", "the couple were shouting at each other in the lane, nobody touched anyone"),
    ("violence", "he will deal with it in the morning, nobody hit anyone, just words"),
    ("violence", "she bit her tongue and walked off, no one touched anyone"),
]

NOT_YES = [
    ("violence", "the council will deal with the bins on monday"),
    ("violence", "says she cant deal with the stress of the move"),
    ("violence", "voices telling him to hurt himself, he is on the ward"),
    ("violence", "the councillor gave the planners both barrels at the meeting"),
    ("risk_to_life", "the councillor gave the planners both barrels at the meeting"),
    ("crime", "she bit her lip and said nothing at the hearing"),
    ("violence", "he bit his nails all through the match"),
]

OTHER_PERSON = [
    ("violence", "her son says his dad is threatening to 'deal with' anyone who comes in"),
    ("violence", "the carer says the voices are telling him to hurt the other resident"),
]


def test_voices_telling_him_to_hurt_someone_stand_over_a_denial_of_blows() -> None:
    text = "says voices are telling him to hurt the ticket man, he hasnt touched anyone"
    assert answer(text, "violence") is Answer.YES


def test_a_threat_no_pattern_reads_still_keeps_a_denial_of_blows_from_being_a_no() -> None:
    text = "shouting that everyone is against him and he will sort them, hasnt touched anyone"
    assert answer(text, "violence") is not Answer.NO


def test_a_threat_to_stab_himself_is_not_a_threat_to_a_named_person() -> None:
    assert answer("keeps saying hes gonna stab himself", "violence") is not Answer.YES
