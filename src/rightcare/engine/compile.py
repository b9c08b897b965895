"""Compile a loaded pack (and overlay) into a Policy, running the static safety checks.

Checks, each refusing the pack whole: rows no input can reach, dispositions no row reaches,
answer combinations no row decides, a row that declines or leaves police discretion while a
critical question is unknown, and an `undetermined` row that fires when every question is
answered (it would leave nothing to ask).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from typing import Any

from rightcare.engine.boxes import ANSWER_OF_BIT, ANY, BITS, Space
from rightcare.engine.errors import PackError, Problem
from rightcare.engine.loader import Located, PackSource
from rightcare.engine.pack_model import (
    Disposition,
    Overlay,
    Question,
    Rule,
    Table,
)
from rightcare.engine.policy import CompiledRule, Policy
from rightcare.engine.vocab import Answer, HitPolicy, PoliceResponse, RiskDirection, Severity

UNKNOWN_BIT = BITS[Answer.UNKNOWN]


def canonical_digest(*documents: Any) -> str:
    """sha256 over canonical JSON (sorted keys, no spaces) of the given documents."""
    text = json.dumps(documents, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def rule_mask(rule: Rule, slot: dict[str, int], space: Space) -> int:
    mask = space.full
    for question, cell in rule.when.items():
        if cell == "any":
            continue
        answers = cell if isinstance(cell, list) else [cell]
        bits = 0
        for answer in answers:
            bits |= BITS[Answer(answer)]
        mask = space.with_slot(mask, slot[question], bits)
    return mask


def describe_point(
    point: Sequence[int],
    questions: Sequence[Question],
    box: int | None = None,
    space: Space | None = None,
) -> str:
    """Answers of an example point, naming only the questions the box constrains."""
    parts = []
    for i, bit in enumerate(point):
        if box is not None and space is not None and space.slot(box, i) == ANY:
            continue
        parts.append(f"{questions[i].id}={ANSWER_OF_BIT[bit].value}")
    return ", ".join(parts) if parts else "any answers"


def decision_order(
    tables: Iterable[Table], dispositions: dict[str, Disposition]
) -> list[tuple[Table, Rule]]:
    """Flatten decision tables into one first-hit list.

    A priority table is the same as a first-hit table whose rows are sorted by how protective
    their disposition is (stable, so ties keep their written order).
    """
    ordered: list[tuple[Table, Rule]] = []
    for table in tables:
        if table.hit_policy is HitPolicy.COLLECT:
            continue
        rows = list(table.rules)
        if table.hit_policy is HitPolicy.PRIORITY:
            rows.sort(key=lambda r: -Severity.of(dispositions[r.then or ""].police_response))
        ordered.extend((table, row) for row in rows)
    return ordered


def compile_policy(
    source: PackSource,
    *,
    tables: Sequence[Table] | None = None,
    dispositions: Sequence[Disposition] | None = None,
    questions: Sequence[Question] | None = None,
    overlay: Overlay | None = None,
    located: Located | None = None,
    origins: dict[str, str] | None = None,
    must_reach: set[str] | None = None,
    base: Policy | None = None,
) -> Policy:
    """Compile a pack, or the result of applying an overlay to it (see `overlay.py`).

    `must_reach` limits the unreachable-row and unreached-disposition checks to those rule ids
    and disposition codes: an overlay may shadow national rows by raising the response.
    `base` is the national policy an overlay applies to: no input may get a lower response.
    """
    located = located or source.located
    questions = tuple(questions or source.index.questions)
    tables = tuple(tables or source.tables)
    disp_map = {d.code: d for d in (dispositions or source.dispositions)}
    slot = {q.id: i for i, q in enumerate(questions)}
    space = Space(len(questions))
    origins = origins or {}

    def compiled(table: Table, rule: Rule) -> CompiledRule:
        disposition = disp_map[rule.then] if rule.then else None
        return CompiledRule(
            id=rule.id,
            table=table.id,
            mask=rule_mask(rule, slot, space),
            disposition=disposition,
            severity=Severity.of(disposition.police_response) if disposition else None,
            text=rule.text,
            basis=rule.basis,
            source=rule.source,
            safeguarding=tuple(rule.safeguarding),
            origin=origins.get(rule.id, "pack"),
        )

    rules = [compiled(t, r) for t, r in decision_order(tables, disp_map)]
    collect = [compiled(t, r) for t in tables if t.hit_policy is HitPolicy.COLLECT for r in t.rules]
    reach, problems = analyse(rules, questions, space, located, must_reach)
    if base is not None:
        problems += lowering_problems(base, rules, reach, located)
    problems += monotonic_problems(rules, reach, questions, space, located)
    reached = {rule.disposition.code for rule in rules if rule.disposition and reach[rule.id]}
    fallbacks = source.index.fallbacks
    for code in disp_map:
        if must_reach is not None and code not in must_reach:
            continue
        if code not in reached and code not in {fallbacks.undetermined, fallbacks.error}:
            problems.append(
                located.problem(
                    "disposition", code, f"disposition {code} is not reached by any rule"
                )
            )
    if problems:
        raise PackError(problems)

    attend = [box for rule in rules if rule.severity is Severity.ATTEND for box in reach[rule.id]]
    relevant = sorted(
        {
            i
            for rule in (*rules, *collect)
            for i in range(space.n)
            if space.slot(rule.mask, i) != ANY
        }
    )
    documents: list[Any] = [
        source.index.model_dump(mode="json"),
        [[name, f.model_dump(mode="json")] for name, f in source.files],
    ]
    if overlay is not None:
        documents.append(overlay.model_dump(mode="json", by_alias=True))
    policy = Policy(
        pack=source.index.pack,
        overlay=overlay.overlay if overlay else None,
        questions=questions,
        slot=slot,
        space=space,
        agencies=tuple(source.index.agencies),
        dispositions=disp_map,
        tables=tables,
        rules=tuple(rules),
        collect=tuple(collect),
        reach={k: tuple(v) for k, v in reach.items()},
        attend_boxes=tuple(attend),
        relevant=tuple(relevant),
        undetermined=disp_map[fallbacks.undetermined],
        error=disp_map[fallbacks.error],
        partners={p.agency: p for p in overlay.partners} if overlay else {},
        digest=canonical_digest(*documents),
        boxes=tuple((space.full & ~box, box, rule) for rule in rules for box in reach[rule.id]),
        attend_paths=tuple(
            (box, frozenset(i for i in relevant if space.slot(box, i) != ANY)) for box in attend
        ),
    )
    policy.question_by_id.update({q.id: q for q in questions})
    policy.rule_by_id.update({r.id: r for r in (*rules, *collect)})
    return policy


def analyse(
    rules: Sequence[CompiledRule],
    questions: Sequence[Question],
    space: Space,
    located: Located,
    must_reach: set[str] | None = None,
) -> tuple[dict[str, list[int]], list[Problem]]:
    """Exact reachable region of every row, and the static safety problems found on the way."""
    problems: list[Problem] = []
    remaining = [space.full]
    reach: dict[str, list[int]] = {}
    critical = [i for i, q in enumerate(questions) if q.critical]
    no_unknown = space.full & ~(UNKNOWN_BIT * space.low)
    for rule in rules:
        region = space.merge(space.clip(remaining, rule.mask))
        reach[rule.id] = region
        remaining = space.subtract_region(remaining, rule.mask)
        if not region and (must_reach is None or rule.id in must_reach):
            problems.append(
                located.problem(
                    "rule",
                    rule.id,
                    f"rule {rule.id} can never fire: "
                    "earlier rules already decide every answer it accepts",
                )
            )
        if not region:
            continue
        severity = rule.severity
        if severity is not None and severity < Severity.UNDETERMINED:
            problems.extend(_unsafe(rule, region, critical, questions, space, located))
        if rule.disposition and rule.disposition.police_response is PoliceResponse.UNDETERMINED:
            for box in region:
                if space.nonempty(box & no_unknown):
                    example = describe_point(space.example(box & no_unknown), questions, box, space)
                    problems.append(
                        located.problem(
                            "rule",
                            rule.id,
                            f"rule {rule.id} gives `undetermined` even when every "
                            f"question is answered (e.g. {example}), leaving nothing to ask",
                        )
                    )
                    break
    if remaining:
        example = describe_point(space.example(remaining[0]), questions)
        last = rules[-1].id if rules else ""
        problems.append(
            located.problem(
                "rule",
                last,
                "no rule decides some answers (e.g. "
                f"{example}); end the last table with a catch-all row",
            )
        )
    return reach, problems


def monotonic_problems(
    rules: Sequence[CompiledRule],
    reach: dict[str, list[int]],
    questions: Sequence[Question],
    space: Space,
    located: Located,
) -> list[Problem]:
    """Rows where answering a risk question the risky way would lower the police response.

    For a risk question q whose risky answer is r: a point in box A (not answering r) must not
    move into a box B of a less protective row when q becomes r. That happens exactly when A
    accepts a non-r answer at q, B accepts r at q, and A and B overlap on every other slot.
    """
    risky_bit = {RiskDirection.YES: BITS[Answer.YES], RiskDirection.NO: BITS[Answer.NO]}
    risk_slots = [(i, risky_bit[q.risk]) for i, q in enumerate(questions) if q.risk in risky_bit]
    boxes = [(box, rule) for rule in rules if rule.severity is not None for box in reach[rule.id]]
    problems: list[Problem] = []
    reported: set[tuple[str, str]] = set()
    for a_box, a_rule in boxes:
        for b_box, b_rule in boxes:
            assert a_rule.severity is not None and b_rule.severity is not None
            if b_rule.severity >= a_rule.severity or (a_rule.id, b_rule.id) in reported:
                continue
            for i, bit in risk_slots:
                if not (space.slot(a_box, i) & ~bit & ANY) or not (space.slot(b_box, i) & bit):
                    continue
                overlap = space.with_slot(a_box, i, ANY) & space.with_slot(b_box, i, ANY)
                if not space.nonempty(overlap):
                    continue
                before = space.with_slot(overlap, i, space.slot(a_box, i) & ~bit & ANY)
                example = describe_point(space.example(before), questions, before, space)
                # Point at the row a force added, if either is one: that is what to move.
                blame = a_rule if a_rule.origin != "pack" else b_rule
                higher, lower = a_rule.severity.name.lower(), b_rule.severity.name.lower()
                problems.append(
                    located.problem(
                        "rule",
                        blame.id,
                        f"answering `{questions[i].id}` {ANSWER_OF_BIT[bit].value} moves a call "
                        f"from rule {a_rule.id} ({higher}) down to rule {b_rule.id} ({lower}), "
                        f"e.g. from {example}; a riskier answer must never lower the response",
                    )
                )
                reported.add((a_rule.id, b_rule.id))
                break
    return problems


def _unsafe(
    rule: CompiledRule,
    region: Iterable[int],
    critical: Sequence[int],
    questions: Sequence[Question],
    space: Space,
    located: Located,
) -> list[Problem]:
    problems = []
    for i in critical:
        for box in region:
            if space.slot(box, i) & UNKNOWN_BIT:
                narrowed = space.with_slot(box, i, UNKNOWN_BIT)
                point = space.example(narrowed)
                assert rule.disposition is not None
                problems.append(
                    located.problem(
                        "rule",
                        rule.id,
                        f"rule {rule.id} gives `{rule.disposition.police_response}` while critical "
                        f"question `{questions[i].id}` is unknown (e.g. "
                        f"{describe_point(point, questions, narrowed, space)}); "
                        "it must be answered first",
                    )
                )
                break
    return problems


def lowering_problems(
    base: Policy,
    rules: Sequence[CompiledRule],
    reach: dict[str, list[int]],
    located: Located,
) -> list[Problem]:
    """Every national rule whose response the overlaid rules lower for some input."""
    space = base.space
    problems: list[Problem] = []
    reported: set[str] = set()
    for national in base.rules:
        if national.severity is None or national.id in reported:
            continue
        for rule in rules:
            if rule.severity is None or rule.severity >= national.severity:
                continue
            hit = next(
                (
                    a & b
                    for a in base.reach[national.id]
                    for b in reach[rule.id]
                    if space.nonempty(a & b)
                ),
                None,
            )
            if hit is None:
                continue
            example = describe_point(space.example(hit), base.questions, hit, space)
            via = "its removal" if rule.origin == "pack" else f"rule {rule.id}"
            where = located.get("rule", rule.id if rule.origin != "pack" else national.id)
            problems.append(
                Problem(
                    f"overlay lowers national rule {national.id} "
                    f"({national.severity.name.lower()}) to {rule.severity.name.lower()} "
                    f"through {via} (e.g. {example}); overlays may only raise a response",
                    where.file,
                    where.line,
                )
            )
            reported.add(national.id)
            break
    return problems
