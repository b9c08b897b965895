"""Answer sets and thin runners for the peer engines, shared by the export tests."""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

from rightcare.engine.boxes import ANSWER_OF_BIT
from rightcare.engine.export import outputs, peer_input, to_dmn, to_jdm
from rightcare.engine.policy import Policy
from rightcare.engine.vocab import Answer

Outputs = dict[str, str]
Runner = Callable[[dict[str, str]], Outputs]
CHOICES = (Answer.YES, Answer.NO, Answer.UNKNOWN)


def random_answer_sets(policy: Policy, count: int, seed: int) -> list[dict[str, str]]:
    """Half: any questions answered any way. Half: every critical question `no` (below the
    threshold, where the call-type rows decide) and the rest at random."""
    rng = random.Random(seed)
    sets: list[dict[str, str]] = []
    for n in range(count):
        answers: dict[str, Answer] = {}
        for q in policy.questions:
            if n % 2 and q.critical:
                answers[q.id] = Answer.NO
            elif rng.random() < 0.7:
                answers[q.id] = rng.choice(CHOICES)
        sets.append(peer_input(policy, answers))
    return sets


def row_examples(policy: Policy) -> list[tuple[str, dict[str, str]]]:
    """One answer set inside every piece of every row's reachable region."""
    examples = []
    for rule in policy.rules:
        for box in policy.reach[rule.id]:
            bits = policy.space.example(box)
            answers = {
                q.id: ANSWER_OF_BIT[bit] for q, bit in zip(policy.questions, bits, strict=True)
            }
            examples.append((rule.id, peer_input(policy, answers)))
    return examples


def ours(policy: Policy) -> Runner:
    def run(answers: dict[str, str]) -> Outputs:
        rule = policy.decide(policy.encode({k: Answer(v) for k, v in answers.items()}))
        return outputs(rule) if rule else {}

    return run


def zen_runner(policy: Policy) -> Runner:
    import zen

    decision = zen.ZenEngine().create_decision(json.dumps(to_jdm(policy)))

    def run(answers: dict[str, str]) -> Outputs:
        result: Outputs = decision.evaluate(answers)["result"]
        return result

    return run


def spiff_runner(policy: Policy) -> Runner:
    """SpiffWorkflow's DMN engine, driven as its own test suite drives it (a stand-in task
    carrying the data and the script engine)."""
    from SpiffWorkflow.bpmn.script_engine import PythonScriptEngine
    from SpiffWorkflow.dmn.parser.BpmnDmnParser import BpmnDmnParser

    parser = BpmnDmnParser()
    parser.add_dmn_str(to_dmn(policy, dialect="spiff").encode("utf-8"))
    engine = parser.get_engine("rcrp_decision", None)
    workflow = SimpleNamespace(script_engine=PythonScriptEngine())

    def run(answers: dict[str, str]) -> Outputs:
        task: Any = SimpleNamespace(data=dict(answers), workflow=workflow)
        return dict(engine.result(task))

    return run
