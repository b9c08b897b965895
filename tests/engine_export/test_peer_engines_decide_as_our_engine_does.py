"""zen-engine on the JDM export and SpiffWorkflow on the DMN export decide every call exactly as
`Policy.decide` does (the raw first-hit decision, before the safety guard)."""

from __future__ import annotations

import pytest

from rightcare.engine.policy import Policy
from tests.engine_export.peers import (
    Runner,
    ours,
    random_answer_sets,
    row_examples,
    spiff_runner,
    zen_runner,
)

SEED = 20260401


def disagreements(policy: Policy, peer: Runner, cases: list[dict[str, str]]) -> list[str]:
    reference = ours(policy)
    found = []
    for answers in cases:
        want, got = reference(answers), peer(answers)
        if want != got:
            found.append(f"{answers}: ours {want}, peer {got}")
    return found


def test_every_rows_example_reaches_that_row_in_our_engine(every_policy: Policy) -> None:
    for rule_id, answers in row_examples(every_policy):
        decided = ours(every_policy)(answers)
        assert decided["disposition"] == every_policy.rule_by_id[rule_id].disposition.code  # type: ignore[union-attr]


def test_zen_engine_agrees_on_random_calls_and_every_rows_example(every_policy: Policy) -> None:
    pytest.importorskip("zen", reason="zen-engine is in the bench group: uv sync --group bench")
    cases = random_answer_sets(every_policy, 400, SEED)
    cases += [answers for _, answers in row_examples(every_policy)]
    assert disagreements(every_policy, zen_runner(every_policy), cases) == []


def test_spiffworkflow_agrees_on_random_calls_and_every_rows_example(every_policy: Policy) -> None:
    pytest.importorskip(
        "SpiffWorkflow", reason="SpiffWorkflow is in the bench group: uv sync --group bench"
    )
    cases = random_answer_sets(every_policy, 300, SEED)
    cases += [answers for _, answers in row_examples(every_policy)]
    assert disagreements(every_policy, spiff_runner(every_policy), cases) == []


def test_spiffworkflow_misreads_the_feel_list_form_which_is_why_it_gets_its_dialect(
    national: Policy,
) -> None:
    """Guards the reason for `dialect="spiff"`: if SpiffWorkflow ever reads FEEL lists, the
    dialect can go."""
    pytest.importorskip("SpiffWorkflow", reason="SpiffWorkflow is in the bench group")
    from types import SimpleNamespace

    from SpiffWorkflow.bpmn.script_engine import PythonScriptEngine
    from SpiffWorkflow.dmn.engine.DMNEngine import DMNEngine

    task = SimpleNamespace(
        data={"crime": "unknown"}, workflow=SimpleNamespace(script_engine=PythonScriptEngine())
    )
    engine = DMNEngine(None)
    assert engine.evaluate("crime", '? in ("yes","unknown")', task)
    assert not engine.evaluate("crime", '"yes","unknown"', task)
