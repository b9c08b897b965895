"""The two unsafe errors seen on `heldout56.jsonl`, read as families of wording.

heldout56 was spent in the fifty-sixth round for its two unsafe errors only. Both families:

- A present act of self-harm (one wrist cut, "cutting himself" tonight) beside the person's own
  word on it. A reassurance ("says shes fine", "hes ok") is dropped as a suicidal_thoughts `no`,
  as it is beside the means at hand (`denials.harms_self_now`); a wish to live ("doesnt want to
  die") or a plain "not suicidal" beside the act stays a conflict, as h38-0051 and h43-0022
  label it. Either way the denial never stands as a `no`.
- A later, specific place ("rang from a layby on the a38", "at the services on the m1") after
  an earlier "location unknown" is read as location_known `yes`, so the earlier word does not
  stand alone as a `no`.

Each family here is worded afresh, never copied from the held-back part.

Lookalikes that must not fire: a wrist cut on a tool or a tin (no suicidal_thoughts), past
self-harm beside "hes fine" (still a `no`), a threat to cut beside a later denial (left to the
patterns), and a layby or services on a road that nobody is at.
"""

import pytest

from rightcare.engine.vocab import Answer
from tests.narrative.helpers import answer

PRESENT = [
    ("suicidal_thoughts", "the caretaker says a tenant cut her wrist in the lift, says shes ok"),
    ("suicidal_thoughts", "the lad has been cutting himself in his room tonight, says hes fine"),
    ("location_known", "the trucker rang us from a layby on the a17, he is very upset"),
    ("location_known", "her husband texted from a lay-by off the m62 an hour ago"),
    ("location_known", "the van driver has pulled in at the services on the m4, feels unwell"),
    (
        "location_known",
        "20:05 sister says location unknown. 20:40 update she rang from a layby on the a303",
    ),
]

# Neither family may read `no` (a conflict or unknown is acceptable).
NEVER_NO = [
    (
        "suicidal_thoughts",
        "warden says a camper, 25, cut his wrist in the toilet block, says he doesnt want to die",
    ),
    ("suicidal_thoughts", "the girl cut her arms in the changing rooms, says she is not suicidal"),
    ("suicidal_thoughts", "the porter says a student cut her wrist in the stairwell, shes fine"),
    (
        "location_known",
        "07:10 partner says location unknown. 07:35 update he is at the services on the a1(m)",
    ),
    (
        "location_known",
        "14:00 mum says whereabouts unknown. 14:30 update son rang from a layby on the b1040",
    ),
]

LOOKALIKES = [
    ("suicidal_thoughts", "the carpenter cut his wrist on a chisel at the bench"),
    ("suicidal_thoughts", "the cook cut her wrist opening a tin of beans"),
    ("location_known", "the council will build a new layby on the a38 next spring"),
    ("location_known", "he likes the services on the m6, mum has not heard from him"),
]

STILL_NO = [
    (
        "suicidal_thoughts",
        "her dad says she used to cut herself years ago, shes fine now, no thoughts of self harm",
    ),
    ("location_known", "location unknown, he drove off an hour ago"),
]


@pytest.mark.parametrize(("question", "text"), PRESENT)
def test_a_present_act_or_later_place_in_these_words_is_read_as_yes(
    question: str, text: str
) -> None:
    assert answer(text, question) is Answer.YES


@pytest.mark.parametrize(("question", "text"), NEVER_NO)
def test_neither_family_reads_no(question: str, text: str) -> None:
    assert answer(text, question) is not Answer.NO


@pytest.mark.parametrize(("question", "text"), LOOKALIKES)
def test_a_lookalike_of_these_families_is_not_read_as_yes(question: str, text: str) -> None:
    assert answer(text, question) is not Answer.YES


@pytest.mark.parametrize(("question", "text"), STILL_NO)
def test_past_self_harm_or_a_lone_location_unknown_is_still_read_as_no(
    question: str, text: str
) -> None:
    assert answer(text, question) is Answer.NO
