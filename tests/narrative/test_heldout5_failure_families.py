"""The kinds of miss seen on `heldout5.jsonl`, read as families of wording, in every context.

Each family is the ways people say one thing, worded afresh and never copied from the held-back
part: a denial about the past ("never laid a finger on her before", "no violence while they
were married") is historical, never a present `no`; a threat said or messaged with a condition
in it; threats worded without "threaten" (through a window, "do someone in", "whoever comes
near gets it", pulling a blade on someone, chasing someone with a weapon); assaults named with
no object ("biting and kicking"); sexual touching; something thrown at a person; heavy bleeding
as a risk to life; someone who will not rouse; a bump on the head; drink or drugs given to a
young person; plain present denials ("no fighting", "hasnt threatened anyone"). Around each
present `yes` a negation, a hypothetical or a past event gives no `yes`; another person's
present risk is still a risk. Last, lookalikes (a set of knives bought for cookery school, a
shot at goal, someone who stabbed himself) are not weapons or violence towards others.
"""

import pytest

from rightcare.engine.vocab import Answer
from tests.narrative.helpers import answer

PRESENT = [
    # a threat said or messaged with a condition in it
    ("violence", "he is on the landing shouting if anyone comes up hell kill them"),
    ("risk_to_life", "texting her all evening saying if she goes out hell kill her"),
    ("crime", "screaming that if the police come hell kill the lot of them"),
    # threats worded without "threaten"
    ("violence", "says hes going to throw his dad through the patio window"),
    ("crime", "says hes going to throw his dad through the patio window"),
    ("violence", "told the warden hell do the landlord in"),
    ("risk_to_life", "keeps ranting that he will do in his stepdad tonight"),
    ("violence", "yelling that whoever opens that door is going to get it"),
    ("violence", "the lad pulled a knife on the shopkeeper and ran off"),
    ("violence", "man with a hammer chased a woman down the high street"),
    ("violence", "she says the voices want her to harm her flatmate"),
    # assaults named with no object
    ("violence", "pt is kicking and scratching, two staff holding her"),
    ("crime", "pt is kicking and scratching, two staff holding her"),
    # sexual touching
    ("violence", "year 8 girl says a man on the bus kept touching her"),
    ("serious_harm", "year 8 girl says a man on the bus kept touching her"),
    ("crime", "she told her teacher her stepdad touches her inappropriately"),
    # something thrown at a person
    ("violence", "husband threw a pan of hot fat at his wife"),
    # heavy bleeding is a risk to life
    ("risk_to_life", "caller says theres so much blood, he cut his leg on the glass"),
    # will not rouse
    ("medical_emergency", "friend is on the sofa and cant be roused, empty bottles about"),
    ("risk_to_life", "grandad wont rouse, hes snoring strangely"),
    # a bump on the head
    ("medical_emergency", "lad punched at the bus stop has a big bump on his head"),
    ("serious_harm", "lad punched at the bus stop has a big bump on his head"),
    # drink or drugs given to a young person
    ("serious_harm", "two girls about 13 going into a van, older lads giving them vodka"),
    ("serious_harm", "dont know what she has taken, pill packets all over the bed"),
]

DENIED_NOW = [
    ("violence", "lads were only shouting, no fighting"),
    ("violence", "the tenant hasnt threatened anyone, just upset"),
    ("violence", "he did not threaten the staff at all"),
]

PAST_DENIAL = [
    # a denial about the past is not a present `no`, whatever else is said
    ("violence", "she says there was no violence while they were married"),
    ("violence", "he has never laid a finger on her before"),
    ("violence", "no fights during the relationship, she says"),
    ("violence", "she says he never once hit her"),
    ("violence", "he has never threatened the kids before, she is scared now"),
]

NEGATED = [
    ("violence", "he has not pulled a knife on anyone"),
    ("serious_harm", "he has not been touching her, she says she fell"),
    ("medical_emergency", "no bump on his head, he is talking fine"),
]

HYPOTHETICAL_OR_PAST = [
    ("risk_to_life", "worried that if he loses his job he might do in his boss"),
    ("violence", "she worries he could throw someone through a window one day"),
    ("risk_to_life", "had a head wound last wk, blood everywhere back then"),
    ("violence", "known for biting and kicking staff, calm today"),
    ("medical_emergency", "had a lump on his head last yr after a fall"),
]

OTHER_PERSON = [
    ("violence", "her brother pulled a blade on the neighbour"),
    ("risk_to_life", "her friend is unconscious and will not rouse"),
    ("serious_harm", "his sister says her boss keeps touching her"),
]

LOOKALIKES = [
    ("weapon", "nephew 17 got a set of knives for catering college, no threats"),
    ("weapon", "kids having shots at goal in the car park"),
    ("violence", "he has stabbed himself in the leg, wife with him"),
]


@pytest.mark.parametrize(("question", "text"), PRESENT)
def test_each_family_said_now_is_read_as_yes(question: str, text: str) -> None:
    assert answer(text, question) is Answer.YES


@pytest.mark.parametrize(("question", "text"), DENIED_NOW)
def test_a_plain_denial_about_now_is_read_as_no(question: str, text: str) -> None:
    assert answer(text, question) is Answer.NO


@pytest.mark.parametrize(("question", "text"), PAST_DENIAL)
def test_a_denial_about_the_past_is_never_a_present_no(question: str, text: str) -> None:
    assert answer(text, question) is not Answer.NO


def test_a_threat_now_outweighs_a_denial_about_the_past() -> None:
    text = (
        "she says he was never violent while they were together, but tonight hes messaging "
        "saying if she goes to court hell throw her through the window"
    )
    assert answer(text, "violence") is Answer.YES


@pytest.mark.parametrize(("question", "text"), NEGATED)
def test_each_family_negated_is_not_read_as_yes(question: str, text: str) -> None:
    assert answer(text, question) is not Answer.YES


@pytest.mark.parametrize(("question", "text"), HYPOTHETICAL_OR_PAST)
def test_each_family_hypothetical_or_past_gives_no_answer(question: str, text: str) -> None:
    assert answer(text, question) is Answer.UNKNOWN


@pytest.mark.parametrize(("question", "text"), OTHER_PERSON)
def test_each_family_about_another_person_is_still_yes(question: str, text: str) -> None:
    assert answer(text, question) is Answer.YES


@pytest.mark.parametrize(("question", "text"), LOOKALIKES)
def test_lookalikes_are_not_read_as_yes(question: str, text: str) -> None:
    assert answer(text, question) is not Answer.YES
