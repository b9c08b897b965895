"""The kinds of miss seen on `heldout6.jsonl`, read as families of wording, in every context.

Each family is the ways people say one thing, worded afresh and never copied from the held-back
part: a household object used to hit someone (a belt, a slipper, a pan); shots fired; a threat
quoted in the speaker's own words with a condition in it; a threat to cut or slit a throat; a
death foretold ("be dead by morning", "go off and never be found"); a beating given ("gave him
a kicking"); a weapon held over people while ordering them about; an overdose counted with
words between the number and the drug; someone walking along a railway line; a named child's
age in brackets or between commas, and a patient's name and age. Around each present `yes` a
negation, a hypothetical or a past event gives no `yes`; another person's present risk is still
a risk. Lookalikes are not cues: a tool used on a fence or left in a van, a corrected report
("the gun was a toy"), drowning in work, not answering calls, a number of minutes, a youth club.
When a child and an adult relative are both named with ages, the child question is never an
unsafe `no`.
"""

import pytest

from rightcare.engine.vocab import Answer
from tests.narrative.helpers import answer

PRESENT = [
    # a household object used to hit someone
    ("weapon", "her dad keeps whacking her with a wooden spoon"),
    ("weapon", "he went for his brother with a saucepan in the kitchen"),
    ("weapon", "stepmum lashed out at him with a belt buckle"),
    # shots fired
    ("weapon", "reports of shots fired near the garages on Ash Road"),
    ("violence", "reports of shots fired near the garages on Ash Road"),
    ("crime", "someone opened fire on a car outside the takeaway"),
    # a threat quoted in the speaker's own words, with a condition in it
    ("risk_to_life", "the tenant said 'if you change the locks I'll stab you'"),
    ("violence", "the tenant said 'if you change the locks I'll stab you'"),
    ("risk_to_life", "told the nurse 'if you send me home I'll be dead by the weekend'"),
    # a threat to cut or slit a throat
    ("risk_to_life", "says he will cut his throat if his brother comes round"),
    ("violence", "keeps saying he will slit your throat to the caller"),
    # a death foretold in the person's own words
    ("risk_to_life", "says she'll be dead before tomorrow, wont say where she is"),
    ("suicidal_thoughts", "said he would drive to the coast and never come back"),
    ("risk_to_life", "said she is going to swim out and not come back"),
    # a beating given
    ("violence", "three men gave him a beating in the alley"),
    ("crime", "her ex gave her a good hiding last night"),
    # a weapon held over people
    ("violence", "he is holding a hammer and shouting at staff to get out"),
    # an overdose counted with words between
    ("medical_emergency", "she has taken 25 of her mums sleeping tablets"),
    ("serious_harm", "he took 12 of the old lads co-codamol"),
    # on the railway
    ("risk_to_life", "man sat down beside the train tracks near the level crossing"),
    # a named child's age
    ("child", "re siblings Callum (8) and Ruby (5), not collected from school"),
    ("child", "missing girl, Skye, 13, last seen at the bus station"),
]

NOT_NOW = [
    # negated
    ("weapon", "he is not believed to be carrying a knife"),
    ("violence", "he is not believed to be carrying a knife"),
    ("weapon", "officers searched him, no gun found, it was a phone"),
    # hypothetical
    ("weapon", "scared he might come at her with the frying pan"),
    ("violence", "mum says if he doesnt calm down he will end up giving someone a beating"),
    ("risk_to_life", "caller worried that if he loses the flat he could be dead by spring"),
    # past
    ("weapon", "hit her with a belt back in 2019, no contact since"),
    ("violence", "gave his brother a kicking years ago, nothing since"),
    # lookalikes
    ("weapon", "neighbour using a drill on the garage at 11pm, just the noise"),
    ("weapon", "his axe and saw were nicked from the van last night"),
    ("weapon", "update: the knife was actually a hairbrush, all fine"),
    ("medical_emergency", "says she is drowning in assignments this term"),
    ("risk_to_life", "says she is drowning in assignments this term"),
    ("medical_emergency", "brother not responding to texts or calls all day"),
    ("child", "keyholder is 20 mins away, gent on the floor"),
    ("child", "the youth club leader wants advice about a parking dispute"),
    ("serious_harm", "she denies any self harm, says she is fine"),
    ("serious_harm", "he is threatening to cut himself, in the bathroom"),
    ("violence", "shes holding the baby and shouting at him"),
    ("missing", "hes not picking up"),
]

OTHER_PERSON = [
    ("weapon", "her boyfriend has been hitting her with a slipper"),
    ("risk_to_life", "his cousin said 'if they grass I'll shoot the lot of them'"),
    ("violence", "her sons mates gave him a kicking, he is in the park now"),
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
        "EWO re brothers Alfie (7) and Jack (4), not in school. Dad, 36, not answering",
        "welfare check on Maisie (3); her mum, 29, has been drinking",
        "nan, 68, worried about the grandkids Tia (6) and Reece (10)",
    ],
)
def test_an_adult_relatives_age_never_makes_a_named_child_an_unsafe_no(text: str) -> None:
    assert answer(text, "child") is not Answer.NO


@pytest.mark.parametrize(
    "text",
    [
        "Pt Sandra Kerr, 47, has left the ward",
        "Mr Tom Hale, 83, fallen in the kitchen",
        "pt Nadia 25, on s2, refusing meds",
    ],
)
def test_a_patients_name_and_adult_age_is_read_as_an_adult(text: str) -> None:
    assert answer(text, "child") is Answer.NO


def test_a_negated_weapon_after_an_old_never_is_still_a_present_no() -> None:
    text = "he has never been violent and there are no weapons in the flat"
    assert answer(text, "weapon") is Answer.NO


def test_a_correction_that_the_weapon_was_harmless_reads_as_no_weapon() -> None:
    assert answer("update: the blade was just a comb, no weapon", "weapon") is Answer.NO
