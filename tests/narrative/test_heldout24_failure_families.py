"""The kinds of miss seen on `heldout24.jsonl`, read as families of wording, in every context.

The twenty-fourth part used scenes such as an airport, a ferry, a hairdresser's, a takeaway, a
shooting estate and a school crossing. Each family here is worded afresh, never copied from the
held-back part: someone whose whereabouts were unknown and who is later found "on the sea wall"
(its unsafe error), on the wrong side of railings, out on the apron; heavy bleeding typed with the
g dropped ("bleedin loads"); a plate or a mug smashed over someone's head. Lookalikes that must
not fire: graffiti on a school wall, an apron worn, the wrong side of the road, "bleedin" as a
curse, a plate smashed against a wall, a courier who "got jumped off" his bike, a ferry crew.
"""

from rightcare.engine.vocab import Answer
from tests.narrative.helpers import answer

PRESENT = [
    ("location_known", "woman sat on the harbour wall with a bottle of vodka, crying"),
    ("location_known", "lad is on the wrong side of the bridge barrier, shouting"),
    ("location_known", "loader collapsed out on the apron, colleagues with him"),
    ("serious_harm", "my dad hit mum n shes bleedin a lot from her lip"),
    ("risk_to_life", "he has been stabbed in the leg and is bleedin everywhere"),
    ("weapon", "she broke a vase over his head during the row, hes dazed"),
]

DENIED: list[tuple[str, str]] = []

NOT_YES = [
    ("location_known", "kids drew graffiti on the church wall last night, nobody about now"),
    ("location_known", "baker spilled flour down his apron, wants to report a theft from his van"),
    ("location_known", "van drove on the wrong side of the road, no one hurt"),
    ("serious_harm", "its bleedin heavy rain n the bleedin idiot next door is revving his car"),
    ("weapon", "she smashed a plate against the wall in a temper, nobody touched"),
    ("suicidal_thoughts", "paper boy got jumped off his bike by older lads, not hurt"),
    ("risk_to_life", "paper boy got jumped off his bike by older lads, not hurt"),
    ("health_professional_involved", "ferry crew say a drunk man is shouting at passengers"),
]

OTHER_PERSON = [
    ("weapon", "my sister says her bf smashed a mug on her head last night"),
]


def test_a_later_find_on_the_sea_wall_stands_over_an_earlier_unknown_whereabouts() -> None:
    # The unsafe family (h24-0060): a later update's place is where he is now.
    text = (
        "06:30 daughter says dad, 80, wandered off overnight, whereabouts unknown. 07:15 update "
        "he has now been found by a jogger on the sea wall, cold but talking"
    )
    assert answer(text, "location_known") is Answer.YES


def test_whereabouts_unknown_with_no_later_find_is_still_no() -> None:
    text = "07:00 son says mum went out at dawn, whereabouts unknown, phone off"
    assert answer(text, "location_known") is Answer.NO


def test_a_wall_of_a_school_or_church_is_still_no_place() -> None:
    text = "youths kicking a ball on the school wall, nobody hurt"
    assert answer(text, "location_known") is not Answer.YES


def test_bleedin_loads_is_read_on_every_critical_question_of_bleeding() -> None:
    text = "bf hit her with a bottle, shes bleedin loads"
    for question in ("serious_harm", "medical_emergency", "risk_to_life"):
        assert answer(text, question) is Answer.YES
