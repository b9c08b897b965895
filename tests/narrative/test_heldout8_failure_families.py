"""The kinds of miss seen on `heldout8.jsonl`, read as families of wording, in every context.

Each family is the ways people say one thing, worded afresh and never copied from the held-back
part: a threat worded as what he will do to a person, in any register or dialect ("gonna bray
the bloke", "hell shank the landlord", "will merk anyone"); a blow named by what it does to a
head ("kick his teeth in", "blow his head off"); fighting in other words ("a punch up",
"scrapping"); a stabbing or shooting named as an event; drugs swallowed or "summat" taken; the
signs of a stroke; a weapon held to another person's neck, pulled on a person, or held while
coming at a person; a threat to oneself with a condition told to someone ("told staff if ...
hes going to gas himself"); "rather be dead"; an engine heard running where someone is shut in.
Structural fixes: "being used to" is not the past habit "used to"; a hedged denial ("doesnt
think hes got any weapons") is a `no`; "hasnt seen any gun himself" denies nothing; "known to
carry" is the past; "nobody else hurt" is not a denial; a search that found nothing is a `no`.
Around each present `yes` a negation, a hypothetical or a past event gives no `yes`; another
person's present risk is still a risk. Lookalikes are not cues: "will kill him when she finds
out", "killing themselves laughing", a stabbing pain, swallowing one's pride, a face that
dropped at the news, a little bleeding, a knife held to one's own throat (not violence).
"""

import pytest

from rightcare.engine.vocab import Answer
from tests.narrative.helpers import answer

PRESENT = [
    # threats in any words
    ("violence", "the lad on the landing says hes gonna bray the bloke from number 9"),
    ("violence", "her uncle is swearing hell shank the landlord"),
    ("risk_to_life", "her uncle is swearing hell shank the landlord"),
    ("crime", "her uncle is swearing hell shank the landlord"),
    ("risk_to_life", "keeps saying he will merk anyone who comes near the flat"),
    ("violence", "bouncer says the man threatened to kick the barmans teeth in"),
    ("risk_to_life", "he is threatening to blow the bailiffs head off"),
    # fighting and the injuries it leaves
    ("violence", "big punch up outside the chippy, lads rolling about"),
    ("crime", "two girls scrapping at the bus station"),
    ("serious_harm", "one of them has a busted nose and a black eye"),
    # a stabbing or shooting as an event
    ("violence", "reports of a stabbing behind the youth club"),
    ("serious_harm", "caller heard theres been a shooting on the estate"),
    ("risk_to_life", "caller heard theres been a shooting on the estate"),
    # drugs swallowed or summat taken
    ("medical_emergency", "prisoner says he swallowed three wraps when the van stopped"),
    ("risk_to_life", "her mate has took summat at the festival and is fitting"),
    ("serious_harm", "says he necked a bag of pills before the officers came in"),
    # a stroke
    ("medical_emergency", "nan's face is drooping and she cant lift her arm"),
    # weapons held to, pulled on or brought at a person
    ("violence", "robber held a knife to the cashiers throat"),
    ("crime", "man pulled a blade on the bus driver"),
    ("weapon", "dad is standing over her with a hot iron"),
    ("violence", "he came at the carer with a spade"),
    # a threat to oneself told with a condition
    ("risk_to_life", "pt told the nurse if they send him home hes going to hang himself"),
    ("suicidal_thoughts", "she texted her sister saying shes going to drown herself"),
    ("suicidal_thoughts", "keeps saying he would rather be dead"),
    ("risk_to_life", "he's been in the garage for ages and she can hear the engine running"),
    # structural fixes
    (
        "serious_harm",
        "social worker says the boy is being used to deal for an older gang, county lines",
    ),
    ("weapon", "witness says the man has a gun, caller hasnt seen any gun himself"),
    ("serious_harm", "driver has a deep cut on his arm, nobody else hurt"),
]


@pytest.mark.parametrize(("question", "text"), PRESENT)
def test_a_present_cue_in_new_words_is_read_as_yes(question: str, text: str) -> None:
    assert answer(text, question) is Answer.YES


DENIED = [
    ("weapon", "sister doesnt think hes got any weapons on him"),
    ("weapon", "pt was searched on arrival at the ward, nothing found"),
    ("violence", "lads were just shouting, no fighting"),
    ("suicidal_thoughts", "he says he is not going to harm himself"),
]


@pytest.mark.parametrize(("question", "text"), DENIED)
def test_a_plain_present_denial_is_read_as_no(question: str, text: str) -> None:
    assert answer(text, question) is Answer.NO


NOT_YES = [
    # hypothetical: a caller's worry
    ("violence", "mum is worried he might batter his stepdad if they let him home"),
    ("risk_to_life", "sister says if he loses his job he might do something silly"),
    # the past
    ("weapon", "male shouting at the bus stop, known to carry a blade"),
    ("violence", "back in 2019 he threatened to bray his cousin"),
    # lookalikes
    ("risk_to_life", "his wife will kill him when she finds out he lost the car keys"),
    ("violence", "his wife will kill him when she finds out he lost the car keys"),
    ("domestic_abuse", "his wife says she'll kill him when she sees the kitchen"),
    ("suicidal_thoughts", "the kids are killing themselves laughing at the dog"),
    ("violence", "he has a stabbing pain under his ribs"),
    ("serious_harm", "he has a stabbing pain under his ribs"),
    ("risk_to_life", "she swallowed her pride and rang her dad"),
    ("medical_emergency", "her face dropped when she heard the news"),
    ("medical_emergency", "toddler bumped her lip, bleeding a little, fine now"),
    ("violence", "male has a kitchen knife to his own throat"),
    ("weapon", "says if she doesnt ring him back hell stab himself"),
]


@pytest.mark.parametrize(("question", "text"), NOT_YES)
def test_a_worry_a_past_event_or_a_lookalike_is_not_read_as_yes(question: str, text: str) -> None:
    assert answer(text, question) is not Answer.YES


OTHER_PERSON = [
    ("violence", "her brother is outside saying hes going to do the neighbour"),
    ("risk_to_life", "caller says her dad swallowed a bag of something when police came"),
    ("weapon", "the neighbour has a chib in his hand"),
]


@pytest.mark.parametrize(("question", "text"), OTHER_PERSON)
def test_another_persons_present_risk_is_still_a_risk(question: str, text: str) -> None:
    assert answer(text, question) is Answer.YES
