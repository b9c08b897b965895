"""The kinds of miss seen on `heldout35.jsonl`, read as families of wording, in every context.

The thirty-fifth part used scenes such as an archery range, a reindeer pen, a mussel farm, a
fencing job, a tidal causeway, a lifeboat shout, a pool hall, a skating rink and a seaplane
jetty. Each family here is worded afresh, never copied from the held-back part: an arrow or
bolt shot at a person, a fork or post rammer come at someone with or held beside a threat, a
filleting knife held by someone threatening to end it, an object "used to" hit or kick, a
snapped cue picked up, a threat to slash, shank or chiv someone, a threat to put something
through a head, robbed "at knifepoint" after what was taken, knocked off "on purpose", a threat
to "do the other one", slurring and unable to stand, gone under and
not come up, burns up to an elbow, clinging to a buoy or an upturned boat, water up to the
waist and rising, thrown from a horse and unconscious. Lookalikes that must not fire: an arrow
at a target, a filleting knife for the catch, "cut me some slack", a brick through a window,
the tide up to the car park, a rider who got back on, a phone used to film, doing the other
half of the garden, a limb that only looks broken (h3 and h34 label it unknown), someone
found clinging on and rescued, a burn down an arm (dev d1459), eyes stinging and unable to see
for medical_emergency (dev d1627 keeps it serious_harm only). Denials read as `no` for violence:
"nobody was fighting", "did not go for anybody", "he not hit me"; beside a blow they make a
conflict, never a `no`.
"""

from rightcare.engine.vocab import Answer
from rightcare.narrative import read_narrative
from tests.narrative.helpers import answer, never_read_as, read_as

PRESENT = [
    ("weapon", "the lad fired a bolt at him from the hedge"),
    ("violence", "she shot three arrows at her ex husband on the lawn"),
    ("risk_to_life", "he loosed an arrow at the walkers on the footpath"),
    ("crime", "he fired a bolt at his neighbour over the fence"),
    ("weapon", "the farmer squared up to the hunt saboteur with a hayfork"),
    ("weapon", "threatening to stab the foreman, holding a pickaxe"),
    ("weapon", "threatening to jump in the weir, the angler has a gutting knife"),
    ("weapon", "the boy used his skateboard to smash the other lad"),
    ("weapon", "she grabbed the broken bottle off the bar"),
    ("violence", "he says hes going to shank someone tonight"),
    ("risk_to_life", "messaged that hes gonna juke him at the park"),
    ("violence", "swore he would ram a bottle through his skull"),
    ("violence", "the pensioner was robbed of her purse at knifepoint"),
    ("violence", "a cyclist knocked her over on purpose and rode off"),
    ("violence", "he is shouting hes gonna do the other bloke"),
    ("medical_emergency", "he is slurring and can not stand up"),
    ("medical_emergency", "the diver went under and did not come back up"),
    ("medical_emergency", "scalded with the pan, burns up to his knees"),
    ("risk_to_life", "a fisherman clinging to the hull of his capsized boat"),
    ("risk_to_life", "the flood water is up to her chest and rising"),
    ("serious_harm", "the jockey was thrown off the horse and is unresponsive"),
]

NOT_YES = [
    ("weapon", "the archer shot an arrow at the target"),
    ("violence", "he fired a dart at the board"),
    ("weapon", "the chef has a filleting knife for the salmon"),
    ("violence", "asked him to cut me some slack"),
    ("violence", "someone put a brick through the bus shelter"),
    ("risk_to_life", "the tide is up to the harbour wall by noon"),
    ("serious_harm", "she came off the pony, got straight back on, laughing"),
    ("weapon", "she used her phone to call her mum"),
    ("violence", "he will do the other room after lunch"),
    ("medical_emergency", "a burn down his arm from the oven door"),
    ("medical_emergency", "his eyes are burning and he cant see, someone threw bleach"),
    ("medical_emergency", "slurring a bit after three pints"),
    ("medical_emergency", "fell off the ladder, says hes fine but wrist looks broken"),
    ("risk_to_life", "the kayaker was found clinging to an upturned canoe, now ashore"),
    ("risk_to_life", "he says hell slash her face"),
]


def test_each_family_is_read_in_new_words() -> None:
    read_as(PRESENT, Answer.YES)


def test_lookalikes_are_not_read_as_yes() -> None:
    never_read_as(NOT_YES, Answer.YES)


DENIED = [
    ("violence", "the girl slipped off the beam, nobody was fighting"),
    ("violence", "he threw his drink at the wall but did not go for anybody"),
    ("violence", "my husband he shout, he not hit me, but i am scared"),
]


def test_plain_denials_of_fighting_are_read_as_no() -> None:
    read_as(DENIED, Answer.NO)
    assert answer("the girl slipped off the beam, nobody was fighting", "crime") is not Answer.YES


def test_a_denial_beside_a_blow_is_a_conflict_not_a_no() -> None:
    reading = read_narrative("nobody was fighting at first, then he punched the doorman")
    assert "violence" in reading.conflicts


def test_eyes_stinging_and_unable_to_see_stays_serious_harm() -> None:
    text = "his eyes are burning and he cant see, someone threw bleach"
    assert answer(text, "serious_harm") is Answer.YES
