"""The kinds of miss seen on `heldout38.jsonl`, read as families of wording, in every context.

The thirty-eighth part used scenes such as a gasworks, a hammer throw meeting, a grouse shoot,
a pharmacy counter, a hotel spa, a steelworks gate, a bank branch and the mudflats. Each family
here is worded afresh, never copied from the held-back part: entry being forced as it happens
("forcing the door"), a child's age guessed from looks ("a lad who looks about 13"), a threat
to stab someone's mate told in text speak ("theyll shank her m8"), someone held under the
water, an epipen that has not worked, sexual touching between the legs, pictures sent to an
older man, copper or lead stripped off a building, hare coursing and badger digging, a caller
posing as the police or the bank, and the denials "no guns in the house", "nobody threw
anything at anyone" and "no risk to herself".

Lookalikes that must not fire: a carer or warden who got in (still an entry `no`) beside an
intruder who got in (no `no` at all), held under the arms, an epipen given, a few extra
painkillers for a headache (risk_to_life, serious_harm, medical_emergency), pictures sent to a
grandparent, an electrician cutting copper cable for a job, an officer who rang back, the
hammer or javelin of athletics (weapon), a blow with a pillow (serious_harm) and someone
peppered by shot on a game shoot (weapon, violence, crime). Rule clarifications kept from dev
and earlier parts: a blow with a slipper is a weapon (h6-0059), a chair thrown at someone is
violence, not a weapon (dev d0100), a punch in the face with no injury told is no serious harm
(dev d0097, h10-0005), a ligature round the neck is a risk to life, not serious harm (dev d0004),
and "not come back up" in water stays unread for medical_emergency (h10-0001, h31-0038).
"""

from rightcare.engine.vocab import Answer
from tests.narrative.helpers import answer, never_read_as, read_as

PRESENT = [
    ("entry_required", "crew at the bungalow are forcing the door, no reply from inside"),
    ("entry_required", "update: fire forcing their way in through the conservatory"),
    ("child", "the lad who looks about 13 is sat on the railway bridge"),
    ("child", "a girl looking approx 10 is crying by the tills on her own"),
    ("risk_to_life", "group chat says the year 11s will shank her m8 at the bus station"),
    ("crime", "kids on the estate say theyll stab ur bro when he comes out"),
    ("risk_to_life", "a man pushed his head under the water at the lido"),
    ("violence", "two lads held the boy under the water by the jetty"),
    ("risk_to_life", "throat tight, the epipen has not helped"),
    ("serious_harm", "a man on the coach touched him between the legs"),
    ("serious_harm", "son 12 is sending pictures of himself to a grown man on a chat app"),
    ("crime", "niece 14 sent nudes to an older guy she met online"),
    ("crime", "3 men pulling the copper pipes out of the empty pub"),
    ("crime", "someone nicking lead from the school roof"),
    ("crime", "there is hare coursing on the fields by the wind farm"),
    ("crime", "her dad is drawing out 4000 for someone who rang saying he was from the bank"),
]

DENIED = [
    ("weapon", "he sold his rifles, no guns at the farmhouse now"),
    ("violence", "no one threw anything, the vase just toppled"),
    ("risk_to_life", "pt is restless but no risk to herself, just wants a chat"),
    ("entry_required", "the warden got in with her fob and he is in the chair"),
]

LOOKALIKES = [
    ("entry_required", "her ex has got in through the patio door and she is upstairs"),
    ("risk_to_life", "the coach held her under the arms in the shallow end"),
    ("risk_to_life", "hives and itchy, epipen given by mum, now settled"),
    ("risk_to_life", "took 3 extra ibuprofen for his headache, not an overdose"),
    ("medical_emergency", "took 3 extra ibuprofen for his headache, not an overdose"),
    ("serious_harm", "took 3 extra ibuprofen for his headache, not an overdose"),
    ("serious_harm", "she is sending photos to her grandad of the new lambs"),
    ("crime", "she is sending photos to her grandad of the new lambs"),
    ("crime", "the sparky is cutting copper cable for the new sockets"),
    ("crime", "an officer rang her back saying the car has turned up"),
    ("weapon", "at the hammer throw a hammer landed short of the cage"),
    ("weapon", "at the javelin throw the javelin landed by the long jump pit"),
    ("serious_harm", "her sister whacked her with a cushion, no marks"),
    ("weapon", "a picker-up was hit by stray pellets on the partridge drive, accident"),
    ("violence", "a picker-up was hit by stray pellets on the partridge drive, accident"),
    ("crime", "a picker-up was hit by stray pellets on the partridge drive, accident"),
]


def test_the_families_are_read_as_yes() -> None:
    read_as(PRESENT, Answer.YES)


def test_the_denials_are_read_as_no() -> None:
    read_as(DENIED, Answer.NO)


def test_the_lookalikes_are_never_read_as_yes() -> None:
    never_read_as(LOOKALIKES, Answer.YES)


def test_an_intruder_who_got_in_is_never_an_entry_no() -> None:
    assert answer(LOOKALIKES[0][1], "entry_required") is not Answer.NO


def test_a_slipper_is_still_a_weapon_as_h6_labels_it() -> None:
    text = "her stepdad hit her with a slipper, no marks"
    assert answer(text, "weapon") is Answer.YES


def test_a_weapon_waved_at_ppl_is_a_crime_but_a_wave_at_folk_is_not() -> None:
    read_as([("crime", "her lad is swinging the bat at ppl outside the chippy")], Answer.YES)
    never_read_as([("crime", "she is waving at folk she knows across the road")], Answer.YES)
