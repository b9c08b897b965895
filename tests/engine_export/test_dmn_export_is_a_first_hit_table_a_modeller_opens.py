"""The DMN export: one FIRST-hit table, a rule per decision row, an input per asked question."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from rightcare.engine.export import (
    DMN_NS,
    OUTPUTS,
    cell,
    constrained_questions,
    feel_cell,
    outputs,
    to_dmn,
)
from rightcare.engine.policy import Policy
from rightcare.engine.vocab import Answer

NS = {"dmn": DMN_NS}


def table(policy: Policy, **kwargs: str) -> ET.Element:
    root = ET.fromstring(to_dmn(policy, **kwargs))  # type: ignore[arg-type]
    found = root.find("dmn:decision/dmn:decisionTable", NS)
    assert found is not None
    return found


def test_the_document_is_dmn_1_3_with_one_decision(every_policy: Policy) -> None:
    root = ET.fromstring(to_dmn(every_policy))
    assert root.tag == f"{{{DMN_NS}}}definitions"
    assert len(root.findall("dmn:decision", NS)) == 1
    assert len(root.findall("dmn:decision/dmn:decisionTable", NS)) == 1


def test_the_definitions_name_the_pack_version_and_digest(every_policy: Policy) -> None:
    root = ET.fromstring(to_dmn(every_policy))
    assert every_policy.pack.id in root.attrib["namespace"]
    assert every_policy.pack.version in root.attrib["name"]
    if every_policy.overlay:
        assert every_policy.overlay.id in root.attrib["namespace"]
    note = root.findtext("dmn:description", namespaces=NS) or ""
    assert every_policy.digest in note
    assert "safety rule" in note


def test_the_table_is_first_hit_with_one_rule_per_decision_row(every_policy: Policy) -> None:
    dt = table(every_policy)
    assert dt.attrib["hitPolicy"] == "FIRST"
    rules = dt.findall("dmn:rule", NS)
    assert len(rules) == len(every_policy.rules)
    for element, rule in zip(rules, every_policy.rules, strict=True):
        assert (element.findtext("dmn:description", namespaces=NS) or "").startswith(rule.id)


def test_there_is_one_input_per_question_a_rule_constrains(every_policy: Policy) -> None:
    dt = table(every_policy)
    expressions = [
        e.findtext("dmn:inputExpression/dmn:text", namespaces=NS)
        for e in dt.findall("dmn:input", NS)
    ]
    assert expressions == [q.id for q in constrained_questions(every_policy)]
    assert {e.attrib["typeRef"] for e in dt.findall("dmn:input/dmn:inputExpression", NS)} == {
        "string"
    }


def test_each_rule_gives_the_three_outputs_as_quoted_strings(every_policy: Policy) -> None:
    dt = table(every_policy)
    assert [o.attrib["name"] for o in dt.findall("dmn:output", NS)] == list(OUTPUTS)
    for element, rule in zip(dt.findall("dmn:rule", NS), every_policy.rules, strict=True):
        texts = [
            e.findtext("dmn:text", namespaces=NS) for e in element.findall("dmn:outputEntry", NS)
        ]
        assert texts == [f'"{v}"' for v in outputs(rule).values()]


def test_input_entries_are_feel_unary_tests_of_the_answers_each_row_accepts(
    every_policy: Policy,
) -> None:
    dt = table(every_policy)
    questions = constrained_questions(every_policy)
    for element, rule in zip(dt.findall("dmn:rule", NS), every_policy.rules, strict=True):
        texts = [
            e.findtext("dmn:text", namespaces=NS) for e in element.findall("dmn:inputEntry", NS)
        ]
        assert texts == [feel_cell(cell(every_policy, rule, q.id)) for q in questions]


def test_feel_cells_read_as_a_modeller_expects() -> None:
    assert feel_cell(None) == "-"
    assert feel_cell((Answer.YES,)) == '"yes"'
    assert feel_cell((Answer.YES, Answer.UNKNOWN)) == '"yes","unknown"'
    assert feel_cell((Answer.YES, Answer.UNKNOWN), "spiff") == '? in ("yes","unknown")'
    assert feel_cell((Answer.NO,), "spiff") == '"no"'


def test_the_spiff_dialect_differs_only_in_cells_accepting_several_answers(
    every_policy: Policy,
) -> None:
    feel = to_dmn(every_policy).splitlines()
    spiff = to_dmn(every_policy, dialect="spiff").splitlines()
    changed = [(a, b) for a, b in zip(feel, spiff, strict=True) if a != b]
    assert all("? in (" in b for _, b in changed)


@pytest.mark.parametrize("dialect", ["feel", "spiff"])
def test_the_document_is_valid_against_the_dmn_1_3_schema(
    every_policy: Policy, dialect: str
) -> None:
    etree = pytest.importorskip("lxml.etree", reason="lxml comes with the bench group")
    spiff = pytest.importorskip("SpiffWorkflow", reason="the DMN 1.3 XSD ships with SpiffWorkflow")
    xsd = Path(spiff.__file__).parent / "dmn" / "parser" / "schema" / "DMN13.xsd"
    schema = etree.XMLSchema(etree.parse(str(xsd)))
    document = etree.fromstring(to_dmn(every_policy, dialect=dialect).encode("utf-8"))  # type: ignore[arg-type]
    assert schema.validate(document), schema.error_log
