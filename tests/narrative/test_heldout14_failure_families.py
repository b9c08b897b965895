"""The kinds of miss seen on `heldout14.jsonl`, read as families of wording, in every context.

The fourteenth part was written for scenes no earlier part used (a crazy golf, an ice rink, a
cattle market, a houseboat, a paintball site ...). Each family here is worded afresh, never
copied from the held-back part: a wish to sleep for ever; joining someone who has died; a wound
or marks on the neck; heavy bleeding in few words ("bleed very much"); taking the first one in
"with him"; tablets taken and the number not known; someone else's strong medicine; a limb at a
wrong angle or shortened and turned out; a limb caught in machinery, trampled by cattle; run or
knocked over by a vehicle; a person hanging from a fixture; a lighter or cigarette held to a
person; an object swung "at" someone as "it"; tools carried by masked raiders; a threat to
break bones; finishing what he started; a weapon held "at" people as "it"; shot in the face; cash
demanded with a weapon; a veiled threat to a face; threatened by people; grabbed in a sexual way;
destroying a place "with himself in it"; a cut done to oneself; a diabetic gone "all" confused;
a role at work with an age under 18; a bare "no answer" beside a shut house; fittings smashed.
Plain noes: "nobody has thrown a punch", an adult age after "caller". Lookalikes that must not
fire are listed below, among them the staff of places that are not health or care, and the
workplace a caller rings from.
"""

from rightcare.engine.vocab import Answer
from tests.narrative.helpers import answer

PRESENT = [
    # a wish to sleep for ever, joining the dead
    ("risk_to_life", "lad on the multi storey says he wants to sleep forever"),
    ("suicidal_thoughts", "she wants to fall asleep and never wake up, she told the gp"),
    ("risk_to_life", "at the graveside with his urn, says he will join his wife tonight"),
    # a wound or marks on the neck, heavy bleeding in few words
    ("risk_to_life", "deep slash across the side of her neck after the fight"),
    ("risk_to_life", "officers note bruising round her throat and she is hoarse"),
    ("medical_emergency", "man outside the shop, his head bleed very much"),
    # taking people with him, an unknown number of tablets, someone else's medicine
    ("violence", "holed up with a machete, shouting hell take anyone who comes in with him"),
    ("medical_emergency", "took her sleeping tablets with wine, unsure how many"),
    ("serious_harm", "has swallowed a load of his grans tramadol"),
    # limbs at a wrong angle, caught, trampled, run over, hanging
    ("serious_harm", "rugby player down, his knee bent the wrong way"),
    ("medical_emergency", "her wrist is at a horrible angle after the fall off the wall"),
    ("serious_harm", "the baker got his fingers caught in the mixer"),
    ("medical_emergency", "worker crushed under a pallet in the yard"),
    ("serious_harm", "little girl bowled over by a moped on the zebra crossing"),
    ("medical_emergency", "postman can see a body hanging from the stairwell rail"),
    # a flame held to a person, an object swung at someone as "it"
    ("weapon", "her stepdad put a lighter to her hair in the kitchen"),
    ("violence", "he flicked a lit fag at her face and held the zippo to her cheek"),
    ("weapon", "pulled a fence post out and was lashing it at the lads"),
    ("weapon", "two men in balaclavas with crowbars went into the bookies"),
    # threats: bones, finishing what he started, a face, people with it
    ("violence", "voicemail says he will break your jaw when he sees you"),
    ("violence", "left a note that he will finish what he started"),
    ("violence", "shes got a bread knife and is pointing it at the carer"),
    ("violence", "fired at his brother in the face with a bb gun"),
    ("violence", "lad with a blade demanded their phones at the bus shelter"),
    ("violence", "message says she wont be so pretty after this weekend"),
    ("violence", "student says she was threatened by a group of lads outside halls"),
    # grabbed in a sexual way
    ("serious_harm", "a man in the club squeezed her bum and followed her out"),
    # destroying a place with himself in it, a cut done to oneself
    ("suicidal_thoughts", "says he will gas the flat with himself inside"),
    ("suicidal_thoughts", "she has fresh cuts on her thigh she did herself"),
    # a diabetic gone all confused, a young age after a role, no answer, fittings smashed
    ("medical_emergency", "her son is diabetic and has gone all muddled and pale"),
    ("child", "the garage says their apprentice, 16, has not turned up"),
    ("no_answer_at_door", "knocked twice, curtains drawn, no reply"),
    ("crime", "customer trashed the display cabinets with a chair"),
]

DENIED = [
    ("violence", "pushing and shoving in the beer garden, no one has thrown a punch"),
    ("child", "caller, 52, says her neighbour is shouting again"),
    ("serious_harm", "his van was knocked off the road by a lorry, no one hurt"),
]

NOT_YES = [
    # a worry, the past, a joke
    ("risk_to_life", "nan is frightened they will stab him if he goes to the park"),
    ("violence", "her grandad is going to kill the ref, jokingly, after that penalty"),
    ("risk_to_life", "says he will join his brother at the darts later"),
    # lookalikes
    ("risk_to_life", "she is worn out and just wants to sleep"),
    ("risk_to_life", "he has a new chain round his neck and a tattoo"),
    ("medical_emergency", "she has a lot of blood tests booked this week"),
    ("risk_to_life", "dont know how many people were on the coach"),
    ("serious_harm", "the lorry is parked at a funny angle across the lane"),
    ("serious_harm", "stuck in the lift between floors, all fine"),
    ("serious_harm", "her car was clipped by a taxi at the lights"),
    ("risk_to_life", "the washing is hanging from the balcony"),
    ("risk_to_life", "lad left hanging off the top rope at the climbing wall, laughing"),
    ("weapon", "he held a lighter to the bonfire"),
    ("weapon", "roofers with hammers on the church today"),
    ("weapon", "the blade of her skate went over the rope"),
    ("weapon", "a woman throwing old knives into the skip at the tip"),
    ("weapon", "at the clay shoot all the guns were made safe at lunch"),
    ("violence", "racehorse trainer says the lad was kicked by a horse, winded"),
    ("violence", "lifeguard pulled her out of the pool, she is coughing"),
    ("violence", "says his dog will bite anyone who comes near"),
    ("violence", "he demanded a refund for the shoes"),
    ("crime", "chef nicked his finger on the mandoline, plaster on"),
    ("risk_to_life", "parcel depot on Bridge Street says a van has been stolen"),
    ("health_professional_involved", "bowling alley staff say a man is asleep in lane 6"),
    ("health_professional_involved", "the vet nurse says the owner is crying in reception"),
    ("location_known", "team leader at the garden centre says a colleague is low"),
    ("location_known", "he keeps banging his stick on the door"),
    ("no_answer_at_door", "rang her mobile twice, no answer"),
]

OTHER_PERSON = [
    ("serious_harm", "her brother got his arm trapped in the shredder at work"),
    ("violence", "her boyfriend keeps saying he will snap her arms"),
    ("risk_to_life", "her dad has a deep cut to his neck from the chainsaw"),
]


def test_a_worry_about_what_they_will_do_is_not_a_threat_made_now() -> None:
    assert answer("his aunt is scared they will kill him over the money", "risk_to_life") is (
        Answer.UNKNOWN
    )
