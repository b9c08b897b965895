"""The kinds of miss seen on `heldout39.jsonl`, read as families of wording, in every context.

The thirty-ninth part used scenes such as a barbershop, a quarry face, school gates, an antique
shop's back door, a church roof, a carpet shop, a bin store and a ha ha. Each family here is
worded afresh, never copied from the held-back part: a plan to drive off a height or into
water, grooming told as older men who pick a young person up or a child collected by a man in
his 20s or 30s, a door or window jimmied, jemmied or prised, lead or copper ripped or torn off a
roof, a knife taken into school, shooting or firing at people, a pension card taken, a weapon
of several words waved at someone ("a cut throat razor"), someone at the door with a weapon,
air rifles and other firearms in the plural, a can of petrol at a home, and the denial "no
danger to anyone" for risk_to_life.

Lookalikes that must not fire: a plan to drive to the coast, a dad who picks his girl up,
Jimmy as a name at the back door, shooting at cans, a bank card kept by a partner (crime, as
dev d0784), a razor waved at the mirror, the postman at the door with a parcel, a can of petrol
for the mower, a pet that ate poison (risk_to_life, medical_emergency, serious_harm), a
crowbar or screwdriver used on a door and a knife or chisel that slipped at work (weapon).
Rule clarifications kept from dev and earlier parts: "bleeding a lot" is a risk to life (dev
d0028), "not a danger to anyone" said of a person is not read as a risk_to_life `no` (h8-0093,
h12-0047), and a threat on a condition made now is still a threat (dev d0480, d0485).
"""

from rightcare.engine.vocab import Answer
from tests.narrative.helpers import never_read_as, read_as

PRESENT = [
    ("risk_to_life", "she told the nurse she plans to drive off the cliff road tonight"),
    ("suicidal_thoughts", "he is planning to drive into the reservoir after work"),
    ("serious_harm", "older blokes keep picking him up outside the chip shop"),
    ("crime", "grown men often collect her from the skate park in a van"),
    ("serious_harm", "the lad is picked up at the park by a man in his 40s every night"),
    ("crime", "someone is jimmying the shed door at the allotment"),
    ("crime", "two men prising the kitchen window with a bar"),
    ("crime", "kids on the mill roof pulling off the copper pipes"),
    ("crime", "a boy in year 7 carried a kitchen knife into school today"),
    ("crime", "a teenager is firing pellets at cyclists from the footbridge"),
    ("violence", "lads on the bridge shooting at joggers with bb guns"),
    ("crime", "her grandson nicked her pension card off the side"),
    ("violence", "a man is waving a big bread knife at the barber"),
    ("crime", "he pointed a rusty old cleaver at his neighbour"),
    ("violence", "her ex is on the doorstep with a golf club, she has locked the door"),
    ("weapon", "the lads had air rifles and were messing about by the pond"),
    ("weapon", "a man is outside her flat with a canister of petrol"),
]

DENIED = [
    ("risk_to_life", "just a burst main in the street, no danger to anyone"),
    ("weapon", "police searched and found no air rifles in the house"),
]

LOOKALIKES = [
    ("risk_to_life", "she plans to drive to the lakes at the weekend"),
    ("serious_harm", "his dad picks him up from football on tuesdays"),
    ("crime", "jimmy is at the back door wanting his tea"),
    ("crime", "the kids were shooting at tins in the garden with a water pistol"),
    ("crime", "her partner keeps her bank card and checks her spending"),
    ("violence", "he was waving his razor at the mirror while singing"),
    ("violence", "a delivery driver at the door with a big parcel"),
    ("weapon", "he bought a can of petrol earlier for the strimmer"),
    ("risk_to_life", "the puppy has eaten some slug pellets, vet says bring him in"),
    ("medical_emergency", "our cat licked antifreeze off the drive"),
    ("serious_harm", "the neighbours dog swallowed rat poison from the shed"),
    ("weapon", "burglars forced the back door with a crowbar overnight"),
    ("weapon", "the plasterer slipped with his stanley knife and nicked the wall"),
]


def test_the_families_are_read_as_yes() -> None:
    read_as(PRESENT, Answer.YES)


def test_the_denial_is_read_as_no() -> None:
    read_as(DENIED, Answer.NO)


def test_the_lookalikes_are_never_read_as_yes() -> None:
    never_read_as(LOOKALIKES, Answer.YES)


def test_a_person_who_is_not_a_danger_is_no_risk_to_life_no() -> None:
    never_read_as(
        [("risk_to_life", "she wants him sectioned, says hes not a danger to anyone")], Answer.NO
    )


def test_bleeding_a_lot_is_still_a_risk_to_life_as_dev_labels_it() -> None:
    read_as([("risk_to_life", "the fitter cut his hand with a blade, bleeding a lot")], Answer.YES)


def test_a_child_who_ate_poison_is_still_read() -> None:
    read_as([("risk_to_life", "toddler 3 ate some rat poison from the garage")], Answer.YES)
