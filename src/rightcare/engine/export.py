"""Export a compiled policy's decision rows to other rule engines' formats.

Two targets: DMN 1.3 XML for DMN modellers and engines (Camunda Modeler, bpmn.io dmn-js,
SpiffWorkflow) and GoRules JDM JSON for zen-engine. Both hold ONE first-hit table: the decision
rows of every `first` and `priority` table, already flattened into first-hit order, so a peer
engine decides exactly as `Policy.decide` does.

What is not exported, and why it matters: `collect` tables (safeguarding and extra rationale;
they never decide) and rightcare's safety guard, which turns a decline into `undetermined`
while an unanswered question could still mean police must attend. A peer engine running the
export alone gives the raw decision, never the guarded one.

Peers expect every question present (`peer_input` fills in `unknown`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, Literal
from xml.sax.saxutils import escape, quoteattr

from rightcare.engine.boxes import ANY, BITS
from rightcare.engine.pack_model import Disposition, Question
from rightcare.engine.policy import CompiledRule, Policy
from rightcare.engine.vocab import Answer

DMN_NS = "https://www.omg.org/spec/DMN/20191111/MODEL/"
DMNDI_NS = "https://www.omg.org/spec/DMN/20191111/DMNDI/"
DC_NS = "http://www.omg.org/spec/DMN/20180521/DC/"
JDM_CONTENT_TYPE = "application/vnd.gorules.decision"
OUTPUTS: tuple[str, ...] = ("disposition", "police_response", "lead_agency")
DECISION_ID = "rcrp_decision"

# How a DMN cell that accepts two answers is written:
# `feel`  - the idiomatic FEEL list of unary tests, `"yes","unknown"`.
# `spiff` - `? in ("yes","unknown")`: also valid FEEL 1.3, and the form SpiffWorkflow (whose DMN
#           engine evaluates cells as Python) reads correctly; it reads the FEEL list as a tuple
#           and silently never matches.
Dialect = Literal["feel", "spiff"]

_ORDER = (Answer.YES, Answer.NO, Answer.UNKNOWN)
_UNSAFE_ID = re.compile(r"[^A-Za-z0-9_.-]")


def peer_input(policy: Policy, answers: Mapping[str, Answer | str]) -> dict[str, str]:
    """The input a peer engine needs: every question of the policy, absent ones `unknown`."""
    filled = {q.id: Answer.UNKNOWN.value for q in policy.questions}
    for question, answer in answers.items():
        filled[question] = Answer(answer).value
    return filled


def constrained_questions(policy: Policy) -> list[Question]:
    """Questions that at least one decision row constrains, in the pack's question order."""
    return [
        q
        for q in policy.questions
        if any(policy.space.slot(rule.mask, policy.slot[q.id]) != ANY for rule in policy.rules)
    ]


def cell(policy: Policy, rule: CompiledRule, question: str) -> tuple[Answer, ...] | None:
    """The answers a row accepts for a question, in yes/no/unknown order; None for any."""
    bits = policy.space.slot(rule.mask, policy.slot[question])
    if bits == ANY:
        return None
    answers = tuple(a for a in _ORDER if bits & BITS[a])
    if not answers:  # compile refuses such rows as unreachable; never export a silent gap
        raise ValueError(f"rule {rule.id} accepts no answer to `{question}`")
    return answers


def outputs(rule: CompiledRule) -> dict[str, str]:
    """The three output values a decision row gives."""
    disposition = _disposition(rule)
    return {
        "disposition": disposition.code,
        "police_response": disposition.police_response.value,
        "lead_agency": disposition.lead_agency.value,
    }


def _disposition(rule: CompiledRule) -> Disposition:
    if rule.disposition is None:  # the loader refuses decision rows without `then`
        raise ValueError(f"decision rule {rule.id} has no disposition")
    return rule.disposition


def policy_label(policy: Policy) -> str:
    overlay = f" + {policy.overlay.id}" if policy.overlay else ""
    return f"{policy.pack.id} {policy.pack.version}{overlay}"


def export_note(policy: Policy) -> str:
    """Plain-English provenance and limits, carried in both exports."""
    return (
        f"Exported by rightcare from pack {policy_label(policy)}, policy digest "
        f"{policy.digest}. One first-hit table holding the decision rows of every table in "
        "evaluation order. Not included: collect tables (safeguarding actions) and the "
        "rightcare safety rule that keeps a call with police while an unanswered question "
        "could still mean police must attend - this table alone gives the raw decision."
    )


def _rule_note(rule: CompiledRule) -> str:
    text = rule.text or _disposition(rule).title
    return f"{rule.id} ({rule.table}): {text}"


def _quoted(value: str) -> str:
    return f'"{value}"'


def _xml_id(*parts: str) -> str:
    return _UNSAFE_ID.sub("_", "_".join(parts))


# --- DMN 1.3 -------------------------------------------------------------------------------


def feel_cell(answers: tuple[Answer, ...] | None, dialect: Dialect = "feel") -> str:
    if answers is None:
        return "-"
    quoted = ",".join(_quoted(a.value) for a in answers)
    if len(answers) > 1 and dialect == "spiff":
        return f"? in ({quoted})"
    return quoted


def to_dmn(policy: Policy, *, dialect: Dialect = "feel") -> str:
    """The policy's decision rows as a DMN 1.3 document with one FIRST-hit decision table.

    Includes a minimal diagram (DMNDI) so modellers that draw the requirements graph first,
    such as Camunda Modeler, show the decision and open its table.
    """
    questions = constrained_questions(policy)
    name = policy_label(policy)
    namespace = f"urn:rightcare:{policy.pack.id}:{policy.pack.version}"
    if policy.overlay:
        namespace += f":{policy.overlay.id}"
    out: list[str] = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<definitions xmlns="{DMN_NS}" xmlns:dmndi="{DMNDI_NS}" xmlns:dc="{DC_NS}"'
        f" id={quoteattr(_xml_id('rightcare', name))} name={quoteattr(name)}"
        f' namespace={quoteattr(namespace)} exporter="rightcare">',
        f"  <description>{escape(export_note(policy))}</description>",
        f'  <decision id="{DECISION_ID}" name={quoteattr(policy.pack.title)}>',
        f"    <description>{escape(policy.pack.summary or policy.pack.title)}</description>",
        '    <decisionTable id="rcrp_table" hitPolicy="FIRST">',
    ]
    values = ",".join(_quoted(a.value) for a in _ORDER)
    for q in questions:
        out += [
            f"      <input id={quoteattr(_xml_id('input', q.id))} label={quoteattr(q.text)}>",
            f'        <inputExpression id={quoteattr(_xml_id("expr", q.id))} typeRef="string">',
            f"          <text>{escape(q.id)}</text>",
            "        </inputExpression>",
            f"        <inputValues><text>{escape(values)}</text></inputValues>",
            "      </input>",
        ]
    for field in OUTPUTS:
        out.append(
            f'      <output id="output_{field}" name="{field}" label="{field}" typeRef="string"/>'
        )
    for n, rule in enumerate(policy.rules):
        rid = _xml_id("rule", str(n), rule.id)
        out += [
            f"      <rule id={quoteattr(rid)}>",
            f"        <description>{escape(_rule_note(rule))}</description>",
        ]
        for q in questions:
            text = feel_cell(cell(policy, rule, q.id), dialect)
            out.append(
                f"        <inputEntry id={quoteattr(_xml_id(rid, 'in', q.id))}>"
                f"<text>{escape(text)}</text></inputEntry>"
            )
        for field, value in outputs(rule).items():
            out.append(
                f"        <outputEntry id={quoteattr(_xml_id(rid, 'out', field))}>"
                f"<text>{escape(_quoted(value))}</text></outputEntry>"
            )
        out.append("      </rule>")
    out += [
        "    </decisionTable>",
        "  </decision>",
        "  <dmndi:DMNDI>",
        '    <dmndi:DMNDiagram id="rcrp_diagram">',
        f'      <dmndi:DMNShape id="rcrp_decision_shape" dmnElementRef="{DECISION_ID}">',
        '        <dc:Bounds height="80" width="180" x="160" y="100"/>',
        "      </dmndi:DMNShape>",
        "    </dmndi:DMNDiagram>",
        "  </dmndi:DMNDI>",
        "</definitions>",
        "",
    ]
    return "\n".join(out)


# --- GoRules JDM ---------------------------------------------------------------------------


def zen_cell(answers: tuple[Answer, ...] | None) -> str:
    """A zen unary test: comma-separated values are alternatives; empty accepts anything."""
    if answers is None:
        return ""
    return ", ".join(_quoted(a.value) for a in answers)


def to_jdm(policy: Policy) -> dict[str, Any]:
    """The policy's decision rows as a GoRules JDM graph: request -> first-hit table -> response.

    Serialise with `json.dumps`; zen-engine's `create_decision` takes the text.
    """
    questions = constrained_questions(policy)
    inputs = [{"id": f"in_{q.id}", "name": q.text, "field": q.id} for q in questions]
    table_outputs = [{"id": f"out_{field}", "name": field, "field": field} for field in OUTPUTS]
    rules: list[dict[str, str]] = []
    for n, rule in enumerate(policy.rules):
        row = {"_id": f"{n}_{rule.id}", "_description": _rule_note(rule)}
        for q in questions:
            row[f"in_{q.id}"] = zen_cell(cell(policy, rule, q.id))
        for field, value in outputs(rule).items():
            row[f"out_{field}"] = _quoted(value)
        rules.append(row)
    table = {
        "id": "rcrp_table",
        "type": "decisionTableNode",
        "name": f"{policy_label(policy)} ({policy.digest[:19]})",
        "description": export_note(policy),
        "position": {"x": 300, "y": 200},
        "content": {
            "hitPolicy": "first",
            "inputs": inputs,
            "outputs": table_outputs,
            "rules": rules,
            "passThrough": False,
            "inputField": None,
            "outputPath": None,
            "executionMode": "single",
        },
    }
    return {
        "contentType": JDM_CONTENT_TYPE,
        "nodes": [
            {
                "id": "request",
                "type": "inputNode",
                "name": "Request",
                "position": {"x": 60, "y": 200},
            },
            table,
            {
                "id": "response",
                "type": "outputNode",
                "name": "Response",
                "position": {"x": 620, "y": 200},
            },
        ],
        "edges": [
            {
                "id": "request_to_table",
                "sourceId": "request",
                "targetId": "rcrp_table",
                "type": "edge",
            },
            {
                "id": "table_to_response",
                "sourceId": "rcrp_table",
                "targetId": "response",
                "type": "edge",
            },
        ],
    }
