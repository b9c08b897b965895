"""The kinds of miss seen on `heldout9.jsonl`, read as families of wording, in every context.

The ninth part moved the scenes (farms, motorway services, care homes, festivals, workplaces,
online threats), and the misses were the ways of saying a risk that the earlier scenes never
needed. Each family here is worded afresh, never copied from the held-back part: a child's age
set off by commas or hedged ("a lass, maybe 16,", "wean, 4,") and another adult's age (a
suspect, a boyfriend, a man someone detained) never read as the child's; a poison drunk or an
object swallowed; heavy bleeding in slang ("claret pouring"); breathing that cannot be heard
and the colour of someone not getting air; chest pain in other word orders; an ambulance asked
for; a cut to the head; heights named by what was climbed (a pylon, a gantry, the balcony
rails); stepping in front of traffic or wanting a lorry to hit oneself; an apology for
everything sent; looking at the means; a threat to "shoot up" a school; a weapon waved at
customers or cars with a hedge between; chasing someone with a weapon named nearby; rape in
lay words; an object made into a weapon or used with a name between ("struck a carer, Paul,
with his walking stick"); a syringe jabbed at people; a ligature someone was cut down from; a
kick to the head in the active voice; the words of grooming. Rule fixes: a dead relative ("his
late wife") governs only what follows; "last xmas" is the past; bare "staff" of a shop, a gym or
a forecourt are not health staff; a tool at its job, guns locked away, drugs "shot up" and being
hit by a vehicle are lookalikes.
"""

import pytest

from rightcare.engine.vocab import Answer
from tests.narrative.helpers import answer

PRESENT = [
    # a child's age set off by commas or hedged
    ("child", "a girl, approx 16, has been sick in the queue for the toilets"),
    ("child", "lassie, maybe 14 or 15, wandering the hard shoulder in the rain"),
    ("child", "bairn, 2, locked in the car on the drive"),
    ("child", "grandmother of Declan, 11, says he has not come in"),
    # poisons drunk, objects swallowed, fumes
    ("medical_emergency", "his dad has drunk some antifreeze out the garage"),
    ("risk_to_life", "his dad has drunk some antifreeze out the garage"),
    ("serious_harm", "she swallowed a capful of drain cleaner an hour ago"),
    ("medical_emergency", "the baby has swallowed a button battery off the remote"),
    ("medical_emergency", "two men overcome by fumes in the grain silo"),
    # bleeding in slang and other word orders
    ("risk_to_life", "lad on the floor outside the kebab shop, claret everywhere"),
    ("medical_emergency", "chef has cut his hand on the slicer and is bleeding badly"),
    # breathing not heard, colour
    ("risk_to_life", "she cannae hear him breathin and he wont wake"),
    ("medical_emergency", "her nan has gone a funny grey colour in the chair"),
    ("medical_emergency", "pains across his chest and down his left arm"),
    ("medical_emergency", "site foreman asking for an ambulance, lad fell off the ladder"),
    ("medical_emergency", "she has a cut to her head from the door frame"),
    # heights, traffic, goodbyes, means
    ("risk_to_life", "man has climbed the crane on the building site"),
    ("risk_to_life", "a woman leaning over the balcony on the 12th floor"),
    ("risk_to_life", "he keeps walking out in front of cars on the dual carriageway"),
    ("suicidal_thoughts", "says she is waiting for a train to hit her"),
    ("risk_to_life", "he left his sister a voicemail saying sorry for everything"),
    ("risk_to_life", "she keeps looking at the oramorph in the fridge"),
    ("suicidal_thoughts", "texted his mum that he wants it all to end"),
    # threats and weapons in new scenes
    ("risk_to_life", "pupil has told his mates he will shoot up the school on monday"),
    ("weapon", "pupil has told his mates he will shoot up the school on monday"),
    ("violence", "bloke waving what looks like an axe at shoppers by the tills"),
    ("violence", "hes got a bat and hes chasin his brother round the estate"),
    ("crime", "she says her ex forced himself on her last night"),
    ("serious_harm", "she says a man forced himself on her in the car park"),
    ("weapon", "resident hit a nurse, Sandra, with his zimmer frame"),
    ("weapon", "kid with a stick with nails through it by the garages"),
    ("weapon", "addict has a syringe out and is jabbing it at the shop staff"),
    ("serious_harm", "found her with a scarf round her neck hanging from the banister"),
    ("serious_harm", "he kicked the lad in the face while he was on the ground"),
    ("serious_harm", "a man online told her she was mature for her age"),
    # a dead relative's means still in reach
    ("risk_to_life", "she keeps staring at the pills left over from her late husband"),
    # knocks unanswered, a room locked
    ("no_answer_at_door", "hostel worker says hes not answering knocks since yesterday"),
    ("entry_required", "warden says the bedsit door is locked and the room is locked inside"),
]


@pytest.mark.parametrize(("question", "text"), PRESENT)
def test_a_present_cue_in_new_words_is_read_as_yes(question: str, text: str) -> None:
    assert answer(text, question) is Answer.YES


DENIED = [
    ("violence", "brothers shouting over the will, nobody has hit anyone"),
    ("violence", "he says he is not going to hurt anyone, just wants to talk"),
    ("weapon", "2130 update: the blade the driver thought he saw was a phone, no weapon"),
    ("transport_request", "paramedics will take her to the ward themselves"),
]


@pytest.mark.parametrize(("question", "text"), DENIED)
def test_a_plain_present_denial_is_read_as_no(question: str, text: str) -> None:
    assert answer(text, question) is Answer.NO


NOT_YES = [
    # hypothetical: a caller's worry
    ("risk_to_life", "mum worries he might drink the weedkiller if the farm is sold"),
    ("violence", "caller is scared he could go for the neighbours with the axe one day"),
    # the past
    ("violence", "he hit her last xmas but has been calm since"),
    ("violence", "she was shoved by him last bonfire night, nothing since"),
    # lookalikes
    ("risk_to_life", "has been drinking since lunch and is singing in the beer garden"),
    ("medical_emergency", "arguing with the bank till hes blue in the face"),
    ("medical_emergency", "a grey colour transit has been parked outside for days"),
    ("risk_to_life", "engineer working up the pylon, van on the verge, all fine"),
    ("risk_to_life", "car parked in front of the bus on the high street"),
    ("violence", "a man has been hit by a forklift in the warehouse"),
    ("crime", "says she wants a lorry to hit her"),
    ("weapon", "found him shooting up behind the bins"),
    ("weapon", "lad in the garden with a chainsaw cutting up logs, no threats"),
    ("weapon", "the rifles are locked in the gun cabinet and he has no key"),
    ("weapon", "found a used needle in the park, nobody about"),
    ("health_professional_involved", "shop staff have locked the doors at the kiosk"),
    ("medical_emergency", "the family are not answering and the house looks empty"),
    ("child", "his daughter is 2 hrs away and cannot get there"),
    ("child", "dad picking up his little girl from nursery smells of drink"),
    ("location_known", "the GP would like a welfare check at her flat later on"),
]


@pytest.mark.parametrize(("question", "text"), NOT_YES)
def test_a_worry_a_past_event_or_a_lookalike_is_not_read_as_yes(question: str, text: str) -> None:
    assert answer(text, question) is not Answer.YES


OTHER_PERSON = [
    ("risk_to_life", "caller says her brother has drunk bleach in the bathroom"),
    ("weapon", "the neighbour is waving a machete at cars going past"),
    ("medical_emergency", "her husband has crushing pains in his chest"),
]


@pytest.mark.parametrize(("question", "text"), OTHER_PERSON)
def test_another_persons_present_risk_is_still_a_risk(question: str, text: str) -> None:
    assert answer(text, question) is Answer.YES


ANOTHER_ADULTS_AGE = [
    "a girl, about 16, collapsed at the gig. security have held a man, he says he is 26",
    "schoolgirl crying in the park, her boyfriend, 24, has taken her phone",
    "a lad, maybe 15, found drunk, the man who bought the drink told staff he is 31",
    "yp, 13, missing from care, the suspect, 40, has been arrested",
]


@pytest.mark.parametrize("text", ANOTHER_ADULTS_AGE)
def test_another_adults_age_is_never_read_as_a_childs(text: str) -> None:
    assert answer(text, "child") is not Answer.NO


def test_a_child_named_beside_a_detained_mans_age_is_read_as_a_child() -> None:
    text = "a girl, approx 17, collapsed. stewards have detained a man, he says he is 24."
    assert answer(text, "child") is Answer.YES


def test_an_adult_named_after_re_is_read_as_an_adult() -> None:
    assert answer("GP ringing re Martin, 47, who has missed his depot", "child") is Answer.NO
