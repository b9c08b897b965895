"""The kinds of miss seen on `heldout7.jsonl`, read as families of wording, in every context.

Each family is the ways people say one thing, worded afresh and never copied from the held-back
part: a weapon implied but not seen (a hand in a coat "as if he had something"); slang for a
stabbing ("shanked", "knifed"); means at hand and thoughts of using them; someone out in the
cold dressed for bed, or missing when it is below freezing; reduced consciousness in clinical
words (a low GCS, "only responding to pain") or in dialect ("not waking up proper", "banged his
heid"); an overdose counted "approx 30 x"; a bone that "might be broken"; someone hit where
shots were fired; threats in other words ("sort him out", "threatening towards his dad"); a
victim's plea heard ("get off me"); a present denial that anyone laid a finger on anyone.
Around each present `yes` a negation, a hypothetical or a past event gives no `yes`; another
person's present risk is still a risk. Lookalikes are not cues: a knife used on the Sunday
roast, blades taken off a self-harming child, a belt used as a ligature on oneself, a firearms
job elsewhere, a nail gun, "bills drowning him", a hole punched in a wall, threats to
self-discharge, shooting at tin cans. A correction retracts an earlier weapon, a later update
that names a weapon stands over an earlier "no weapons seen", and "no knife" does not deny a
broken bottle.
"""

import pytest

from rightcare.engine.vocab import Answer
from tests.narrative.helpers import answer

PRESENT = [
    # a weapon implied but not seen
    ("weapon", "man at the counter with one hand in his jacket like hes got something"),
    ("weapon", "keeps reaching into his waistband while shouting at the cashier"),
    # slang for a stabbing
    ("risk_to_life", "they say a boy got shanked behind the leisure centre"),
    ("violence", "someone knifed the delivery driver outside the flats"),
    ("crime", "someone knifed the delivery driver outside the flats"),
    # means at hand and thoughts of using them
    ("risk_to_life", "she has a belt hidden in her wardrobe and has thought about using it"),
    ("suicidal_thoughts", "he bought a rope at the weekend and keeps thinking of using it"),
    # out in the cold
    ("risk_to_life", "old man walking up the lane in his slippers, its snowing hard"),
    ("risk_to_life", "she went out wearing only a vest and shorts and its freezing tonight"),
    ("risk_to_life", "son with dementia wandered off an hour ago and it is below freezing"),
    # reduced consciousness, clinical or dialect
    ("medical_emergency", "paramedics say GCS 5 and falling"),
    ("medical_emergency", "nurse says she is only responding to pain"),
    ("risk_to_life", "her lad is not waking up proper after the party"),
    ("serious_harm", "wee one fell down the stairs and banged her heid"),
    # an overdose counted loosely
    ("serious_harm", "took about 30 x co-codamol after the row"),
    ("medical_emergency", "has necked approx 40x paracetamol"),
    # a bone that may be broken
    ("serious_harm", "he punched her in the face, she thinks her nose might be broken"),
    # hit where shots were fired
    ("serious_harm", "heard three shots in the square, someone may have been hit"),
    # threats in other words
    ("violence", "texted his ex saying if she changes the locks he will sort her brother out"),
    ("violence", "since coming off his meds he is threatening towards his dad"),
    # a plea heard
    ("violence", "neighbour heard a girl yelling get off me through the wall"),
    ("crime", "flat above, woman screaming stop hitting me"),
    # settling a disagreement
    ("weapon", "1400 no weapons seen. 1412 update: he now has a hammer in his hand"),
    ("weapon", "no knife found on him but he was swinging a chair leg at the lads"),
]

NOT_NOW = [
    # negated
    ("weapon", "he has no knife, no gun and nothing in his pockets"),
    ("violence", "nobody has laid a finger on anyone, just raised voices"),
    ("medical_emergency", "she is not unconscious, chatting to the crew"),
    # hypothetical
    ("weapon", "worried that if he gets a knife he will use it"),
    ("risk_to_life", "if she keeps going out in the cold in her nightie she could get ill"),
    ("violence", "mum thinks he might sort someone out one day"),
    # past
    ("risk_to_life", "got shanked back in 2017, fully recovered now"),
    ("weapon", "used to carry a blade years ago, none now"),
    # lookalikes
    ("weapon", "he has the big knife out to carve the Sunday roast"),
    ("weapon", "her foster carer has taken the razor blades off her"),
    ("weapon", "says he will hang himself with the dressing gown cord"),
    ("weapon", "no units, all tied up on a firearms job in the city centre"),
    ("weapon", "he was using his nail gun on the decking"),
    ("medical_emergency", "says the bills are drowning him"),
    ("risk_to_life", "says the bills are drowning him"),
    ("violence", "he punched a hole in his bedroom door"),
    ("violence", "pt making threats to self discharge"),
    ("violence", "teenagers shooting at tin cans in the woods"),
    ("violence", "the GP will sort him out with a prescription"),
    ("weapon", "looks like hes got something on his mind, hand in his pocket, very quiet"),
    ("left_healthcare", "pt on the ward threatening to self discharge"),
]

OTHER_PERSON = [
    ("weapon", "her boyfriend has his hand in his coat as if he had something"),
    ("risk_to_life", "caller says her brother got shanked by the shops"),
    ("violence", "her son has become intimidating towards his nan"),
]


@pytest.mark.parametrize(("question", "text"), PRESENT)
def test_a_present_family_wording_is_read_as_yes(question: str, text: str) -> None:
    assert answer(text, question) is Answer.YES


@pytest.mark.parametrize(("question", "text"), NOT_NOW)
def test_a_negated_hypothetical_past_or_lookalike_wording_is_not_read_as_yes(
    question: str, text: str
) -> None:
    assert answer(text, question) is not Answer.YES


@pytest.mark.parametrize(("question", "text"), OTHER_PERSON)
def test_another_persons_present_risk_is_still_read_as_yes(question: str, text: str) -> None:
    assert answer(text, question) is Answer.YES


@pytest.mark.parametrize(
    "text",
    [
        "1900 man waving a pistol. 1910 update: the pistol was a plastic toy, no weapon",
        "caller said knife, then said she meant his walking stick, not a weapon",
        "the earlier report of a machete was wrong, he has no weapons",
        "its just a comb, no weapon on him",
    ],
)
def test_a_correction_retracts_the_earlier_weapon(text: str) -> None:
    assert answer(text, "weapon") is Answer.NO


def test_a_correction_does_not_retract_a_weapon_named_after_it() -> None:
    text = "the gun was a toy, but he also has a knife in his belt"
    assert answer(text, "weapon") is Answer.YES


def test_a_later_update_saying_no_does_not_overrule_an_earlier_weapon() -> None:
    text = "2100 male with a knife in the park. 2110 update: no weapons seen by officers"
    assert answer(text, "weapon") is not Answer.NO


def test_a_denied_weapon_after_an_old_threat_is_a_present_no() -> None:
    text = "if he ever got his hands on a knife he would use it, mum says, he hasnt got one"
    assert answer(text, "weapon") is Answer.NO


def test_a_denial_that_anyone_laid_a_finger_on_anyone_is_a_no_for_violence() -> None:
    assert answer("nobody's laid a finger on anybody", "violence") is Answer.NO


def test_an_old_never_laid_a_finger_is_not_a_present_no() -> None:
    assert answer("he has never laid a finger on her before", "violence") is not Answer.NO
