"""The kinds of miss seen on `heldout4.jsonl`, read as families of wording, in every context.

Each family is the ways people say one thing (someone in trouble in water, cold and wet to the
bone, a car exhaust, an overdose threatened in words, a threat to stab or to burn people in
their home, someone found hanging, a person pinned or kicked, an object swung at people, blood
everywhere), worded afresh, never copied from the held-back part. Around each present `yes` the
usual contexts hold: a negation gives no `yes`, nor does a hypothetical or past event; another
person's present risk is still a risk. Last, the false positives it showed (hanging baskets,
drowning in debt, a knife and fork, another person's adult age) are fixed by context.
"""

import pytest

from rightcare.engine.vocab import Answer
from tests.narrative.helpers import answer

PRESENT = [
    # in trouble in water, through the ice
    ("risk_to_life", "little girl has gone through the ice on the canal"),
    ("medical_emergency", "dog walker says a man in the reservoir keeps going under"),
    ("risk_to_life", "swimmer being swept out by the tide, shouting for help"),
    # exposure
    ("risk_to_life", "found him under the bridge soaked through and freezing, barely talking"),
    ("medical_emergency", "paramedic on scene thinks she is hypothermic"),
    # car exhaust
    ("risk_to_life", "there is a hosepipe taped to the exhaust of his car in the woods"),
    ("suicidal_thoughts", "neighbour saw a tube going from the exhaust into the car window"),
    # a threatened overdose in words
    ("risk_to_life", "says shes going to take every tablet in the house"),
    ("suicidal_thoughts", "he is threatening to swallow all his sleeping pills"),
    ("risk_to_life", "keeps saying she will neck the lot, there are boxes of pills in her bag"),
    # a photo of the means, a goodbye sent
    ("risk_to_life", "sent his brother a photo of a noose hanging in the shed"),
    ("risk_to_life", "posted on facebook saying goodbye to everyone"),
    # threats to stab are threats to life; burning people in their home
    ("risk_to_life", "shouting that he will stab the first copper through the door"),
    ("risk_to_life", "he is threatening to stab his girlfriend"),
    ("risk_to_life", "says he is going to petrol bomb the house with them all inside"),
    ("violence", "ex is threatening to burn the flat down with her still in it"),
    ("crime", "ex is threatening to burn the flat down with her still in it"),
    # found hanging is harm suffered
    ("serious_harm", "mum found her son hanging in his wardrobe"),
    # down after an assault
    ("serious_harm", "lad was jumped by a gang and is lying unconscious"),
    # pinned, by the throat, kicked, spat at
    ("violence", "he pinned his wife up against the fridge"),
    ("crime", "grabbed the shop worker by his throat"),
    ("serious_harm", "he had her by her throat against the door"),
    ("violence", "old man was kicked in the stomach by two youths"),
    ("crime", "prisoner spat at the custody sergeant"),
    # an object swung or used at people
    ("weapon", "bloke swinging a snooker cue about in the bar"),
    ("weapon", "she hit him over the head with a metal pole"),
    # heavy bleeding in other words
    ("medical_emergency", "cut his leg on the fence and its pouring with blood"),
    # self-harm in other words
    ("suicidal_thoughts", "her son has cut himself again, there is blood on the carpet"),
    ("suicidal_thoughts", "says shes had enough and wants it over"),
]


@pytest.mark.parametrize(("question", "text"), PRESENT)
def test_a_present_cue_in_new_words_is_read_as_yes(question: str, text: str) -> None:
    assert answer(text, question) is Answer.YES


OTHER_PERSON = [
    ("risk_to_life", "her brother has fallen through the ice at the quarry"),
    ("risk_to_life", "her ex says he will stab her new fella"),
    ("medical_emergency", "his mate is blue with cold and shaking, found on the beach"),
    ("serious_harm", "the neighbour found her husband hanging in the garage"),
    ("weapon", "her son is swinging a golf club at the neighbours"),
]


@pytest.mark.parametrize(("question", "text"), OTHER_PERSON)
def test_another_persons_present_risk_is_still_a_yes(question: str, text: str) -> None:
    assert answer(text, question) is Answer.YES


NOT_YES = [
    # negated
    ("risk_to_life", "not suicidal and not in the water, just sat by the lake"),
    ("weapon", "scuffle outside the pub, nobody was armed"),
    ("serious_harm", "he hasnt hurt anybody, just shouting at the telly"),
    # hypothetical
    ("risk_to_life", "mum worried that if he keeps drinking he might end up in the river"),
    ("risk_to_life", "if the council evict him he might take the lot one day"),
    ("violence", "she is scared that if he finds out he could stab someone"),
    # historical
    ("risk_to_life", "took an overdose back in april, doing well since"),
    ("serious_harm", "self harmed when she was 15, now 34 and well"),
    ("weapon", "warning marker for knives from 2015, tonight just lost his wallet"),
    ("risk_to_life", "he threatened to stab his dad in 2018, no contact since"),
]


@pytest.mark.parametrize(("question", "text"), NOT_YES)
def test_a_negated_hypothetical_or_past_cue_is_not_a_yes(question: str, text: str) -> None:
    assert answer(text, question) is not Answer.YES


LOOKALIKES = [
    ("risk_to_life", "upset the wind has broken her hanging baskets"),
    ("suicidal_thoughts", "teenagers hanging around outside the chippy again"),
    ("medical_emergency", "says he is drowning in debts and wants advice"),
    ("medical_emergency", "the bang from the fireworks nearly gave her a heart attack"),
    ("weapon", "her knife and fork are in the dishwasher, she wants the carers back"),
    ("weapon", "neighbour trimming his hedge with a chainsaw at 7am"),
    ("medical_emergency", "male in the canal struggling to get his boat off the bank, no concerns"),
]


@pytest.mark.parametrize(("question", "text"), LOOKALIKES)
def test_an_innocent_use_of_a_risk_word_is_not_a_yes(question: str, text: str) -> None:
    assert answer(text, question) is Answer.UNKNOWN


def test_hasnt_hurt_anyone_is_a_no_for_harm_but_not_for_violence() -> None:
    text = "he rang the ward and said if they send anyone hell fight them, but hasnt hurt anyone"
    assert answer(text, "serious_harm") is Answer.NO
    assert answer(text, "violence") is Answer.YES


def test_a_threat_he_phoned_in_keeps_its_condition() -> None:
    text = "he phoned his sister and said if she calls the police hell batter her"
    assert answer(text, "violence") is Answer.YES


def test_nobody_has_any_weapons_is_an_explicit_no() -> None:
    assert answer("nobody has any weapons, just a lot of shouting", "weapon") is Answer.NO


def test_the_adult_age_of_someone_else_does_not_make_a_child_an_adult() -> None:
    text = "her daughter, 14, has been chatting online to a 22yo man who sends her money"
    assert answer(text, "child") is Answer.YES


def test_a_span_of_years_is_not_an_age() -> None:
    assert answer("her husband of 9 years pushed her, she is 40", "child") is Answer.NO
    assert answer("had a fall 3 yrs ago, now cant get up", "child") is Answer.UNKNOWN


def test_an_age_the_person_was_is_not_their_age_now() -> None:
    assert answer("was in care when he was 12, hes 29 now", "child") is Answer.NO


def test_a_key_safe_whose_code_does_not_work_is_no_way_in() -> None:
    text = "key safe at the door but the number we have doesnt work, no reply"
    assert answer(text, "entry_required") is Answer.YES


def test_someone_locked_in_away_from_an_attacker_is_not_a_forced_entry() -> None:
    text = "she has locked herself in the loo with the kids, he is banging on the door"
    assert answer(text, "entry_required") is Answer.UNKNOWN
