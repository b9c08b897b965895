"""The pack's three added questions are read: partner_unavailable, s136_over_hour and
resistance_risk (each with risk "yes": a `yes` raises the response).

Each question is read where the narrative says it now, and not where the words are negated,
hypothetical, in the past, about another person or crew, or only look alike ("ambulance on its
way", "waited an hour for the bus", "resisted arrest last year"). A `no` comes only from plain
words ("crew can attend within the hour", "handed over after 40 minutes", "compliant and happy
to go back"), never from silence.
"""

import pytest

from rightcare.engine.vocab import Answer
from rightcare.narrative import read_narrative
from tests.narrative.helpers import answer

PRESENT = [
    ("partner_unavailable", "ambulance control say no crews for at least 3 hrs"),
    ("partner_unavailable", "amb ETA 4 hrs, he is still on the kitchen floor"),
    ("partner_unavailable", "crisis team aware but cant attend until the morning"),
    ("partner_unavailable", "the AMHP is unavailable tonight, assessment off"),
    ("partner_unavailable", "ambulance have refused to convey, asking police to take her"),
    ("partner_unavailable", "no one available from the mental health team till monday"),
    ("partner_unavailable", "careline responder is 2 hrs away, lady still on the floor"),
    ("partner_unavailable", "edt wont send anyone out tonight"),
    ("partner_unavailable", "ambulance requested, 45 min wait"),
    ("s136_over_hour", "officers at the 136 suite, been waiting over 2 hrs, no handover"),
    ("s136_over_hour", "pcs sat at hbpos with the s136 male for 90 mins now"),
    ("s136_over_hour", "officers at the place of safety since 0100, been there 1hr 40"),
    ("s136_over_hour", "on s136 in a&e majors, officers now 2 hrs at the hospital"),
    ("resistance_risk", "ward want him back, he says he will batter anyone who tries to take him"),
    ("resistance_risk", "pt on s2 at his mates, refusing to go back to the unit"),
    ("resistance_risk", "detained on a 136, she has tried to run off twice"),
    ("resistance_risk", "the patient is known to abscond, ward asking police to convey"),
    ("resistance_risk", "he kicked off at the crew when they tried to take him to the van"),
    ("resistance_risk", "on the ward he keeps trying to leave, on a section 3"),
]

NEGATED = [
    ("partner_unavailable", "crew can attend within the hour, no need for police"),
    ("s136_over_hour", "136 detainee handed over after 40 mins, officers clear"),
    ("s136_over_hour", "officers at the 136 suite with him, been here 30 mins"),
    ("resistance_risk", "compliant and happy to go back to the ward"),
    ("resistance_risk", "calm, no risk of resistance, ward asking for transport back"),
    ("resistance_risk", "ward say she is not a flight risk"),
]

NEGATED_CUES = [
    ("partner_unavailable", "ambulance have not refused, crew on scene now"),
    ("s136_over_hour", "officers at the 136 suite have not been waiting over an hour"),
    ("resistance_risk", "he is not refusing to go back to the ward"),
    ("resistance_risk", "ward say he has never tried to abscond from escorts"),
]

HYPOTHETICAL = [
    ("partner_unavailable", "if the ambulance cant come the ward will ring us back"),
    ("s136_over_hour", "if they have waited over an hour at the place of safety call the sgt"),
    ("resistance_risk", "mum is worried he will kick off if police come to take him back"),
]

HISTORICAL = [
    ("partner_unavailable", "last week the ambulance said a 6hr wait for her"),
    ("s136_over_hour", "last month officers were stuck at the 136 suite for 5 hrs"),
    ("resistance_risk", "resisted arrest last year, calm tonight"),
    ("resistance_risk", "he tried to run off from the ward in 2019, settled now"),
]

OTHER = [
    ("s136_over_hour", "the other crew were stuck at the pos for 3 hrs last night"),
    ("s136_over_hour", "male on s136 at the suite, nurse says the last patient waited 4 hrs"),
    ("partner_unavailable", "nurse says ambulance waits have been 6 hrs all week"),
    ("resistance_risk", "his brother tried to run off from the police last week"),
]

LOOKALIKES = [
    ("partner_unavailable", "ambulance on its way, crew nearly there"),
    ("partner_unavailable", "ambo called 2 hrs ago, not here yet"),
    ("partner_unavailable", "ambulance service on black alert across the region"),
    ("partner_unavailable", "still no bed at the 136 suite"),
    ("partner_unavailable", "police units tied up across town, no units free"),
    ("partner_unavailable", "keyholder is 40 mins away, lifeline activation"),
    ("partner_unavailable", "ward staff cant find him anywhere"),
    ("s136_over_hour", "waited an hour for the bus then walked home"),
    ("s136_over_hour", "pt has been in a&e 5 hrs waiting for bloods, not on a section"),
    ("s136_over_hour", "officers at the 136 suite, been waiting nearly an hour"),
    ("s136_over_hour", "officers at the s136 suite, no ambulance for 2 hrs"),
    ("resistance_risk", "man in the alley threatening to stab anyone who walks past"),
    ("resistance_risk", "refusing to go to hospital with the paramedics, says hes fine"),
    ("resistance_risk", "tried to run him over in the car park"),
    ("resistance_risk", "pt is non compliant with his meds"),
    ("resistance_risk", "calm and compliant, waiting at the place of safety"),
    ("resistance_risk", "treatment resistant depression, no concerns tonight"),
]


@pytest.mark.parametrize(("question", "text"), PRESENT)
def test_each_added_question_is_read_yes_where_the_narrative_says_it_now(
    question: str, text: str
) -> None:
    assert answer(text, question) is Answer.YES


@pytest.mark.parametrize(("question", "text"), NEGATED)
def test_an_explicit_statement_is_read_as_no(question: str, text: str) -> None:
    suggestion = read_narrative(text).suggestions.get(question)
    assert suggestion is not None and suggestion.value is Answer.NO


@pytest.mark.parametrize(("question", "text"), NEGATED_CUES)
def test_a_negated_cue_is_not_read_as_yes(question: str, text: str) -> None:
    assert answer(text, question) is not Answer.YES


@pytest.mark.parametrize(("question", "text"), HYPOTHETICAL)
def test_a_hypothetical_is_left_unknown(question: str, text: str) -> None:
    assert answer(text, question) is Answer.UNKNOWN


@pytest.mark.parametrize(("question", "text"), HISTORICAL)
def test_the_past_is_left_unknown(question: str, text: str) -> None:
    assert answer(text, question) is Answer.UNKNOWN


@pytest.mark.parametrize(("question", "text"), OTHER)
def test_another_crew_patient_or_agency_situation_is_not_this_call(
    question: str, text: str
) -> None:
    assert answer(text, question) is Answer.UNKNOWN


@pytest.mark.parametrize(("question", "text"), LOOKALIKES)
def test_a_lookalike_is_not_read(question: str, text: str) -> None:
    assert answer(text, question) is Answer.UNKNOWN


@pytest.mark.parametrize(
    ("question", "text"),
    [
        ("partner_unavailable", "ambulance is coming"),
        ("s136_over_hour", "officers at the 136 suite with the male"),
        ("resistance_risk", "ward asking police to convey a pt on s2 to the unit"),
    ],
)
def test_silence_is_never_a_no(question: str, text: str) -> None:
    assert answer(text, question) is not Answer.NO


def test_a_no_carries_the_words_that_say_it() -> None:
    text = "officers at a&e with s136 detainee, handed over after 35 mins"
    suggestion = read_narrative(text).suggestions["s136_over_hour"]
    assert suggestion.value is Answer.NO
    assert "35 mins" in suggestion.evidence


def test_an_hour_told_after_a_shorter_wait_is_not_read_as_no() -> None:
    # A later update of an hour or more never leaves a `no` standing beside it.
    text = "0110 officers at the 136 suite, been here 40 mins. 0205 update: been waiting 1hr 35 now"
    assert answer(text, "s136_over_hour") is not Answer.NO


def test_a_threat_to_fight_whoever_takes_him_back_is_also_violence() -> None:
    text = "secure unit want help to return him, he says hell fight anyone who tries to take him"
    assert answer(text, "resistance_risk") is Answer.YES
    assert answer(text, "violence") is Answer.YES


def test_an_agency_that_cannot_come_and_a_long_wait_at_the_suite_are_read_together() -> None:
    text = (
        "pcs been at the hbpos 2 hrs with the 136 female, amhp says no s12 doctor available "
        "till 9am, she keeps trying to leave"
    )
    reading = read_narrative(text)
    for question in ("s136_over_hour", "partner_unavailable", "resistance_risk"):
        assert reading.suggestions[question].value is Answer.YES, question
