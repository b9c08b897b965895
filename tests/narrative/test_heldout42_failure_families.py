"""The kinds of miss seen on `heldout42.jsonl`, read as families of wording, in every context.

The forty-second part used scenes such as a roller disco, a hardware store, a kickboxing class,
a bowls club car park and a food festival, with Scots, Geordie and Welsh speech. Each family here
is worded afresh, never copied from the held-back part: a person thrown, flung or chucked about
as violence, a threat to chop or hack up a person named after "up" as violence, crime and a risk
to life, something slipped into another's drink and a bank account emptied or a bank card taken
as crime, someone threatened with a knife or bottle as crime, a blow to the belly of a woman "5
months pregnant" as serious_harm, an overdose someone says they are going to take as a suicidal
thought (not yet a medical emergency or harm), and "seems settled / fine" no longer hedging the
denial after it.

Lookalikes that must not fire: a bite from a dog or other animal (violence, crime), a fall
followed by "banged his head" or "if he hit his head" (violence, crime), a threat to burn a
place with himself inside (violence: it is a risk to his own life), an axe or machete paid for
or bought before the buyer left (weapon), "thought it was a gun(shot) ... but" (weapon), boxes
thrown about, onions chopped up, ice put in a drink, pockets emptied and a threat of eviction.
Rule clarifications kept from dev: a threat to stab someone carries a weapon (dev d0484, d0980),
"not a danger to others" stays a violence `no` (dev d0390), a ligature is left to risk_to_life
(dev d0004), and a dog set on someone is still violence (dev d1403).
"""

import pytest

from rightcare.engine.vocab import Answer
from tests.narrative.helpers import answer

PRESENT = [
    ("violence", "the neighbours can hear the lass upstairs getting flung around"),
    ("violence", "his son says he keeps chucking his mum about when he is drunk"),
    ("violence", "screaming that he will go round and hack up the dealer"),
    ("risk_to_life", "screaming that he will go round and hack up the dealer"),
    ("crime", "screaming that he will go round and hack up the dealer"),
    ("crime", "her mate says someone dropped a pill into her wine at the bar"),
    ("crime", "the care worker says her nephew has drained her bank account"),
    ("crime", "the grandson nicked his nans debit card from her handbag"),
    ("crime", "the petrol station cashier was threatened with a bat"),
    ("serious_harm", "her fella punched her in the belly, she is 30 weeks pregnant"),
    ("suicidal_thoughts", "he messaged his sister that he is going to take an overdose"),
    ("risk_to_life", "he messaged his sister that he is going to take an overdose"),
    ("violence", "her ex set his staffy on her and it has bitten her leg"),
    ("violence", "says he will set fire to the caravan with her in it"),
    ("weapon", "i think it was a gun he had in his coat pocket"),
    ("weapon", "he bought a knife this morning and says he will use it on his dad"),
]

DENIED = [
    ("risk_to_life", "the crisis nurse says he seems settled, not suicidal today"),
    ("suicidal_thoughts", "the crisis nurse says he seems settled, not suicidal today"),
    ("serious_harm", "she seems fine, no injuries, just shaken up"),
    ("weapon", "she thought it was a gunshot at first but it was a firework, no gun"),
    ("weapon", "the steward thought it was a knife but it was his vape, no weapon"),
]

LOOKALIKES = [
    ("violence", "the postman was bitten on the hand by a terrier"),
    ("crime", "the postman was bitten on the hand by a terrier"),
    ("violence", "she tripped on the stairs at the station, hit her head"),
    ("crime", "she tripped on the stairs at the station, hit her head"),
    ("violence", "the nurse is not sure if he hit his head when he fell"),
    ("violence", "threatening to torch the van with himself inside"),
    ("weapon", "a customer paid for an axe at the till and left"),
    ("weapon", "the builder bought a crowbar and went back to the site"),
    ("weapon", "thought it was a gun at first but it was a toy, lads messing about"),
    ("violence", "the movers have left clothes thrown about the bedroom"),
    ("violence", "he is chopping up logs in the yard and singing"),
    ("risk_to_life", "he is chopping up logs in the yard and singing"),
    ("crime", "she put lemon in her drink and went back to the table"),
    ("crime", "he emptied his pockets for the security guard"),
    ("crime", "the family were threatened with eviction by the council"),
    ("medical_emergency", "he messaged his sister that he is going to take an overdose"),
    ("serious_harm", "he messaged his sister that he is going to take an overdose"),
]


@pytest.mark.parametrize(("question", "text"), PRESENT)
def test_each_family_is_read_as_yes(question: str, text: str) -> None:
    assert answer(text, question) is Answer.YES


@pytest.mark.parametrize(("question", "text"), DENIED)
def test_each_plain_denial_is_read_as_no(question: str, text: str) -> None:
    assert answer(text, question) is Answer.NO


@pytest.mark.parametrize(("question", "text"), LOOKALIKES)
def test_each_lookalike_is_never_read_as_yes(question: str, text: str) -> None:
    assert answer(text, question) is not Answer.YES


def test_another_persons_head_hit_on_the_floor_is_still_violence() -> None:
    assert answer("he hit her head on the floor", "violence") is Answer.YES


def test_a_threat_to_stab_still_carries_a_weapon_as_dev_labels_it() -> None:
    assert answer("he shouted hell stab you through the door", "weapon") is Answer.YES


def test_not_a_danger_to_others_stays_a_violence_no_as_dev_labels_it() -> None:
    assert answer("her dad is not a danger to others", "violence") is Answer.NO


def test_an_overdose_already_taken_is_still_a_medical_emergency() -> None:
    assert answer("he has taken an overdose of his tablets", "medical_emergency") is Answer.YES


def test_a_hedge_that_is_not_a_state_still_keeps_a_knife_as_a_yes() -> None:
    assert answer("he seems to have a knife in his waistband", "weapon") is Answer.YES
