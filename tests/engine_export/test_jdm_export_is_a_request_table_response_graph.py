"""The GoRules JDM export: request -> one first-hit decision table -> response."""

from __future__ import annotations

import json

from rightcare.engine.export import (
    JDM_CONTENT_TYPE,
    OUTPUTS,
    cell,
    constrained_questions,
    outputs,
    to_jdm,
    zen_cell,
)
from rightcare.engine.policy import Policy
from rightcare.engine.vocab import Answer


def test_the_graph_runs_request_to_table_to_response(every_policy: Policy) -> None:
    jdm = to_jdm(every_policy)
    assert jdm["contentType"] == JDM_CONTENT_TYPE
    types = {node["id"]: node["type"] for node in jdm["nodes"]}
    assert sorted(types.values()) == ["decisionTableNode", "inputNode", "outputNode"]
    by_type = {t: i for i, t in types.items()}
    edges = {(e["sourceId"], e["targetId"]) for e in jdm["edges"]}
    assert edges == {
        (by_type["inputNode"], by_type["decisionTableNode"]),
        (by_type["decisionTableNode"], by_type["outputNode"]),
    }
    assert all(e["type"] == "edge" for e in jdm["edges"])


def test_the_table_is_first_hit_with_an_input_per_constrained_question(
    every_policy: Policy,
) -> None:
    content = next(n for n in to_jdm(every_policy)["nodes"] if n["type"] == "decisionTableNode")[
        "content"
    ]
    assert content["hitPolicy"] == "first"
    assert [i["field"] for i in content["inputs"]] == [
        q.id for q in constrained_questions(every_policy)
    ]
    assert [o["field"] for o in content["outputs"]] == list(OUTPUTS)


def test_each_rule_row_holds_its_cells_and_outputs(every_policy: Policy) -> None:
    content = next(n for n in to_jdm(every_policy)["nodes"] if n["type"] == "decisionTableNode")[
        "content"
    ]
    assert len(content["rules"]) == len(every_policy.rules)
    for row, rule in zip(content["rules"], every_policy.rules, strict=True):
        assert rule.id in row["_id"] and rule.id in row["_description"]
        for column in content["inputs"]:
            assert row[column["id"]] == zen_cell(cell(every_policy, rule, column["field"]))
        for column in content["outputs"]:
            assert row[column["id"]] == f'"{outputs(rule)[column["field"]]}"'


def test_zen_cells_are_unary_tests_and_empty_means_any() -> None:
    assert zen_cell(None) == ""
    assert zen_cell((Answer.NO,)) == '"no"'
    assert zen_cell((Answer.YES, Answer.UNKNOWN)) == '"yes", "unknown"'


def test_the_graph_is_plain_json_naming_the_policy_digest(every_policy: Policy) -> None:
    text = json.dumps(to_jdm(every_policy))
    assert every_policy.digest in text
