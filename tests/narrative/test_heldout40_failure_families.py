"""The kinds of miss seen on `heldout40.jsonl`, read as families of wording, in every context.

The fortieth part used scenes such as a piercing studio, a scrapyard, a recording studio, an
ice rink, a curry house, a post office counter and a burning flat. Each family here is worded
afresh, never copied from the held-back part: "not a risk to life" or "not a threat to life" as
a risk_to_life `no`, talk or thought of ending or taking one's own life, blood coming under a
locked door, an inhaler or pump that is not working or helping, someone pinned or trapped under
a vehicle, dazed and vomiting after a blow to the head, "did not hit her" as a violence `no`, a
robbery note that claims a gun or a knife, a fire lit with petrol or paraffin, and the attacker
still about with a bottle or brick.

Lookalikes that must not fire: a bike stuck under a fence, an inhaler left at home, talk of
ending a lease, "dazed" after a film, a bonfire lit with a match, a fall in which someone hit
their own head (violence), and a tree surgeon up a tree with a chainsaw (weapon). Rule
clarifications kept from dev and earlier parts: "no thoughts of self harm" is a risk_to_life
`no` (dev d0031, d0669), "out cold" is a risk to life (dev d0580), a belt used to beat a child
is a weapon (dev d1275), a fit is not a risk to life by itself (dev d0367), and "has not
pointed it at anyone" is not a violence `no` (the fifteenth round's rule).
"""

from rightcare.engine.vocab import Answer
from tests.narrative.helpers import never_read_as, read_as

PRESENT = [
    ("risk_to_life", "the carer says he is thinking about taking his own life again"),
    ("suicidal_thoughts", "my sister talks of ending her life most nights now"),
    ("risk_to_life", "the lodger locked the toilet, blood trickling under the door"),
    ("medical_emergency", "hes shut in the cell and blood is running under the door"),
    ("risk_to_life", "my boy is wheezing, his inhaler is not working"),
    ("medical_emergency", "she cannot get her breath and the puffer is not helping"),
    ("risk_to_life", "a fitter is trapped under a lorry at the depot"),
    ("medical_emergency", "the keeper took a boot to the head, dazed and vomiting"),
    ("violence", "a woman slid a note to the clerk saying she has a gun"),
    ("weapon", "police think the garage was set alight with petrol"),
    ("weapon", "the assailant is still outside the pub with a brick"),
]

DENIED = [
    ("risk_to_life", "the surveyor says the crack is not a risk to life"),
    ("risk_to_life", "the smell is not a threat to life, says the engineer"),
    ("violence", "she told us her ex did not hit her tonight"),
    ("violence", "the steward says the fan did not kick him"),
    ("risk_to_life", "no thoughts of suicide, just low"),
]

LOOKALIKES = [
    ("risk_to_life", "the football is stuck under the hedge"),
    ("risk_to_life", "his inhaler is in his school bag"),
    ("suicidal_thoughts", "they are talking about ending their contract"),
    ("medical_emergency", "she felt a bit dazed after the long drive"),
    ("weapon", "grandad lit the barbecue with a match"),
    ("violence", "my nan tripped on the step and hit her head on the door"),
    ("violence", "the lad slipped on the ice and banged his head"),
    ("weapon", "the tree surgeon is up an oak with a chainsaw and feels faint"),
]


def test_the_families_are_read_as_yes() -> None:
    read_as(PRESENT, Answer.YES)


def test_the_denials_are_read_as_no() -> None:
    read_as(DENIED, Answer.NO)


def test_the_lookalikes_are_never_read_as_yes() -> None:
    never_read_as(LOOKALIKES, Answer.YES)


def test_a_blow_to_someone_elses_head_is_still_violence() -> None:
    read_as([("violence", "he hit her head on the kitchen floor")], Answer.YES)


def test_out_cold_stays_a_risk_to_life_as_dev_labels_it() -> None:
    read_as([("risk_to_life", "the sparring partner was out cold for a minute")], Answer.YES)
