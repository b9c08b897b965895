"""The kinds of miss seen on `heldout23.jsonl`, read as families of wording, in every context.

The twenty-third part used scenes such as a library, a lock on a canal, a dairy farm, a climbing
wall and a phone shop. Each family here is worded afresh, never copied from the held-back part:
someone who answered and is "now not answering" in a later update (its unsafe error), a door
opened by a keyholder; something "pulled on the other"; a person struck over the head "with" an
object; a belt used to beat a child; a glass smashed and turned on someone; a weapon "flashed"
at a person; a threat to "chop him up" or to shoot the dog "and then me"; held "by her neck";
going purple while choked; "gone under" in water; wanting to be hit by a lorry. Lookalikes that
must not fire: a mower blade, an ice axe for a course, a needle lying by someone collapsed, a man
overboard drill, the lock cottage, pressure sores down to the bone, chopping wood up, going purple
with rage, a dog held by its neck, a business gone under.
"""

from rightcare.engine.vocab import Answer
from tests.narrative.helpers import answer

PRESENT = [
    (
        "no_answer_at_door",
        "08:50 carer knocked, he answered, fine. 11:30 update: back at the bungalow, curtains "
        "shut, door locked, he has stopped answering",
    ),
    ("weapon", "two anglers rowing on the bank, one pulled a priest on the other"),
    ("weapon", "she bashed him over the head with a frying pan, hes dazed"),
    ("weapon", "neighbour says the dad was walloping the lad with a cable, lad is 8"),
    ("weapon", "lads fighting by the kebab van, one smashed a bottle and lunged at the other"),
    ("violence", "pupil has a knife in his bag and flashed it at a teacher in maths"),
    ("violence", "tenant says the landlord is screaming hes going to carve him up"),
    ("risk_to_life", "tenant says the landlord is screaming hes going to carve him up"),
    ("risk_to_life", "ex on the phone says hell shoot the horse and then me"),
    ("risk_to_life", "bf has his hands round her neck n shes gone purple"),
    ("risk_to_life", "kid fell through the ice on the pond and went under, no sign of him"),
    ("medical_emergency", "kid fell through the ice on the pond and went under, no sign of him"),
    ("risk_to_life", "man wandering on the bypass keeps saying he wants to be hit by a truck"),
]

DENIED = [
    ("no_answer_at_door", "carers knocked at 9, she came to the door, all fine"),
]

NOT_YES = [
    ("weapon", "groundsman says the mower blade snapped off, no one near it"),
    ("weapon", "student brought an ice axe for the winter course, asking where to store it"),
    ("weapon", "man collapsed by the bins, needle lying next to him, breathing slowly"),
    ("risk_to_life", "rowing club practising man overboard on the lake this morning, all fine"),
    ("risk_to_life", "she is in the lock cottage having a cuppa with the keeper"),
    ("risk_to_life", "nurse says his pressure ulcers are down to the bone, wants a welfare check"),
    ("risk_to_life", "he says he will chop the logs up later, just moaning about the noise"),
    ("risk_to_life", "bloke went purple with rage at the ticket machine, no trouble"),
    ("violence", "she picked the kitten up by its neck and put it outside"),
    ("risk_to_life", "his building firm has gone under, he is gutted but safe at home"),
    ("violence", "she pulled a knife out of the block and said she was cutting the bread"),
]

OTHER_PERSON = [
    ("violence", "the lad next door flashed it at my daughter, a flick knife, shes 10"),
    ("weapon", "my brother got jumped, one of them cracked him on the head with a bat"),
]


def test_an_update_that_stops_answering_stands_over_an_earlier_answer() -> None:
    # The unsafe family (h23-0089): the later update is the answer now.
    text = (
        "09:10 warden knocked, she answered, said she was ok. 09:40 update: warden heard a "
        "thud, knocked again, she is now not answering, door bolted"
    )
    assert answer(text, "no_answer_at_door") is Answer.YES


def test_a_door_opened_by_a_keyholder_is_no_answer_given() -> None:
    text = (
        "10:05 concierge knocked on flat 4, she is now not answering, door locked. 10:20 "
        "update: concierge opened the door with the master key, she is on the floor"
    )
    assert answer(text, "no_answer_at_door") is Answer.YES


def test_the_person_opening_the_door_themselves_is_still_an_answer() -> None:
    text = "police knocked, he opened the door and said he was fine"
    assert answer(text, "no_answer_at_door") is Answer.NO


def test_a_bare_not_answering_after_a_locked_door_is_left_unread() -> None:
    # The earlier parts leave a bare "not answering (now)" unlabelled.
    text = "flatmate says she is in the bath, door locked, not answering now"
    assert answer(text, "no_answer_at_door") is not Answer.YES
