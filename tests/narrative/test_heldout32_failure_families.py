"""The kinds of miss seen on `heldout32.jsonl`, read as families of wording, in every context.

The thirty-second part used scenes such as a kayak hire centre, a segway tour, a via ferrata, a
scarecrow festival, a sleep clinic, a bat walk, a nepalese restaurant, a residents' meeting, a
cycle sportive, a may fair and a solstice gathering. Each family here is worded afresh, never
copied from the held-back part: a threat to stab a person named in quotes, a gun pointed at a
person, messages "saying she's dead", "light them up" beside a gun, a note saying sorry behind
a locked door, "can't do this any more", wishing not to wake up, a threat to run people over,
"no threat at all", a medicine box or bottle empty beside someone who will not wake, a pill
handed over before a collapse, fainting with a pounding heart, fuel carried with matches, a
khukuri or scimitar, places (a touchline, a trig point, a house number after "please come"),
an adult age after a role, an age given with "ish", the may fair. Lookalikes that must not
fire: a gun aimed at the clays, a death told by phone, lighting a bonfire, a courier's card, a
cpap and apnoea, a dummy with a noose round its neck, a dog in the canal, a racing heart after
a scare, petrol for the mower, a bat flying, getting in a car and driving off, "is at 3".
"""

from rightcare.engine.vocab import Answer
from tests.narrative.helpers import answer, never_read_as, read_as

PRESENT = [
    ("risk_to_life", "wrote on snapchat hes going to stab 'the goalkeeper' tomorrow"),
    ("violence", "says he will shoot 'those bailiffs' if they come back in"),
    ("risk_to_life", "stood on his drive with a shotgun aimed at the bailiff"),
    ("crime", "farmer has a rifle pointed at the surveyors by the barn"),
    ("violence", "he keeps texting his ex telling her she is dead when he finds her"),
    ("risk_to_life", "says hes got a gun under the seat and will light the lot of you up"),
    ("risk_to_life", "left a note on the counter saying sorry, the bathroom is bolted from inside"),
    ("risk_to_life", "her text just said i cant do this anymore"),
    ("suicidal_thoughts", "tells his GP he wishes he could just not wake up"),
    ("violence", "the taxi driver is threatening to run him over outside the club"),
    ("serious_harm", "he not wake, tablets bottle empty on the floor, breathing slow"),
    ("serious_harm", "collapsed on the dance floor, a lad gave her two pills earlier"),
    ("medical_emergency", "keeps collapsing at home and says her heart is racing"),
    ("weapon", "walked into the job centre with a can of petrol and a lighter"),
    ("weapon", "grabbed the sabre off the mantelpiece"),
    ("location_known", "the linesman is lying on the touchline"),
    ("location_known", "lost walker is at the trig point"),
    ("location_known", "he is not breathing, please come, 9 cedar close"),
    ("child", "a lad, 16ish, is on the railway bridge"),
    ("child", "steward at the may fair says a girl, 7, is lost"),
]

DENIED = [
    ("violence", "shouting in the car park but no threat at all"),
    ("child", "an operator, 45, trapped his arm in the roller"),
    ("medical_emergency", "his wife says its no medical emergency, just a lift home"),
]

NOT_YES = [
    ("risk_to_life", "the club member had his shotgun aimed at the clays"),
    ("risk_to_life", "his sister rang saying he is dead, she found him this morning"),
    ("violence", "lighting up the barbecue in the garden"),
    ("risk_to_life", "the courier left a card saying sorry we missed you"),
    ("risk_to_life", "he stops breathing at night with his apnoea and uses a cpap"),
    ("medical_emergency", "he stops breathing at night with his apnoea and uses a cpap"),
    (
        "risk_to_life",
        "lads hung a guy off the lamp post with a rope round its neck for bonfire night",
    ),
    ("suicidal_thoughts", "lads hung a guy off the lamp post with a rope round its neck"),
    ("risk_to_life", "the collie jumped in the river after a ball and swam out"),
    ("medical_emergency", "a wasp landed on her and her heart was racing"),
    ("weapon", "filled a can of petrol for the strimmer"),
    ("weapon", "a bat flew in through the window"),
    ("entry_required", "he got in a red fiesta and drove off"),
    ("location_known", "the quiz is at 8 tonight"),
    ("medical_emergency", "she said she wishes she wouldnt wake up some days"),
]

OTHER_PERSON = [
    ("violence", "her brother has a rifle aimed at the neighbours"),
    ("serious_harm", "his mate passed out after someone slipped him a pill"),
]


def test_each_family_is_read_in_new_words() -> None:
    read_as(PRESENT, Answer.YES)


def test_plain_denials_in_these_families_are_read_as_no() -> None:
    read_as(DENIED, Answer.NO)


def test_lookalikes_are_not_read_as_yes() -> None:
    never_read_as(NOT_YES, Answer.YES)


def test_the_same_acts_by_another_person_still_count() -> None:
    read_as(OTHER_PERSON, Answer.YES)


def test_a_threat_sent_on_a_condition_stays_off_risk_to_life_as_dev_reads_it() -> None:
    # d1362 reads "saying shes dead if she goes to the police" as violence and crime but leaves
    # risk_to_life unknown; the new message pattern keeps to that.
    text = "her ex keeps texting her saying shes dead if she calls anyone"
    assert answer(text, "violence") is Answer.YES
    assert answer(text, "risk_to_life") is not Answer.YES
