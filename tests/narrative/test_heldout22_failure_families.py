"""The kinds of miss seen on `heldout22.jsonl`, read as families of wording, in every context.

The twenty-second part used scenes such as a bus lane camera room, a level crossing, a
scrapyard, a surf school and a laundrette. Each family here is worded afresh, never copied from
the held-back part: a gun named and then "pointed it at" a person; a threat to "end" or
"finish" a person; a weapon shown to someone ("showed him a knife"); a weapon waved and a blow
struck in one breath; a person touched on an intimate part; a caller who gives an age under 18.
Lookalikes that must not fire: a remote pointed at the telly, ending a shift, finishing the
stocktake, a photo shown to an officer, a flag waved, an arm touched to wake someone.
"""

from rightcare.engine.vocab import Answer
from tests.narrative.helpers import answer

PRESENT = [
    (
        "risk_to_life",
        "farmer says his nephew took the rifle out, pointed it at his wife in the yard",
    ),
    ("risk_to_life", "neighbour has an air pistol, keeps pointing it at the kids over the fence"),
    ("risk_to_life", "her ex has been texting all night that he will 'end her' when he finds her"),
    ("violence", "her ex has been texting all night that he will 'end her' when he finds her"),
    ("violence", "the man at the cashpoint showed her a knife and told her to hand over the card"),
    ("violence", "lads on a moped swung a hammer and hit him on the shoulder by the offy"),
    ("crime", "a passenger on the late train groped her thigh, shes moved carriages"),
    ("child", "caller, 15, says her mums partner is smashing the kitchen up, shes in the loft"),
]

DENIED = [
    ("child", "caller, 42, says her neighbour, 30, is shouting in the street, no weapons"),
]

NOT_YES = [
    ("risk_to_life", "grandad keeps pointing it at the telly, the remote wont work, no worries"),
    ("risk_to_life", "she said she will end her shift at six and finish the rota tomorrow"),
    ("violence", "she said she will end her shift at six and finish the rota tomorrow"),
    ("violence", "he came to the front desk and showed the officer a photo of his garden"),
    ("violence", "fans waved a flag and clipped the kerb with the float, no one hurt"),
    ("crime", "nurse touched her arm to wake her, patient calm now"),
]

OTHER_PERSON = [
    ("risk_to_life", "his brother got the shotgun down, pointed it at their dad, now in the barn"),
    ("violence", "a man in the subway showed my son a blade and took his phone"),
]


def test_a_gun_pointed_at_someone_needs_a_gun_near_it() -> None:
    text = "the lad found a water bottle, pointed it at his mate and squirted him, all laughing"
    assert answer(text, "risk_to_life") is not Answer.YES


def test_a_possessive_before_an_adults_age_is_never_read_as_a_name() -> None:
    text = "caller, 16, says her boyfriend, 25, has locked her in the flat"
    assert answer(text, "child") is Answer.YES


def test_a_touch_that_is_denied_is_no_sexual_assault() -> None:
    text = "row on the bus over a seat, nobody touched her leg, both got off"
    assert answer(text, "crime") is not Answer.YES
