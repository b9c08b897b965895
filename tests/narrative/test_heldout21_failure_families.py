"""The kinds of miss seen on `heldout21.jsonl`, read as families of wording, in every context.

The twenty-first part was written for scenes no earlier part used (a ferry car deck, a cinema,
an apiary, a school crossing, mobility scooters, a tram depot ...). Each family here is worded
afresh, never copied from the held-back part: a person gone overboard; "blood everywhere" as
callers misspell it; someone who has keeled over; a tyre iron or jack handle in a fight; a
threat to bite or spit at someone. Lookalikes that must not fire: an animal going for someone,
a man overboard drill, "nearly keeled over laughing", a tyre iron in the boot.
"""

from rightcare.engine.vocab import Answer
from tests.narrative.helpers import answer

PRESENT = [
    ("risk_to_life", "skipper says a deckhand has gone overboard off the trawler, cant see him"),
    ("risk_to_life", "woman fell overboard from the pleasure boat near the pier"),
    ("risk_to_life", "lad slashed outside the kebab shop, blood evrywhere on the pavement"),
    ("medical_emergency", "doorman says theres blood everywere in the toilets, lad glassed"),
    ("medical_emergency", "the old boy just keeled over in the queue at the post office"),
    ("weapon", "two van drivers scrapping in the lay-by, one swinging a jack handle"),
    ("violence", "the prisoner keeps threatening to headbutt the officer in the van"),
]

DENIED = [
    ("violence", "rowing over the parking, nobody has hit anyone, both gone in"),
]

NOT_YES = [
    ("violence", "a big dog went for the postie by the gate, owner has it now"),
    ("crime", "a big dog went for the postie by the gate, owner has it now"),
    ("violence", "the swans went for a kid feeding them by the lake, hes fine"),
    ("risk_to_life", "lifeboat crew doing a man overboard exercise in the bay, all fine"),
    ("medical_emergency", "my mum nearly keeled over laughing at the wedding, all good"),
    ("weapon", "broke down on the bypass, the tyre iron is in the boot, waiting for recovery"),
    ("violence", "he was threatening to bite his nails off with the stress"),
]

OTHER_PERSON = [
    ("risk_to_life", "his wife says their son went overboard off the ferry, crew searching"),
    ("medical_emergency", "her husband says she just keeled over in the kitchen"),
]


def test_a_person_who_still_goes_for_someone_is_not_hidden_by_the_animal_lookalike() -> None:
    text = "her husband went for her in the kitchen, she has a cut lip"
    assert answer(text, "violence") is Answer.YES


def test_a_weapon_brandished_beside_a_denial_of_blows_is_no_violence_no() -> None:
    text = "his uncle is waving a machete about on the drive, hasnt touched anyone"
    assert answer(text, "violence") is not Answer.NO


def test_a_tyre_iron_without_a_fight_is_not_a_weapon() -> None:
    text = "changing a wheel on the hard shoulder with a tyre iron, needs recovery"
    assert answer(text, "weapon") is not Answer.YES
