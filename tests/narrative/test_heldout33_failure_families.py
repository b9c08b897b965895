"""The kinds of miss seen on `heldout33.jsonl`, read as families of wording, in every context.

The thirty-third part used scenes such as a steam fair, a point to point, a silage clamp, a
fishery, a mini golf kiosk, a bureau de change, a dry slope, a cub pack, a ghillie's beat and a
phone repair shop. Each family here is worded afresh, never copied from the held-back part: a
drink and then a count "of her" tablets, both wrists cut, tablets stockpiled, a tree or bridge
chosen beside a rope, an overdose promised "if" something happens, sports gear swung at a person
(a putter, a bank stick, a fish "priest"), pepper spray or CS gas, "gone for the steward", a
jacket lifted to show a weapon, something sprayed in her face, a threat to batter "whoever"
did something, confused and slurring, a fall with its height after the place, eyes burning and
unable to see, a child's or an adult's age after a role. Lookalikes that must not fire: a drink
and two tablets, tablets bought for someone, a ball hit with a putter, a knife handed in as lost
property, going for a swim, water sprayed in a horse's face, a step off a kerb two metres away,
an overdose worried about, saving up money, a bird that knows which tree.
"""

from rightcare.engine.vocab import Answer
from tests.narrative.helpers import answer, never_read_as, read_as

PRESENT = [
    ("risk_to_life", "he has necked a can of cider and 40 of his quetiapine"),
    ("medical_emergency", "she has had half a bottle of gin and 15 of her zopiclone"),
    ("serious_harm", "has drunk a load of lager and about 30 of his citalopram"),
    ("suicidal_thoughts", "the student has sliced both her wrists in her room"),
    ("suicidal_thoughts", "told the nurse hes been hoarding his meds"),
    ("suicidal_thoughts", "says she has bought a rope and knows which bridge"),
    ("suicidal_thoughts", "messaged his brother he will do an od if she leaves"),
    ("weapon", "the groundsman whacked the lad with a hockey stick, blood from his head"),
    ("weapon", "one angler swung his bank stick at the other, fighting on peg 9"),
    ("weapon", "a man used pepper spray on the security guard"),
    ("violence", "a punter has gone for the barman over a spilt pint"),
    ("crime", "a lad went for the cashier and grabbed the cash tray"),
    ("violence", "he lifted his top to show a gun tucked in his jeans"),
    ("violence", "she squirted something in his eyes and ran off"),
    ("violence", "he is screaming hes going to smash whoever keyed his van"),
    ("medical_emergency", "dragged out of the sea blue, confused and slurring"),
    ("serious_harm", "the roofer fell off the scaffold, about 5m, not moving"),
    ("medical_emergency", "slipped from the hay loft, 12 ft, lying on the concrete"),
    ("serious_harm", "eyes burning, says she cant see anything"),
    ("child", "a brownie, 9, has swallowed a battery"),
    ("child", "the skater, 14, hit the rail head first"),
]

DENIED = [
    ("child", "the mourner, 60, fainted at the graveside"),
    ("child", "a jockey, 22, came off at the water jump"),
]

NOT_YES = [
    ("risk_to_life", "he had his dinner and 2 of his paracetamol"),
    ("risk_to_life", "she collected a bottle of wine and 30 of her tablets from the chemist"),
    ("weapon", "he hit the ball with his putter into the lake"),
    ("weapon", "a kitchen knife was handed in at the front desk"),
    ("weapon", "a knife was left in lost property"),
    ("violence", "she went for a swim at the pool"),
    ("violence", "he has gone for a pint with his mate"),
    ("violence", "she sprayed water in the ponys face to cool it"),
    ("serious_harm", "he stepped off the kerb, 3 metres from the crossing"),
    ("risk_to_life", "she told her mum she will take an overdose if the exams go badly"),
    ("medical_emergency", "says she will take an overdose if he leaves"),
    ("suicidal_thoughts", "her mum is worried she will take an overdose if he leaves"),
    ("suicidal_thoughts", "saving up his money for a holiday"),
    ("suicidal_thoughts", "the owl knows which tree to roost in"),
    ("medical_emergency", "drunk and slurring his words at the bar"),
]

OTHER_PERSON = [
    ("violence", "her brother has gone for the doorman outside the club"),
    ("weapon", "his mate waved his priest at the bailiff and threatened him"),
]


def test_each_family_is_read_in_new_words() -> None:
    read_as(PRESENT, Answer.YES)


def test_adult_ages_after_more_roles_are_read_as_no_for_child() -> None:
    read_as(DENIED, Answer.NO)


def test_lookalikes_are_not_read_as_yes() -> None:
    never_read_as(NOT_YES, Answer.YES)


def test_the_same_acts_by_another_person_still_count() -> None:
    read_as(OTHER_PERSON, Answer.YES)


def test_an_overdose_promised_on_a_condition_is_a_thought_not_an_overdose_taken() -> None:
    text = "she texted that she will take an overdose if he goes"
    assert answer(text, "suicidal_thoughts") is Answer.YES
    for question in ("risk_to_life", "medical_emergency", "serious_harm"):
        assert answer(text, question) is not Answer.YES, question
