"""The kinds of miss seen on `heldout36.jsonl`, read as families of wording, in every context.

The thirty-sixth part used scenes such as a canal lock, a lift shaft, a rooftop bar, a kite
beach, a school lab, a walk in centre, a snowdome, a cup final and a sugar beet factory. Each
family here is worded afresh, never copied from the held-back part: someone gone over the side
of a boat, fallen down a shaft, a well or a stairwell, on the wrong side of a barrier named by
what it is made of, swept or pulled out past the buoys or a breakwater, tablets saved up or
squirrelled away, acid or caustic in the eyes, a deep or wrapped wound dripping blood, a threat
to cut a face or to "cut her up", chasing "my" or "our" mate or kid with a weapon near, pushed
or dragged into something "by" a person, a man who exposed himself to someone, tyres or seats
slashed, a threat to smash or stove a head in (now a crime), a threat hung on dropping the
charges, someone paid or made to carry or sell for others, older men giving a young person
drink or drugs, a limb thought "broke" with the pronoun dropped, and a depot, a boozer or a bath
as a place.

Lookalikes that must not fire: a thing that went over the side or down a shaft, the wrong side
of the road, a boat towed out, saving up for a bike, a scratch dripping blood, cutting hair, a
van that cut someone up, chasing a dog, pushed by the waves, kicked out of a hostel (crime),
exposed to the cold, dog grooming, dropping the charges of her own will, a courier paid by his
boss, a printer "i think its broken", a threat shouted at the telly, a dog bite, acid spilt in a
lesson (violence and crime), something put in the bath (location). Rule clarifications kept
from dev and earlier parts: a can of petrol beside a threat to burn is not a weapon (dev d1235),
a limb thought broken is not a medical emergency (h3 m0079), "slash her face" is not a risk to
life (h7-0072). Denials read as `no`: "nobody has threatened her", "no threat," with a stop
after it, a gun "not a real one"; and a knife flashed at someone no longer hides "unhurt" as if
it were exposure (h36-0111).
"""

from rightcare.engine.vocab import Answer
from rightcare.narrative import read_narrative
from tests.narrative.helpers import answer, never_read_as, read_as

PRESENT = [
    ("risk_to_life", "the crewman toppled over the side of the trawler in the swell"),
    ("risk_to_life", "a climber has tumbled down a disused well on the fell"),
    ("serious_harm", "the boy plunged down the lift shaft at the flats"),
    ("medical_emergency", "she has fallen into an old mine shaft, moaning"),
    ("risk_to_life", "woman stood on the wrong side of the glass bridge railings"),
    ("risk_to_life", "the swimmer was swept out past the groyne by the tide"),
    ("risk_to_life", "he has saved up a load of his tramadol and says hes had enough"),
    ("medical_emergency", "got some ammonia in his eyes cleaning out the barn"),
    ("serious_harm", "battery acid splashed in her eye at the garage"),
    ("medical_emergency", "gashed his forearm, deep, bandage soaked and still dripping blood"),
    ("violence", "he messaged her that hes gonna carve her face"),
    ("crime", "said he will chop her up when he gets out"),
    ("violence", "the man has a machete and is chasing my little brother"),
    ("crime", "the apprentice was pushed down the stairs by his manager"),
    ("violence", "she was dragged into the van by two men"),
    ("crime", "a man was flashing himself to women on the prom"),
    ("crime", "someone slashed the seats on the school minibus"),
    ("crime", "he is threatening to cave her skull in over a parking space"),
    ("crime", "he says if she does not drop the case he will burn her car"),
    ("serious_harm", "older blokes round the flats give him weed and vodka"),
    ("crime", "the dealers are making her sell crack from the flat"),
    ("serious_harm", "lads on the estate pay him to hold packages, older lads, he is scared"),
    ("serious_harm", "her wrist she thinks is broke after he twisted it"),
    ("location_known", "found asleep in the boozer, cant wake him"),
    ("location_known", "he is in the bath and not answering"),
]

NOT_YES = [
    ("risk_to_life", "the anchor went over the side and the chain ran out"),
    ("risk_to_life", "her phone fell down the lift shaft"),
    ("risk_to_life", "he lives on the wrong side of the river"),
    ("risk_to_life", "the lifeboat was towed out past the pier for a refit"),
    ("risk_to_life", "saving up her pocket money for a scooter"),
    ("medical_emergency", "blood dripping from a scratch on his finger"),
    ("violence", "she wants to cut her hair short for the summer"),
    ("violence", "a lorry cut him up on the bypass"),
    ("violence", "she is chasing my dog round the garden with a lead"),
    ("violence", "he was pushed into the pool by the waves"),
    ("crime", "he got kicked out of the hostel for drinking"),
    ("crime", "she exposed herself to the cold waiting for the bus"),
    ("crime", "the dog grooming salon on the corner"),
    ("serious_harm", "the dog grooming salon on the corner"),
    ("crime", "she wants to drop the charges herself"),
    ("serious_harm", "my boss pays me to deliver parcels in the van"),
    ("serious_harm", "the printer jammed again, i think its broken"),
    ("risk_to_life", "he shouted ill kill you at the screen when he lost the match"),
    ("crime", "he shouted ill kill you at the screen when he lost the match"),
    ("violence", "the neighbours terrier bit her ankle on the path"),
    ("crime", "the neighbours terrier bit her ankle on the path"),
    ("violence", "a student spilt some acid on her hand during the lesson"),
    ("location_known", "she put the dog in the bath to wash it"),
    # rule clarifications kept from dev and earlier parts
    ("weapon", "says he will set the flat alight with her in it, has a jerry can of petrol"),
    ("medical_emergency", "my leg very bad, i think is broke"),
    ("risk_to_life", "he says he is going to slash her face"),
]


def test_each_family_is_read_in_new_words() -> None:
    read_as(PRESENT, Answer.YES)


def test_lookalikes_are_not_read_as_yes() -> None:
    never_read_as(NOT_YES, Answer.YES)


DENIED = [
    ("violence", "no one is threatening her, they are just arguing about money"),
    ("violence", "its the postman with a parcel, no threat."),
    ("weapon", "the boys are playing with a nerf gun, not a real one"),
    ("serious_harm", "a lad flashed a knife at the barman, who is unhurt"),
]


def test_plain_denials_are_read_as_no() -> None:
    read_as(DENIED, Answer.NO)


def test_a_denied_threat_beside_a_blow_is_a_conflict_not_a_no() -> None:
    reading = read_narrative("nobody has threatened her, but he punched her in the face")
    assert "violence" in reading.conflicts


def test_a_toy_denied_does_not_deny_a_real_knife() -> None:
    text = "he has a kitchen knife, the gun in his belt is not a real one"
    assert answer(text, "weapon") is Answer.YES


def test_a_push_by_a_person_beside_a_denial_of_a_fight_is_a_conflict() -> None:
    reading = read_narrative("the porter was shoved into the lift door by a visitor, no fight")
    assert "violence" in reading.conflicts
