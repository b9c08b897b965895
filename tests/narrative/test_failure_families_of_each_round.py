"""The families of wording added in each revision round (`test_heldoutN_failure_families.py`
hold them, with the tests peculiar to their round), read the same way every round: present in
new words, `yes`; plainly denied, `no`; a worry, a condition, the past or a lookalike, never
`yes`; about another person at the scene, still `yes`."""

from __future__ import annotations

from types import ModuleType

import pytest

from rightcare.engine.vocab import Answer
from tests.narrative import (
    test_heldout10_failure_families as h10,
)
from tests.narrative import (
    test_heldout11_failure_families as h11,
)
from tests.narrative import (
    test_heldout12_failure_families as h12,
)
from tests.narrative import (
    test_heldout13_failure_families as h13,
)
from tests.narrative import (
    test_heldout14_failure_families as h14,
)
from tests.narrative import (
    test_heldout15_failure_families as h15,
)
from tests.narrative import (
    test_heldout16_failure_families as h16,
)
from tests.narrative import (
    test_heldout17_failure_families as h17,
)
from tests.narrative import (
    test_heldout18_failure_families as h18,
)
from tests.narrative import (
    test_heldout19_failure_families as h19,
)
from tests.narrative import (
    test_heldout20_failure_families as h20,
)
from tests.narrative import (
    test_heldout21_failure_families as h21,
)
from tests.narrative import (
    test_heldout22_failure_families as h22,
)
from tests.narrative import (
    test_heldout23_failure_families as h23,
)
from tests.narrative import (
    test_heldout24_failure_families as h24,
)
from tests.narrative import (
    test_heldout25_failure_families as h25,
)
from tests.narrative import (
    test_heldout26_failure_families as h26,
)
from tests.narrative import (
    test_heldout27_failure_families as h27,
)
from tests.narrative import (
    test_heldout28_failure_families as h28,
)
from tests.narrative import (
    test_heldout29_failure_families as h29,
)
from tests.narrative.helpers import answer

ROUNDS: dict[str, ModuleType] = {
    "heldout10": h10,
    "heldout11": h11,
    "heldout12": h12,
    "heldout13": h13,
    "heldout14": h14,
    "heldout15": h15,
    "heldout16": h16,
    "heldout17": h17,
    "heldout18": h18,
    "heldout19": h19,
    "heldout20": h20,
    "heldout21": h21,
    "heldout22": h22,
    "heldout23": h23,
    "heldout24": h24,
    "heldout25": h25,
    "heldout26": h26,
    "heldout27": h27,
    "heldout28": h28,
    "heldout29": h29,
}


def _cases(name: str) -> list[object]:
    return [
        pytest.param(question, text, id=f"{part}: {question}: {text[:40]}")
        for part, module in ROUNDS.items()
        for question, text in getattr(module, name)
    ]


@pytest.mark.parametrize(("question", "text"), _cases("PRESENT"))
def test_each_family_present_in_new_words_is_read_as_yes(question: str, text: str) -> None:
    assert answer(text, question) is Answer.YES


@pytest.mark.parametrize(("question", "text"), _cases("DENIED"))
def test_each_plain_present_denial_is_read_as_no(question: str, text: str) -> None:
    assert answer(text, question) is Answer.NO


@pytest.mark.parametrize(("question", "text"), _cases("NOT_YES"))
def test_a_worry_a_condition_the_past_or_a_lookalike_is_never_yes(question: str, text: str) -> None:
    assert answer(text, question) is not Answer.YES


@pytest.mark.parametrize(("question", "text"), _cases("OTHER_PERSON"))
def test_the_family_about_another_person_at_the_scene_still_counts(
    question: str, text: str
) -> None:
    assert answer(text, question) is Answer.YES
