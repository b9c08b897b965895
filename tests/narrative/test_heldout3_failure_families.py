"""The kinds of miss seen on `heldout3.jsonl`, read as families of wording, in every context.

Each family is the ways people say one thing (a ligature round the neck, "do himself in", a
threat in its own words, drifting in and out of consciousness, breathing trouble, a weapon
jabbed at people, a bottle in a fight, an overdose of a named drug), worded afresh, never
copied from the held-back part. Around each present `yes` the usual contexts hold: a negation
gives no `yes`, nor does a hypothetical or past event; another person's present risk is still
a risk. Last, the false positives it showed are fixed by context, not by deleting patterns.
"""

import pytest

from rightcare.engine.vocab import Answer
from tests.narrative.helpers import answer

PRESENT = [
    # ligatures: anything tied round the neck
    ("risk_to_life", "found him in the shed with a rope round his neck"),
    ("risk_to_life", "she has a cord around her neck and has locked the bathroom"),
    ("suicidal_thoughts", "dressing gown cord tied round his neck in the wardrobe"),
    ("risk_to_life", "pt has tied something round her neck on the ward"),
    ("suicidal_thoughts", "scarf tied tight round her neck, staff trying to get it off"),
    ("risk_to_life", "he has tied a belt to the banister"),
    # self-harm idioms
    ("suicidal_thoughts", "texted his sister saying he is going to do himself in tonight"),
    ("risk_to_life", "keeps saying she wont be here tomorrow"),
    ("risk_to_life", "says he wants to top himself, sat in his car"),
    ("suicidal_thoughts", "told the gp she is thinking of ending it all"),
    ("risk_to_life", "says hes going to take his own life"),
    ("risk_to_life", "shes going to cut her throat she says"),
    ("suicidal_thoughts", "he has been cutting his legs with a razor today"),
    # threats to others in their own words
    ("violence", "hes threatening to batter his brother"),
    ("violence", "says she'll stab the next person who comes near her"),
    ("violence", "threatening to do him in if he comes out"),
    ("violence", "threatening everyone on the bus"),
    ("risk_to_life", "says he will shoot the first officer through the door"),
    # consciousness
    ("medical_emergency", "he keeps drifting in and out"),
    ("risk_to_life", "slipping in and out of consciousness on the sofa"),
    ("medical_emergency", "cant keep her eyes open after the fall"),
    ("risk_to_life", "gone all floppy and wont answer"),
    # breathing
    ("medical_emergency", "he cant get his breath and is clutching his chest"),
    ("risk_to_life", "gasping for air on the kitchen floor"),
    ("risk_to_life", "her lips are going blue"),
    ("medical_emergency", "his lips r grey"),
    ("medical_emergency", "barely breathing, mum shaking him"),
    # weapons used at people
    ("violence", "swinging a hammer at passers by"),
    ("violence", "pointing a gun at the door staff"),
    ("violence", "jabbing a screwdriver towards the nurses"),
    ("crime", "waving a knife in her face"),
    # a bottle or glass in a fight
    ("weapon", "scuffle outside the club, one male holding a bottle"),
    ("weapon", "group brawling in the street with bottles"),
    ("weapon", "aggressive male in the beer garden with a pint glass"),
    # overdose with named drugs
    ("risk_to_life", "has taken a load of co-codamol"),
    ("medical_emergency", "injected too much insulin and is sweating"),
    ("serious_harm", "swallowed 30 of her sertraline"),
    ("risk_to_life", "taken her heroin and some tablets on top"),
    ("medical_emergency", "took all his methadone at once"),
]


@pytest.mark.parametrize(("question", "text"), PRESENT)
def test_each_family_is_read_as_yes_when_present(question: str, text: str) -> None:
    assert answer(text, question) is Answer.YES


OTHER_PERSON = [
    ("risk_to_life", "her brother has a belt round his neck"),
    ("suicidal_thoughts", "her son says he is going to do himself in"),
    ("violence", "her ex is threatening to batter her"),
    ("medical_emergency", "her husband is in and out of consciousness"),
    ("medical_emergency", "her dad is struggling to breathe"),
    ("violence", "her boyfriend is waving a bat at the neighbours"),
    ("risk_to_life", "her son has taken all his methadone"),
]


@pytest.mark.parametrize(("question", "text"), OTHER_PERSON)
def test_another_persons_present_risk_is_still_yes(question: str, text: str) -> None:
    assert answer(text, question) is Answer.YES


NEGATED = [
    ("risk_to_life", "no belt round his neck, sat on the bed talking"),
    ("medical_emergency", "not drifting in and out any more, alert and talking"),
    ("medical_emergency", "no difficulty breathing"),
    ("violence", "not waving it at anyone, just holding it"),
    ("weapon", "brawl outside the pub, no bottle involved"),
    ("risk_to_life", "has not taken any of her paracetamol"),
]


@pytest.mark.parametrize(("question", "text"), NEGATED)
def test_a_negated_family_member_is_never_yes(question: str, text: str) -> None:
    assert answer(text, question) is not Answer.YES


def test_denying_a_self_harm_idiom_is_an_explicit_no() -> None:
    text = "says he is not going to do himself in, just wants to talk"
    assert answer(text, "suicidal_thoughts") is Answer.NO


def test_denying_threats_to_anyone_is_an_explicit_no() -> None:
    assert answer("he hasnt threatened anyone, just upset", "violence") is Answer.NO


HYPOTHETICAL = [
    ("risk_to_life", "worried she will put a belt round her neck again"),
    ("suicidal_thoughts", "mum worried he might do himself in one day"),
    ("violence", "if he threatens to batter her again she will ring back"),
    ("medical_emergency", "if she starts drifting in and out call back"),
    ("medical_emergency", "could stop breathing if the ambulance is late"),
    ("violence", "worried he will start waving it at people"),
    ("weapon", "if they start fighting he might grab a bottle"),
    # a threatened overdose is a risk to life, not yet an emergency or harm
    ("medical_emergency", "threatening to take all her sertraline if he leaves"),
    ("serious_harm", "says she is going to swallow a load of co-codamol"),
]


@pytest.mark.parametrize(("question", "text"), HYPOTHETICAL)
def test_a_hypothetical_family_member_is_never_yes(question: str, text: str) -> None:
    assert answer(text, question) is not Answer.YES


def test_a_threatened_overdose_is_still_a_risk_to_life() -> None:
    text = "threatening to take all her sertraline if he leaves"
    assert answer(text, "risk_to_life") is Answer.YES


HISTORICAL = [
    ("risk_to_life", "tied a rope round his neck last year, under the crisis team since"),
    ("suicidal_thoughts", "tried to top himself years ago"),
    ("violence", "threatened to stab his neighbour last year"),
    ("medical_emergency", "was in and out of consciousness last week after the fall"),
    ("medical_emergency", "had breathing difficulties as a child"),
    ("violence", "waved a knife at staff last year"),
    ("weapon", "was hit with a bottle in a fight years ago"),
    ("risk_to_life", "took a load of paracetamol last year"),
    # a death in the family is not a present risk
    ("risk_to_life", "his dad took his own life in march"),
]


@pytest.mark.parametrize(("question", "text"), HISTORICAL)
def test_a_past_family_member_is_never_yes(question: str, text: str) -> None:
    assert answer(text, question) is not Answer.YES


LOOKALIKES = [
    # clothes worn round the neck
    ("risk_to_life", "wearing a scarf round her neck, waiting at the bus stop"),
    # a hug is not a ligature
    ("risk_to_life", "she wrapped her arms around his neck and cried"),
    # a drink, and glass breaking, are not weapons
    ("weapon", "had a fight with her partner after a bottle of wine"),
    ("weapon", "heard glass smashing next door"),
    ("weapon", "cut her arm on glass, not life threatening"),
    # a bottle needs the fighting in its own sentence, and fighting that is denied is none
    ("weapon", "drinking cider from a bottle in the park, no fighting"),
    ("weapon", "he is holding a bottle. earlier the lads next door were fighting"),
    # taking a prescribed dose is not an overdose
    ("medical_emergency", "has taken his methadone as usual this morning"),
    ("risk_to_life", "she takes her insulin twice a day"),
    # a fall is not violence
    ("violence", "fell down the stairs and banged her head on the radiator"),
    ("violence", "slipped in the bath, hit his head, no one else in"),
    ("crime", "tripped over the cat and hit her face on the table"),
    # children someone else acts towards, or in the house, are not the person of concern
    ("child", "man waving a knife at children in the park, he is in his 40s"),
    ("child", "dad drunk and shouting, kids are upstairs asleep"),
    # a phone not answered is not a door not answered
    ("no_answer_at_door", "no answer on his mobile since 6pm"),
    ("no_answer_at_door", "rang her phone, no reply"),
    # a few hours without news is not missing
    ("missing", "not heard from her this morning, usually rings"),
    ("missing", "not heard from him for a couple of hours"),
    # staff who are threatened may be any staff
    ("health_professional_involved", "threatening staff at the petrol station"),
]


@pytest.mark.parametrize(("question", "text"), LOOKALIKES)
def test_lookalikes_are_not_read_as_yes(question: str, text: str) -> None:
    assert answer(text, question) is not Answer.YES


STILL_READ = [
    ("missing", "not heard from him since friday, phone off"),
    ("no_answer_at_door", "not answering the door or her phone"),
    ("child", "her son (15) has a knife in his room"),
    ("violence", "he hit her head against the wall"),
]


@pytest.mark.parametrize(("question", "text"), STILL_READ)
def test_the_context_rules_leave_the_real_cues_alone(question: str, text: str) -> None:
    assert answer(text, question) is Answer.YES


def test_ending_a_relationship_is_not_ending_a_life() -> None:
    assert answer("wants to end things with her boyfriend", "risk_to_life") is not Answer.YES
    assert answer("says she will end it all with her tablets", "risk_to_life") is Answer.YES


EVERYDAY = [
    "carer comes in to do her shopping and went to knock her door",
    "waving at people from the window, cheerful",
    "kids waving at the bus driver",
]


@pytest.mark.parametrize("text", EVERYDAY)
def test_everyday_words_near_people_are_not_violence(text: str) -> None:
    assert answer(text, "violence") is not Answer.YES


ORDINARY_LIFE = [
    ("risk_to_life", "came to the door with a towel round his neck"),
    ("suicidal_thoughts", "burning his hand on the oven"),
    ("crime", "threw his keys into the car"),
    ("crime", "smashed into a parked car on the bypass"),
    ("no_answer_at_door", "rang her phone, no reply"),
]


@pytest.mark.parametrize(("question", "text"), ORDINARY_LIFE)
def test_ordinary_life_is_not_read_as_risk(question: str, text: str) -> None:
    assert answer(text, question) is not Answer.YES
