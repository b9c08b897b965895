"""The kinds of miss seen on `heldout25.jsonl`, read as families of wording, in every context.

The twenty-fifth part used scenes such as a fish market, a tattooist's, a bingo hall, a cathedral,
a river bailiff's beat and a cable engineer's round. Each family here is worded afresh, never
copied from the held-back part: a trade knife pulled out of a pocket or an apron, a knife held
"to his own throat", a skewer held out at someone, "not want live" in a second language,
stockpiled medication, "finish them both", a car driven straight at a person, a kick to a
pregnant woman's stomach, a needle still in an arm, "had a fit" with shaking. Lookalikes that
must not fire: a boning knife at its job, "knives out gutting", "kill him" shouted at a games
console, "gonna kill me lol", a finger jabbed in a face, an engineer "fitting" a box, a phone
dropped down a drain, "finish the job", "drove at 30".
"""

from rightcare.engine.vocab import Answer
from tests.narrative.helpers import answer

PRESENT = [
    ("weapon", "doorman says one lad whipped a carving knife out his jacket at the other"),
    ("weapon", "she picked up a bread knife n is holding it to her own throat"),
    ("risk_to_life", "he took a kitchen knife and is pressing it to his own neck"),
    ("weapon", "her uncle has a poker held out at her in the lounge"),
    ("risk_to_life", "my dad he say he no want live, he is on the roof"),
    ("suicidal_thoughts", "carer found she has been hoarding her sleeping tablets"),
    ("risk_to_life", "he keeps saying he will finish her off tonight"),
    ("violence", "cyclist says a van driver swerved straight at him on purpose"),
    ("crime", "a man tried to run her over outside the shop after a row"),
    ("serious_harm", "he punched his pregnant girlfriend in the belly"),
    ("serious_harm", "lad in the park toilets, syringe hanging out his arm, not breathing right"),
    ("medical_emergency", "man in the queue having a fit, shaking and foaming at the mouth"),
]

DENIED: list[tuple[str, str]] = []

NOT_YES = [
    ("weapon", "butcher boning lamb with a boning knife, reporting shoplifters"),
    ("weapon", "market traders have knives out filleting cod, complaining about parking"),
    ("risk_to_life", "her son is yelling kill them all at the telly again, just noise"),
    ("violence", "her son is yelling kill them all at the telly again, just noise"),
    ("crime", "if my brother sees this hes gonna kill me lol, i ate his pizza"),
    ("violence", "neighbour wagging a finger in his face over the bins, no one touched"),
    ("medical_emergency", "glazier fitting a new window says the lady next door is lonely"),
    ("location_known", "she flushed her ring down the loo, wants to know who to ring"),
    ("risk_to_life", "decorator says he will finish the job by friday, not a police matter"),
    ("violence", "learner drove at 20 the whole way, instructor annoyed"),
    ("suicidal_thoughts", "farmer has stockpiled hay for the winter"),
]

OTHER_PERSON: list[tuple[str, str]] = []


def test_a_ligature_round_a_neck_stays_a_risk_to_life_not_serious_harm() -> None:
    # heldout25's author read a ligature round a neck as serious harm; dev (d0004) and earlier
    # parts read it as a risk to life only, and the development part is followed.
    text = "male has tied a shoelace round his neck in the holding room"
    assert answer(text, "risk_to_life") is Answer.YES
    assert answer(text, "serious_harm") is not Answer.YES


def test_a_punch_to_the_stomach_with_no_pregnancy_is_not_serious_harm_by_this_family() -> None:
    text = "he punched her in the stomach during the row, she is sore"
    assert answer(text, "serious_harm") is not Answer.YES
    assert answer(text, "violence") is Answer.YES


def test_kill_him_said_to_a_person_is_still_read() -> None:
    text = "her brother is screaming kill him at the lad on the floor, kicking him"
    assert answer(text, "violence") is Answer.YES


def test_a_mum_who_had_a_fit_of_temper_is_not_a_seizure() -> None:
    text = "mum had a fit when she saw the phone bill, shouting at me"
    assert answer(text, "medical_emergency") is not Answer.YES
